"""`language-code-mismatch`: metadata names another language than its folder.

Old short codes (`br`, `tw`) are not mismatches with their renamed folders (`pt-BR`,
`zh-TW`): co-op-translator renamed folders and left the codes inside as they were.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.languages import canonical
from transync.model import Finding, Severity, TranslationEntry

NAME = "language-code-mismatch"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    record = entry.record
    if record is None or record.language_code is None:
        return
    if canonical(record.language_code) != canonical(entry.language):
        yield Finding(
            NAME,
            Severity.WARNING,
            entry.translation,
            f"metadata says language {record.language_code!r},"
            f" but the file is in the {entry.language!r} folder",
            entry.language,
            record.line,
        )
