"""What provenance offers a policy: `stale:<change kind>` qualifiers and a better clock.

`--fail-on stale:prose` fails only stale translations whose source changed in prose, so that
cosmetic drift (whitespace, links, code) can be let through. A stale translation whose change
cannot be classified (no git history, origin unknown, a binary source) counts as prose: a gate
must not pass because it could not look.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from transync.model import ChangeKind, TranslationEntry

EntryTest = Callable[[TranslationEntry], bool]


def change_is(kind: ChangeKind) -> EntryTest:
    def test(entry: TranslationEntry) -> bool:
        change = entry.provenance.change if entry.provenance else None
        if change is None:
            return kind is ChangeKind.PROSE
        return change.kind is kind

    return test


# qualifier -> test, for the `stale` kind.
STALE_QUALIFIERS: Mapping[str, EntryTest] = {kind.value: change_is(kind) for kind in ChangeKind}


def stale_since(entry: TranslationEntry) -> datetime | None:
    """When the translation went stale: the date of the commit that changed its source, or
    None when history does not say (the policy then falls back to the translation date)."""
    provenance = entry.provenance
    if provenance is None or provenance.stale_since is None:
        return None
    return datetime.fromisoformat(provenance.stale_since.date.replace("Z", "+00:00"))
