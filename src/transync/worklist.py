"""The work list: what is left to translate, per language, most urgent first.

A stage after history: it reads the report's entries (with their provenance), its content
findings and the sources, and returns plain data for the `todo` renderers and the dashboard's
language pages. By urgency: pages whose translation is empty or cut off (`GUTTED_CHECKS`),
then failed and stale ones, the longest behind first, then missing ones; within each, in the
course's reading order (`transync.course`). Repository meta files (agent and contributor
files, hidden folders) come last, or not at all with `meta-files = "out"`. A stale
translation whose source changed only in links, code or wrapping needs no translator: it is
listed with the action `port` and no words to translate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from transync.config import META_FILES
from transync.course import course_order, is_meta_file
from transync.history.changes import as_text, classify_change
from transync.model import GUTTED_CHECKS, PORTABLE, ChangeKind, Finding, State, TranslationEntry

WORK_STATES = (State.FAILED, State.STALE, State.MISSING)
TRANSLATE, PORT, RELOCATE = "translate", "port", "relocate"
META_LAST, META_OUT = META_FILES  # the `meta-files` settings
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
    # The check that found the translation empty or cut off (`GUTTED_CHECKS`), if one did.
    gutted: str | None = None
    meta: bool = False
    # `days_behind` counts the days since the translation was made: git could not tell since
    # when the source has moved on.
    since_translation: bool = False

    @property
    def urgency(self) -> str:
        """`empty or cut off`, `failed`, `stale`, `missing`: what the item is listed for."""
        return "empty or cut off" if self.gutted else self.state.value


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


def work_list(
    entries: Iterable[TranslationEntry],
    read: SourceReader,
    *,
    findings: Iterable[Finding] = (),
    roots: Iterable[str] = (".",),
    meta_files: str = META_LAST,
) -> tuple[LanguageWork, ...]:
    """Per language, its work in order of urgency then of the course read from `roots`."""
    entries = tuple(entries)
    counted: dict[str, int] = {}

    def words_in(source: str) -> int:
        if source not in counted:
            data = read(source)
            text = as_text(data, source) if data is not None else None
            counted[source] = classify_change("", text).prose_words if text else 0
        return counted[source]

    gutted = {
        (finding.language, finding.path): finding.check
        for finding in findings
        if finding.check in GUTTED_CHECKS and finding.language
    }
    # A source whose translation waits at its old path is not missing: relocating covers it.
    awaited = {
        (entry.language, entry.provenance.moved_to)
        for entry in entries
        if entry.estimate is not None and entry.provenance and entry.provenance.moved_to
    }
    by_language: dict[str, list[WorkItem]] = {}
    for entry in entries:
        if meta_files == META_OUT and is_meta_file(entry.source):
            continue
        if entry.state is State.MISSING and (entry.language, entry.source) in awaited:
            continue
        check = gutted.get((entry.language, entry.translation))
        if entry.estimate is not None and entry.estimate.state.needs_work and check is None:
            by_language.setdefault(entry.language, []).append(_estimated(entry, words_in))
        elif entry.state in WORK_STATES or check is not None:
            by_language.setdefault(entry.language, []).append(_item(entry, words_in, check))
    # Every page, not only those with work: the README reaches a lesson through its module.
    order = course_order({entry.source for entry in entries}, read, roots) if by_language else {}
    return tuple(
        LanguageWork(language, tuple(sorted(items, key=lambda item: _urgency(item, order))))
        for language, items in sorted(by_language.items())
    )


def _item(entry: TranslationEntry, words_in: Callable[[str], int], gutted: str | None) -> WorkItem:
    provenance = entry.provenance
    change = provenance.change if provenance else None
    days = provenance.days_behind if provenance else None
    since_translation = days is None and provenance is not None
    if since_translation and provenance is not None:
        days = provenance.days_since_translation
    if gutted is not None:
        words, action = words_in(entry.source), TRANSLATE
    elif entry.state is State.STALE and change is not None and change.kind in PORTABLE:
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
        gutted=gutted,
        meta=is_meta_file(entry.source),
        since_translation=since_translation and days is not None,
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
        meta=is_meta_file(source),
    )


def _urgency(item: WorkItem, order: Mapping[str, int]) -> tuple[int, int, int, int]:
    """Meta files last; then empty or cut off, stale or failed (the longest behind first),
    missing; then the course's order."""
    if item.gutted:
        tier, age = 0, 0
    elif item.state is State.MISSING:
        tier, age = 2, 0
    else:
        tier, age = 1, -(item.days_behind or 0)
    return (int(item.meta), tier, age, order.get(item.source, len(order)))
