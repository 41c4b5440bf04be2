"""`invalid-metadata`: say why metadata could not be used, at the line it sits on.

An entry in that state gets an error; a broken block that a better record overrode (say a
malformed inline comment beside a good sidecar entry) gets a warning, since it misleads tools
that read only that block.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.model import Finding, Severity, State, TranslationEntry

NAME = "invalid-metadata"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    if entry.state is State.INVALID_METADATA:
        line = entry.problems[0].line if entry.problems else None
        yield Finding(
            NAME,
            Severity.ERROR,
            entry.translation,
            entry.note or "unusable metadata",
            entry.language,
            line,
        )
        return
    if entry.record is None:
        return
    for problem in entry.problems:
        yield Finding(
            NAME,
            Severity.WARNING,
            entry.translation,
            f"{problem.origin.value} metadata ignored ({problem.reason});"
            f" the {entry.record.origin.value} record was used",
            entry.language,
            problem.line,
        )
