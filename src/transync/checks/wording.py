"""Messages that read naturally whatever the count."""

from __future__ import annotations


def count(number: int, noun: str) -> str:
    """`count(1, "row")` is "1 row", `count(3, "row")` is "3 rows"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
