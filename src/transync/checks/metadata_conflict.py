"""`metadata-conflict`: two kinds of metadata for one file disagree.

The sidecar wins (co-op-translator's own order), but a stale inline block is what a human
reading the file sees, so the disagreement is worth fixing.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.model import Finding, MetadataRecord, Severity, TranslationEntry
from transync.paths import UnsafePath, normalise_source_file

NAME = "metadata-conflict"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    if len(entry.records) < 2:
        return
    chosen, *others = entry.records
    for other in others:
        differences = _differences(chosen, other)
        if differences:
            yield Finding(
                NAME,
                Severity.WARNING,
                entry.translation,
                f"{chosen.origin.value} and {other.origin.value} metadata disagree"
                f" on {', '.join(differences)}; the {chosen.origin.value} record is used",
                entry.language,
                other.line,
            )


def _differences(first: MetadataRecord, second: MetadataRecord) -> list[str]:
    differences = []
    if first.original_hash != second.original_hash:
        differences.append(f"original_hash ({first.original_hash} vs {second.original_hash})")
    if _source(first) != _source(second):
        differences.append(f"source_file ({first.source_file!r} vs {second.source_file!r})")
    return differences


def _source(record: MetadataRecord) -> str:
    try:
        return normalise_source_file(record.source_file)
    except UnsafePath:
        return record.source_file
