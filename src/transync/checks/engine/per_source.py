"""What the content checks compute from a source alone, computed once for all its languages.

The tasks of one source run one after the other (`run_content` hands them out by source), and
each source is parsed once per process and version (`repository.parsed_source`): each of its
languages is compared with the same `Document` object, which is what `per_source` keys on.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from transync.document.model import Document

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def per_source(compute: Callable[[Document, Key], Value]) -> Callable[[Document, Key], Value]:
    """`compute(source, key)`, kept for the last source and key it was asked about (`key`:
    whatever else the value depends on, the same in each language as a rule)."""
    last: list[tuple[Document, Key, Value]] = []

    def kept(source: Document, key: Key) -> Value:
        if not last or last[0][0] is not source or last[0][1] != key:
            last[:] = [(source, key, compute(source, key))]
        return last[0][2]

    return kept
