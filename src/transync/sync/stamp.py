"""Planning `transync stamp`: a person says a translation matches its source as it is now.

Stamping hides a stale translation from every report, so it is refused where it would
probably hide work: a missing source, and (unless forced) a source changed in prose since the
translation was made. A translation without metadata is stamped only when adopted (`--adopt`),
and (unless forced) not when git history estimates it outdated.
"""

from __future__ import annotations

from collections.abc import Iterable

from transync.hashing import md5_hex
from transync.model import ChangeKind, EstimatedState, State, TranslationEntry
from transync.sync.carry import CannotCarry
from transync.sync.files import Reader
from transync.sync.plan import Action, Plan, plan_each
from transync.sync.refresh import refresh

STAMPABLE = (State.STALE, State.FAILED)


def plan_stamp(
    entries: Iterable[TranslationEntry],
    read: Reader,
    date: str,
    *,
    force: bool,
    adopt: bool = False,
) -> Plan:
    return plan_each(
        (
            entry
            for entry in entries
            if entry.state is not State.CURRENT or (adopt and entry.estimate is not None)
        ),
        lambda entry: _stamp(entry, read, date, force, adopt),
    )


def _stamp(
    entry: TranslationEntry, read: Reader, date: str, force: bool, adopt: bool
) -> list[Action]:
    if entry.estimate is not None or entry.state is State.UNTRACKED:
        return _adopt(entry, read, date, force, adopt)
    if entry.state is State.ORPHAN:
        raise CannotCarry(f"its source {entry.source} is missing")
    if entry.state not in STAMPABLE:
        detail = f" ({entry.note})" if entry.note else ""
        raise CannotCarry(f"it is {entry.state.value}{detail}: nothing to stamp")
    source = read(entry.source)
    if source is None:
        raise CannotCarry(f"its source {entry.source} is missing")
    if not force:
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


def _adopt(
    entry: TranslationEntry, read: Reader, date: str, force: bool, adopt: bool
) -> list[Action]:
    """A translation without metadata gets co-op-translator's record of the source as it is
    now, once a person has checked it (`--adopt`): from then on it is judged exactly. What git
    history says of it (moved, outdated) is named first."""
    if not adopt:
        raise CannotCarry(
            "it has no metadata: `--adopt` records it as a translation of its source as it is"
            " now, once you have checked it"
        )
    estimate, provenance = entry.estimate, entry.provenance
    if estimate is not None and provenance is not None and provenance.moved_to is not None:
        raise CannotCarry(
            f"its source moved to {provenance.moved_to}: `transync relocate` carries it there first"
        )
    source = read(entry.source)
    if source is None:
        raise CannotCarry(f"its source {entry.source} is missing")
    if (
        estimate is not None
        and estimate.state is EstimatedState.OUTDATED
        and provenance is not None
        and provenance.stale_since is not None
        and not force
    ):
        commit = provenance.stale_since
        raise CannotCarry(
            f"git history estimates it outdated: its source changed in {len(provenance.missed)}"
            f" commits since the translation's last commit, first in {commit.short}"
            f" {commit.subject!r} (`transync diff` shows them); --force adopts it anyway"
        )
    return refresh(entry, read, md5_hex(source), date, "adopted: recorded as up to date")
