"""`path-mismatch`: a translation does not sit where its `source_file` says it should.

Usually a source was moved and its translations copied by hand; tools that map paths
(co-op-translator included) will then not find the translation and make a second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.model import Finding, Kind, Severity, TranslationEntry
from transync.paths import UnsafePath, join, relative_to

NAME = "path-mismatch"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    if entry.record is None or entry.folder is None or entry.kind is Kind.IMAGE:
        return
    layout = entry.folder.layout
    try:
        key = layout.translation_key(relative_to(entry.source, layout.sources), entry.language)
        expected = join(entry.folder.path, key)
    except (UnsafePath, ValueError):
        return
    if expected != entry.translation:
        yield Finding(
            NAME,
            Severity.WARNING,
            entry.translation,
            f"its source_file {entry.record.source_file!r} puts it at {expected}",
            entry.language,
            entry.record.line,
        )
