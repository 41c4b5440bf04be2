"""`line-endings`: a stale file whose source changed only in its line endings.

It is still stale (co-op-translator hashes raw bytes and would retranslate it), but the
finding tells a maintainer that normalising line endings, not translators, is the fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.model import Finding, Severity, State, TranslationEntry

NAME = "line-endings"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    if entry.state is State.STALE and entry.note:
        yield Finding(
            NAME,
            Severity.WARNING,
            entry.translation,
            f"stale: {entry.note}",
            entry.language,
        )
