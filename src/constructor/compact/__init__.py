"""Compaction: the shortest program the rules allow, and the proof of how close to optimal it is."""

from constructor.compact.as_written import as_written
from constructor.compact.build import compact
from constructor.compact.plan import Plan
from constructor.compact.solve import AUTO_EXACT_LIMIT, Mode

__all__ = ["AUTO_EXACT_LIMIT", "Mode", "Plan", "as_written", "compact"]
