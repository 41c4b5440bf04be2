"""The work list: what is left to translate, per language, most important first.

A stage after history: it reads the report's entries (with their provenance) and the sources'
word counts, and returns plain data for the `todo` renderers. Failed and stale translations
come first, the longest and most stale first, then missing ones, top-level pages before deep
ones. A stale translation whose source changed only in links, code or wrapping needs no
translator: it is listed with the action `port` and no words to translate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from transync.history.changes import as_text, classify_change
from transync.model import ChangeKind, State, TranslationEntry
from transync.sync.port import PORTABLE

WORK_STATES = (State.FAILED, State.STALE, State.MISSING)
TRANSLATE, PORT, RELOCATE = "translate", "port", "relocate"
SourceReader = Callable[[str], "bytes | None"]


@dataclass(frozen=True)
class WorkItem:
    """One translation to make or bring up to date; `words` is what a translator faces."""

    language: str
    state: State
    source: str
    translation: str
    words: int
    action: str
    days_behind: int | None = None
    change: str | None = None
    # The estimated state of a translation without metadata (judged from git history).
    estimate: str | None = None
    basis: str | None = None  # what the state rests on: "hash", "git", or None (missing)


@dataclass(frozen=True)
class LanguageWork:
    language: str
    items: tuple[WorkItem, ...]

    @property
    def words(self) -> int:
        return sum(item.words for item in self.items)

    @property
    def to_translate(self) -> tuple[str, ...]:
        """The sources a translation run should take, most important first."""
        return tuple(item.source for item in self.items if item.action == TRANSLATE)


def work_list(entries: Iterable[TranslationEntry], read: SourceReader) -> tuple[LanguageWork, ...]:
    counted: dict[str, int] = {}

    def words_in(source: str) -> int:
        if source not in counted:
            data = read(source)
            text = as_text(data, source) if data is not None else None
            counted[source] = classify_change("", text).prose_words if text else 0
        return counted[source]

    entries = list(entries)
    # A source whose translation waits at its old path is not missing: relocating covers it.
    awaited = {
        (entry.language, entry.provenance.moved_to)
        for entry in entries
        if entry.estimate is not None and entry.provenance and entry.provenance.moved_to
    }
    by_language: dict[str, list[WorkItem]] = {}
    for entry in entries:
        if entry.state is State.MISSING and (entry.language, entry.source) in awaited:
            continue
        if entry.estimate is not None and entry.estimate.state.needs_work:
            by_language.setdefault(entry.language, []).append(_estimated(entry, words_in))
        elif entry.state in WORK_STATES:
            by_language.setdefault(entry.language, []).append(_item(entry, words_in))
    return tuple(
        LanguageWork(language, tuple(sorted(items, key=_importance)))
        for language, items in sorted(by_language.items())
    )


def _item(entry: TranslationEntry, words_in: Callable[[str], int]) -> WorkItem:
    provenance = entry.provenance
    change = provenance.change if provenance else None
    days = provenance.days_behind if provenance else None
    if days is None and provenance is not None:
        days = provenance.days_since_translation
    if entry.state is State.STALE and change is not None and change.kind in PORTABLE:
        words, action = 0, PORT
    elif entry.state is State.STALE and change is not None and change.kind is ChangeKind.PROSE:
        words, action = change.prose_words, TRANSLATE
    else:
        words, action = words_in(entry.source), TRANSLATE
    return WorkItem(
        entry.language,
        entry.state,
        entry.source,
        entry.translation,
        words,
        action,
        days,
        change.kind.value if change else None,
        basis=entry.basis,
    )


def _estimated(entry: TranslationEntry, words_in: Callable[[str], int]) -> WorkItem:
    """A translation without metadata that git history finds outdated, or whose source moved
    (`relocate` carries it first: its words are those of the commits it missed, if any)."""
    assert entry.estimate is not None
    provenance = entry.provenance
    change = provenance.change if provenance else None
    source = provenance.moved_to if provenance and provenance.moved_to else entry.source
    if change is not None:
        words = change.prose_words
    elif provenance is not None and not provenance.missed:
        words = 0
    else:
        words = words_in(source)
    moved = provenance is not None and provenance.moved_to is not None
    return WorkItem(
        entry.language,
        entry.state,
        source,
        entry.translation,
        words,
        RELOCATE if moved else TRANSLATE,
        provenance.days_behind if provenance else None,
        change.kind.value if change else None,
        entry.estimate.state.value,
        entry.basis,
    )


def _importance(item: WorkItem) -> tuple[int, int, int, int, str]:
    depth = item.source.count("/")
    if item.state is State.MISSING:
        return (1, depth, 0, 0, item.source)
    return (0, -(item.days_behind or 0), -item.words, depth, item.source)
