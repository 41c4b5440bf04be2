"""The matrix of the dashboard's index: a cell per source and language, folded by folder, each
cell a state with its symbol (colour is never the only signal)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transync.model import (
    GUTTED_CHECKS,
    Report,
    State,
    TranslationEntry,
)
from transync.report.dashboard.view import SiteInfo
from transync.report.estimates_text import describe_estimate
from transync.text import plural as plural  # re-exported for the summary and templates

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
# A translation that lost its text (`GUTTED_CHECKS`) needs work whatever its state says: its
# cell is never a ✓.
GUTTED_SYMBOL = "\u2205"  # empty set
GUTTED_CLASS = "g"


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
            info.link(file_of(entry)) if needs_work else None,
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


def file_of(entry: TranslationEntry) -> str:
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
