"""The variable part of a program (C306, C332): one rule for the program as written (`check`, on its
rows), for the plan compaction made (`compact`, on its items) and for the explanatory note.

The share is of the hours of the cycles the standard splits into obligatory and variable parts
(СГ/ОГСЭ, ЕН, ОП and the professional cycle); a standard that declares no such cycle has every row but
the final attestation's counted. Two rules may set it: `variable_share_min` (at least so much, C306)
and `variable_share` (about, at least or at most so much, C332)."""

from __future__ import annotations

from collections.abc import Iterable

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.whole import SPLIT_ROLES
from constructor.i18n import Msg
from constructor.model import Cycle, Span, Standard


def split_cycles(cycles: Iterable[Cycle]) -> set[str] | None:
    """The codes of the cycles the share is of; None when the standard declares none of them."""
    return {c.code for c in cycles if c.role in SPLIT_ROLES} or None


def counted(cycle: str | None, final: bool, split: set[str] | None) -> bool:
    return cycle in split if split is not None else not final


def rule_broken(std: Standard | None, share: float) -> tuple[str, Msg] | None:
    """The code and the words of the standard's rule that `share` (percent) breaks, None when it keeps
    them: its minimum first (C306), then the share it words as about, at least or at most (C332)."""
    if std is None:
        return None
    if std.variable_share_min is not None and share < std.variable_share_min:
        return "C306", Msg("share.min", {"percent": std.variable_share_min})
    rule = std.variable_share
    if rule is not None and not rule.holds(share):
        return "C332", Msg(f"share.{rule.rule.value}", {"percent": rule.percent, "tolerance": rule.tolerance or 0})
    return None


def variable_share_off(
    std: Standard, variable: int, total: int, where: Span, *, plan: bool = False
) -> Diagnostic | None:
    """C306 or C332 when `variable` of `total` hours breaks the standard's rule; `plan`: said of the
    plan after compaction («в плане после сокращения»)."""
    if not total:
        return None
    broken = rule_broken(std, 100 * variable / total)
    if broken is None:
        return None
    code, rule = broken
    share = round(100 * variable / total)
    if plan:
        return diagnostic(
            code,
            "variable-share.plan",
            where,
            share=share,
            rule=rule,
            variable=variable,
            total=total,
            help="variable-share.plan.help",
        )
    if code == "C306":
        return diagnostic(
            code,
            "variable-share-low",
            where,
            share=share,
            limit=std.variable_share_min or 0,
            variable=variable,
            total=total,
            help="variable-share-low.help",
        )
    labels = [Label(std.variable_share.span, Msg("variable-share-off.label"))] if std.variable_share else []
    return diagnostic(
        code, "variable-share-off", where, labels=labels, share=share, rule=rule, variable=variable, total=total
    )
