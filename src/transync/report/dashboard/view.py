"""What the dashboard pages show, shaped from a `Report` so that templates only lay it out.

Everything here is a pure function of the report and the site's facts (`SiteInfo`): orders,
groupings and the few figures a page shows that the report does not hold ready-made (a
language's newest translation, how far behind its oldest stale file is).
"""

from __future__ import annotations

import posixpath
import shlex
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from transync import worklist
from transync.model import (
    GUTTED_CHECKS,
    CommitCause,
    EstimatedState,
    EstimatedSummary,
    Finding,
    Kind,
    LanguageSummary,
    Report,
    State,
    TranslationEntry,
)
from transync.report.dashboard.badges import Thresholds
from transync.report.dashboard.names import language_name
from transync.report.estimates_text import describe_estimate
from transync.report.locations import checkout_path
from transync.summary import TOTAL
from transync.text import plural as plural  # re-exported for the summary and templates

# The four parts of a language's bar; `other` is untracked, invalid metadata and failed.
OTHER_STATES = (State.UNTRACKED, State.INVALID_METADATA, State.FAILED)
# Colour is never the only signal: every state also has a symbol, explained in a legend.
SYMBOLS = {
    State.CURRENT: "✓",
    State.STALE: "!",
    State.MISSING: "\u00d7",  # multiplication sign
    State.ORPHAN: "o",
    State.UNTRACKED: "+",
    State.INVALID_METADATA: "?",
    State.FAILED: "F",
}
# The matrix has a cell per translation (5,000 on a large course): short class names keep
# index.html small.
CELL_CLASSES = {
    State.CURRENT: "c",
    State.STALE: "s",
    State.MISSING: "m",
    State.ORPHAN: "o",
    State.UNTRACKED: "u",
    State.INVALID_METADATA: "i",
    State.FAILED: "f",
}
PROBLEM_STATES = (State.FAILED, State.INVALID_METADATA)
# A translation that lost its text (`GUTTED_CHECKS`) needs work whatever its state says: its
# cell is never a ✓.
GUTTED_SYMBOL = "\u2205"  # empty set
GUTTED_CLASS = "g"


@dataclass(frozen=True)
class SiteInfo:
    """Facts about the scanned repository that the report does not hold.

    `link_base` is prefixed to a repository-relative path to link to the file: a forge URL
    (`https://github.com/o/r/blob/<ref>/`) or a path from the site folder to the scan root
    (`../`); None when the files are nowhere to link to (a site built from JSON reports).
    """

    repository: str
    scanned_at: str
    commit: str | None = None
    link_base: str | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)

    def link(self, path: str, line: int | None = None) -> str | None:
        """The file's address; on a forge, `#L12` opens it at the line."""
        if self.link_base is None:
            return None
        anchor = f"#L{line}" if line and self.link_base.startswith(("https://", "http://")) else ""
        return self.link_base + quote(path, errors="surrogateescape") + anchor


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: a state class, its count and its share of the width."""

    name: str
    count: int
    percent: float


@dataclass(frozen=True)
class LanguageRow:
    code: str
    name: str | None
    summary: LanguageSummary
    other: int
    findings: int
    newest: str | None
    oldest_stale_days: int | None
    oldest_stale_commits: int | None
    segments: tuple[Segment, ...]
    # Untracked translations judged from git history, counted apart (`history.estimates`).
    estimated: EstimatedSummary | None = None

    @property
    def label(self) -> str:
        return f"{self.code} ({self.name})" if self.name else self.code


def language_rows(report: Report) -> list[LanguageRow]:
    """One row per language, in the report's order (by code)."""
    entries = _by_language(report.entries)
    findings = _count_by_language(report.findings)
    return [
        replace(
            _row(summary, entries.get(summary.code, ()), findings.get(summary.code, 0)),
            estimated=report.estimated.get(summary.code),
        )
        for summary in report.languages
    ]


def totals_row(report: Report) -> LanguageRow:
    row = _row(report.totals, report.entries, len(report.findings))
    return replace(row, estimated=report.estimated.get(TOTAL))


def _row(
    summary: LanguageSummary, entries: Sequence[TranslationEntry], findings: int
) -> LanguageRow:
    dates = [entry.translated_at for entry in entries if entry.translated_at]
    stale = [
        entry.provenance
        for entry in entries
        if entry.state is State.STALE and entry.provenance is not None
    ]
    days = [provenance.days_behind for provenance in stale if provenance.days_behind is not None]
    commits = [
        provenance.commits_behind for provenance in stale if provenance.commits_behind is not None
    ]
    other = sum(summary.counts[state] for state in OTHER_STATES)
    return LanguageRow(
        code=summary.code,
        name=language_name(summary.code),
        summary=summary,
        other=other,
        findings=findings,
        newest=max(dates)[:10] if dates else None,
        oldest_stale_days=max(days) if days else None,
        oldest_stale_commits=max(commits) if commits else None,
        segments=_segments(summary, other),
    )


def _segments(summary: LanguageSummary, other: int) -> tuple[Segment, ...]:
    parts = (
        ("current", summary.counts[State.CURRENT]),
        ("stale", summary.counts[State.STALE]),
        ("missing", summary.counts[State.MISSING]),
        ("other", other + summary.counts[State.ORPHAN]),
    )
    total = sum(count for _, count in parts) or 1
    return tuple(
        Segment(name, count, round(100 * count / total, 2)) for name, count in parts if count
    )


@dataclass(frozen=True)
class Cell:
    state: State
    href: str | None
    title: str | None
    gutted: bool = False

    @property
    def symbol(self) -> str:
        return GUTTED_SYMBOL if self.gutted else SYMBOLS[self.state]

    @property
    def css_class(self) -> str:
        return GUTTED_CLASS if self.gutted else CELL_CLASSES[self.state]


@dataclass(frozen=True)
class MatrixRow:
    source: str
    cells: tuple[Cell | None, ...]

    def name_in(self, folder: str) -> str:
        """The source's path inside its folder block."""
        return self.source if folder == "." else self.source[len(folder) + 1 :]


@dataclass(frozen=True)
class MatrixFolder:
    """The sources of one folder: a collapsible block of the matrix."""

    name: str
    rows: tuple[MatrixRow, ...]
    counts: tuple[tuple[State, int], ...]
    gutted: int = 0  # cells whose translation lost its text, whatever their state

    @property
    def needs_work(self) -> bool:
        return self.gutted > 0 or any(state is not State.CURRENT for state, _ in self.counts)


def matrix(report: Report, info: SiteInfo) -> list[MatrixFolder]:
    """Sources x languages, one cell per pair (None where the language has no such file)."""
    codes = [summary.code for summary in report.languages]
    column = {code: index for index, code in enumerate(codes)}
    gutted = {
        (finding.language, finding.path): finding.check
        for finding in report.findings
        if finding.check in GUTTED_CHECKS
    }
    cells: dict[str, list[Cell | None]] = {}
    for entry in report.entries:
        row = cells.setdefault(entry.source, [None] * len(codes))
        lost = gutted.get((entry.language, entry.translation))
        # A current cell needs no work and links nowhere (unless its text is lost): on a
        # 54-language course the links of its thousands of current cells were most of
        # index.html's bytes.
        needs_work = entry.state is not State.CURRENT or lost is not None
        row[column[entry.language]] = Cell(
            entry.state,
            info.link(_file_of(entry)) if needs_work else None,
            f"{entry.language}: {entry.state.value}, but its text is lost ({lost})"
            if lost
            else _cell_title(entry),
            gutted=lost is not None,
        )
    rows = [MatrixRow(source, tuple(cells[source])) for source in sorted(cells)]
    return [
        MatrixFolder(
            name,
            tuple(group),
            _state_counts(group),
            sum(1 for row in group for cell in row.cells if cell is not None and cell.gutted),
        )
        for name, group in _folder_groups(rows, depth=1)
    ]


# A folder block holds at most this many sources before it is split by its subfolders: few
# enough to scan at a glance, and a course's many one-file sample folders stay together.
FOLDER_ROWS = 40


def _folder_groups(rows: Sequence[MatrixRow], depth: int) -> list[tuple[str, list[MatrixRow]]]:
    """Rows grouped by their first `depth` folders; a group too big is split one level down."""
    grouped: dict[str, list[MatrixRow]] = defaultdict(list)
    for row in rows:
        folders = posixpath.dirname(row.source).split("/")[:depth]
        grouped["/".join(folders) or "."].append(row)
    result = []
    for name, group in sorted(grouped.items()):
        deeper = any(posixpath.dirname(row.source).count("/") >= depth for row in group)
        if len(group) > FOLDER_ROWS and deeper and name != ".":
            result += _folder_groups(group, depth + 1)
        else:
            result.append((name, group))
    return result


def total_rows(folders: Sequence[MatrixFolder]) -> int:
    return sum(len(folder.rows) for folder in folders)


def _state_counts(rows: Iterable[MatrixRow]) -> tuple[tuple[State, int], ...]:
    counts = dict.fromkeys(State, 0)
    for row in rows:
        for cell in row.cells:
            if cell is not None:
                counts[cell.state] += 1
    return tuple((state, count) for state, count in counts.items() if count)


def _file_of(entry: TranslationEntry) -> str:
    """The file a cell or a work item links to: the source, for a translation not made yet."""
    return entry.source if entry.state is State.MISSING else entry.translation


def _cell_title(entry: TranslationEntry) -> str | None:
    """A current cell says all with its symbol and column; the others say how far behind."""
    if entry.estimate is not None:
        return f"{entry.language}: {entry.state.value}, {describe_estimate(entry)}"
    if entry.state is State.CURRENT:
        return None
    return f"{entry.language}: {entry.state.value}{_behind(entry)}"


def _behind(entry: TranslationEntry) -> str:
    """`, 3 commits / 40 days behind` for a stale file whose origin history knows."""
    provenance = entry.provenance
    if entry.state is not State.STALE or provenance is None:
        return ""
    parts = []
    if provenance.commits_behind is not None:
        parts.append(plural(provenance.commits_behind, "commit"))
    if provenance.days_behind is not None:
        parts.append(plural(provenance.days_behind, "day"))
    return f", {' / '.join(parts)} behind" if parts else ""


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
    entries = _by_language(report.entries)
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
    return WorkItem(entry, info.link(_file_of(entry)), info.link(entry.source), command)


def _urgency(item: WorkItem) -> tuple[int, int, str]:
    """Furthest behind first: by days, then commits; unknown provenance after known."""
    provenance = item.entry.provenance
    days = provenance.days_behind if provenance and provenance.days_behind is not None else -1
    commits = (
        provenance.commits_behind if provenance and provenance.commits_behind is not None else -1
    )
    return (-days, -commits, item.entry.translation)


def causes_for(report: Report) -> tuple[CommitCause, ...]:
    """Commits first, the one that made most translations stale at the top; causes without a
    commit (origin unknown, uncommitted edits) after them."""
    return tuple(
        sorted(
            report.commit_causes,
            key=lambda cause: (cause.commit is None, -cause.translations, cause.reason or ""),
        )
    )


@dataclass(frozen=True)
class CheckCount:
    """How often one content check fired, for the index when there are no roll-ups."""

    check: str
    severity: str
    count: int
    files: int
    languages: int


def findings_by_check(report: Report) -> list[CheckCount]:
    """Checks that fired, the most frequent first."""
    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        grouped[(finding.check, finding.severity.value)].append(finding)
    counts = [
        CheckCount(
            check,
            severity,
            len(findings),  # as the languages table and the pages count them
            len({finding.path for finding in findings}),
            len({finding.language for finding in findings if finding.language is not None}),
        )
        for (check, severity), findings in grouped.items()
    ]
    return sorted(counts, key=lambda item: (-item.count, item.check, item.severity))


def _by_language(entries: Iterable[TranslationEntry]) -> dict[str, list[TranslationEntry]]:
    grouped: dict[str, list[TranslationEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.language].append(entry)
    return grouped


def _count_by_language(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per language, each once (its count of occurrences is shown beside it): the
    figure the index, a language page's header and its list all give."""
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        if finding.language is not None:
            counts[finding.language] += 1
    return counts
