"""The work list of a language's page: the same items, in the same order, as `transync todo`,
and its stale table furthest behind first."""

from __future__ import annotations

import shlex
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transync import worklist
from transync.model import (
    EstimatedState,
    Finding,
    Kind,
    Report,
    State,
    TranslationEntry,
)
from transync.report.dashboard.matrix import file_of
from transync.report.dashboard.view import PROBLEM_STATES, LanguageRow, SiteInfo, by_language
from transync.report.locations import checkout_path
from transync.text import plural as plural  # re-exported for the summary and templates


@dataclass(frozen=True)
class WorkItem:
    entry: TranslationEntry
    href: str | None
    source_href: str | None
    diff_command: str | None


@dataclass(frozen=True)
class TodoItem:
    """One line of a language page's work list: `transync todo`'s item, with its links."""

    work: worklist.WorkItem
    href: str | None
    source_href: str | None
    diff_command: str | None


@dataclass(frozen=True)
class WorkList:
    """One language's page: its work list in `transync todo`'s order, then the details."""

    row: LanguageRow
    todo: tuple[TodoItem, ...]
    words: int
    stale: tuple[WorkItem, ...]
    missing: tuple[WorkItem, ...]
    orphans: tuple[WorkItem, ...]
    problems: tuple[WorkItem, ...]
    untracked: tuple[WorkItem, ...]
    # Images without metadata: one line with their count, not a list of hashed names.
    untracked_images: int
    findings: tuple[tuple[Finding, str | None], ...]
    # Translations without metadata that git history finds outdated or moved, most urgent first.
    estimated: tuple[WorkItem, ...] = ()

    @property
    def untracked_count(self) -> int:
        return len(self.untracked) + self.untracked_images


def work_lists(
    report: Report,
    rows: Iterable[LanguageRow],
    info: SiteInfo,
    work: Iterable[worklist.LanguageWork],
) -> list[WorkList]:
    """Each language's page (entries and findings are grouped by language once: with 54
    languages, filtering all of them per language cost more than rendering the pages)."""
    entries = by_language(report.entries)
    findings: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        findings[finding.language].append(finding)
    todo = {language.language: language for language in work}
    return [
        _work_list(
            report.root,
            row,
            entries.get(row.code, []),
            findings.get(row.code, []),
            todo.get(row.code),
            info,
        )
        for row in rows
    ]


def _work_list(
    root: str,
    row: LanguageRow,
    entries: Sequence[TranslationEntry],
    findings: Sequence[Finding],
    todo: worklist.LanguageWork | None,
    info: SiteInfo,
) -> WorkList:
    def items(states: Iterable[State], kinds: Iterable[Kind] = tuple(Kind)) -> tuple[WorkItem, ...]:
        wanted, of_kind = frozenset(states), frozenset(kinds)
        return tuple(
            _item(entry, root, info)
            for entry in entries
            if entry.state in wanted and entry.kind in of_kind
        )

    pages = [kind for kind in Kind if kind is not Kind.IMAGE]
    return WorkList(
        row=row,
        todo=tuple(_todo_item(item, root, info) for item in (todo.items if todo else ())),
        words=todo.words if todo else 0,
        stale=tuple(sorted(items([State.STALE]), key=_urgency)),
        missing=items([State.MISSING]),
        orphans=items([State.ORPHAN]),
        problems=items(PROBLEM_STATES),
        untracked=items([State.UNTRACKED], pages),
        untracked_images=len(items([State.UNTRACKED], [Kind.IMAGE])),
        findings=tuple((finding, info.link(finding.path, finding.line)) for finding in findings),
        estimated=tuple(
            sorted(
                (
                    _item(entry, root, info)
                    for entry in entries
                    if entry.estimate is not None and entry.estimate.state.needs_work
                ),
                key=_urgency,
            )
        ),
    )


def _todo_item(item: worklist.WorkItem, root: str, info: SiteInfo) -> TodoItem:
    command = None
    if item.state is State.STALE and not item.gutted:
        command = f"transync diff {shlex.quote(checkout_path(root, item.translation))}"
    href = info.link(item.source if item.state is State.MISSING else item.translation)
    return TodoItem(item, href, info.link(item.source), command)


def _item(entry: TranslationEntry, root: str, info: SiteInfo) -> WorkItem:
    command = None
    path = shlex.quote(checkout_path(root, entry.translation))
    if entry.estimate is not None and entry.estimate.state is EstimatedState.MOVED:
        command = f"transync relocate {path}"
    elif entry.state is State.STALE or entry.estimate is not None:
        command = f"transync diff {path}"
    return WorkItem(entry, info.link(file_of(entry)), info.link(entry.source), command)


def _urgency(item: WorkItem) -> tuple[int, int, str]:
    """Furthest behind first: by days, then commits; unknown provenance after known."""
    provenance = item.entry.provenance
    days = provenance.days_behind if provenance and provenance.days_behind is not None else -1
    commits = (
        provenance.commits_behind if provenance and provenance.commits_behind is not None else -1
    )
    return (-days, -commits, item.entry.translation)
