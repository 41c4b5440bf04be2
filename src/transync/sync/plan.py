"""A write command's plan: plain data saying what to change, computed before anything is
written, so that `--dry-run` shows exactly what a real run does.

Each action carries the phase it runs in. The executor runs phases in order, so that a record
is always written in its new place before it is removed from its old one and a kill at any
moment leaves every record somewhere (see `sync.execute`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from transync.errors import TransyncError
from transync.model import TranslationEntry
from transync.sync.carry import CannotCarry
from transync.sync.records import RecordChange


class Phase(IntEnum):
    WRITE = 1  # new files and pages whose record is added or refreshed
    RECORDS = 2  # sidecar records added, moved or refreshed
    DROP = 3  # pages whose inline record now lives in the sidecar
    REMOVE = 4  # files moved away or pruned
    FORGET = 5  # sidecar records of pruned files


@dataclass(frozen=True)
class FileEdit:
    """Write `after` to `path` (repository-relative); `before` is None for a new file."""

    path: str
    before: bytes | None
    after: bytes
    reason: str
    phase: Phase = Phase.WRITE


@dataclass(frozen=True)
class SidecarUpdate:
    """Changes to one sidecar's records, applied in one atomic write."""

    sidecar: str
    changes: tuple[RecordChange, ...]
    reason: str
    phase: Phase = Phase.RECORDS


@dataclass(frozen=True)
class Removal:
    path: str
    reason: str
    phase: Phase = Phase.REMOVE


@dataclass(frozen=True)
class Skip:
    """A file the command left untouched, and why; the language and source, when it is a
    translation, let the same reason in many languages be said once."""

    path: str
    reason: str
    language: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, entry: TranslationEntry, reason: str) -> Skip:
        return cls(entry.translation, reason, entry.language, entry.source)


Action = FileEdit | SidecarUpdate | Removal


@dataclass(frozen=True)
class Plan:
    actions: tuple[Action, ...] = ()
    skipped: tuple[Skip, ...] = field(default=())
    # Files to stage as one rename each (old, new) once written: what `git mv` would record.
    renames: tuple[tuple[str, str], ...] = ()


def plan_each(
    entries: Iterable[TranslationEntry], plan_one: Callable[[TranslationEntry], list[Action]]
) -> Plan:
    """Plan entry by entry: one that cannot be done is skipped with its reason, and the
    others still go ahead."""
    actions: list[Action] = []
    skipped: list[Skip] = []
    for entry in entries:
        try:
            actions += plan_one(entry)
        except (CannotCarry, TransyncError) as refusal:
            skipped.append(Skip.of(entry, str(refusal)))
    return Plan(tuple(actions), tuple(skipped))
