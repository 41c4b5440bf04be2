"""What to port: the source's diff from the version a translation was made from to now.

Translations made from the same version share one diff, so a source translated into 54
languages yields one diff per distinct `translated_from`, each naming its languages.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from transync.fileio import read_inside
from transync.history.changes import SectionChange, as_text, changed_sections
from transync.history.objects import UnreadableObject
from transync.model import CommitRef, TranslationEntry

BlobReader = Callable[[str], bytes]


@dataclass(frozen=True)
class SourceDiff:
    """The diff of `source` (read now at `current`) from `base`, for `languages`."""

    source: str
    current: str
    base: CommitRef
    languages: tuple[str, ...]
    missed: tuple[CommitRef, ...]
    lines: tuple[str, ...]
    insertions: int
    deletions: int
    sections: tuple[SectionChange, ...]
    binary: bool = False
    # The base is estimated from git (translations without metadata: the source's version
    # at each translation's last commit), not found by a stored hash.
    estimated: bool = False


def source_diffs(
    root: Path, entries: Iterable[TranslationEntry], read_blob: BlobReader
) -> list[SourceDiff]:
    """One diff per (source, version translated from) among entries with a known origin.

    An orphan whose source moved is diffed against the file it moved to.
    """
    real_root = os.path.realpath(root)
    groups: dict[tuple[str, str, bool], list[TranslationEntry]] = {}
    texts: dict[str, bytes] = {}
    for entry in entries:
        provenance = entry.provenance
        if provenance is None or provenance.source_blob is None:
            continue
        current = provenance.moved_to or entry.source
        try:
            now = read_inside(root / current, real_root)
        except OSError:
            continue
        key = (current, provenance.source_blob, entry.estimate is not None)
        groups.setdefault(key, []).append(entry)
        texts[current] = now
    diffs = []
    for (current, blob, estimated), members in groups.items():
        provenance = members[0].provenance
        if provenance is None or provenance.translated_from is None:
            continue
        try:
            old = read_blob(blob)
        except UnreadableObject:
            continue  # git cannot read that version: the entries are listed without a diff
        found = _diff(
            members[0].source,
            current,
            old,
            texts[current],
            provenance.translated_from,
            tuple(sorted(entry.language for entry in members)),
            provenance.missed,
        )
        diffs.append(replace(found, estimated=estimated))
    return sorted(diffs, key=lambda diff: (diff.source, diff.base.date, diff.languages))


def _diff(
    source: str,
    current: str,
    old_bytes: bytes,
    new_bytes: bytes,
    base: CommitRef,
    languages: tuple[str, ...],
    missed: tuple[CommitRef, ...],
) -> SourceDiff:
    old, new = as_text(old_bytes, source), as_text(new_bytes, current)
    if old is None or new is None:
        return SourceDiff(source, current, base, languages, missed, (), 0, 0, (), binary=True)
    lines = tuple(
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{source} ({base.short})",
            tofile=f"b/{current} (working tree)",
        )
    )
    body = lines[2:]
    insertions = sum(1 for line in body if line.startswith("+"))
    deletions = sum(1 for line in body if line.startswith("-"))
    return SourceDiff(
        source,
        current,
        base,
        languages,
        missed,
        lines,
        insertions,
        deletions,
        tuple(changed_sections(old, new)),
    )
