"""Planning `transync stamp`: a person says a translation matches its source as it is now.

Stamping hides a stale translation from every report, so it is refused where it would
probably hide work: a missing source, and (unless forced) a source changed in prose since the
translation was made.
"""

from __future__ import annotations

from collections.abc import Iterable

from transync.hashing import md5_hex
from transync.model import ChangeKind, State, TranslationEntry
from transync.sync.carry import CannotCarry
from transync.sync.files import Reader
from transync.sync.plan import Action, Plan, plan_each
from transync.sync.refresh import refresh

STAMPABLE = (State.STALE, State.FAILED, State.UNTRACKED)


def plan_stamp(
    entries: Iterable[TranslationEntry], read: Reader, date: str, *, force: bool
) -> Plan:
    return plan_each(
        (entry for entry in entries if entry.state is not State.CURRENT),
        lambda entry: _stamp(entry, read, date, force),
    )


def _stamp(entry: TranslationEntry, read: Reader, date: str, force: bool) -> list[Action]:
    if entry.state is State.ORPHAN:
        raise CannotCarry(f"its source {entry.source} is missing")
    if entry.state not in STAMPABLE:
        detail = f" ({entry.note})" if entry.note else ""
        raise CannotCarry(f"it is {entry.state.value}{detail}: nothing to stamp")
    source = read(entry.source)
    if source is None:
        raise CannotCarry(f"its source {entry.source} is missing")
    if entry.state is not State.UNTRACKED and not force:
        _refuse_prose(entry)
    return refresh(entry, read, md5_hex(source), date, "stamped as up to date")


def _refuse_prose(entry: TranslationEntry) -> None:
    provenance = entry.provenance
    if provenance is None or provenance.change is None or provenance.translated_from is None:
        why = provenance.detail if provenance and provenance.detail else "no git history"
        raise CannotCarry(
            f"cannot tell how the source changed since the translation ({why}); --force stamps"
            " it anyway"
        )
    change = provenance.change
    if change.kind is ChangeKind.PROSE:
        commit = provenance.stale_since or provenance.translated_from
        raise CannotCarry(
            f"the source changed in prose since the translation: {change.prose_words} words,"
            f" first in {commit.short} {commit.subject!r}; --force stamps it anyway"
        )
