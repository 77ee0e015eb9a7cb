"""Text → models. Lark stays inside this package."""

from constructor.syntax.parse import parse_text

__all__ = ["parse_text"]
