"""The terminal view of `trend`: one row per commit, oldest first, fresh % per language.

The first table holds the totals and each commit's subject; the languages follow in as many
further tables as the width needs (each repeating the date and commit), so that no language
column is ever dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transync.history.trend import TrendPoint
from transync.inert import one_line, printable
from transync.report.terminal import cuts_lines

_DATE, _COMMIT, _PERCENT = 10, 7, 6
# What a column costs besides its text: a space either side and a border.
_COLUMN_FRAME = 3


def render(root: str, points: Sequence[TrendPoint], console: Console) -> None:
    codes = sorted({summary.code for point in points for summary in point.languages})
    console.print(_totals_table(root, points, console))
    per_table = languages_per_table(console.width)
    chunks = [codes[start : start + per_table] for start in range(0, len(codes), per_table)]
    for number, chunk in enumerate(chunks, 1):
        console.print(_languages_table(points, chunk, number, len(chunks)))


def languages_per_table(width: int) -> int:
    """How many language columns fit beside the date and commit in `width` characters."""
    fixed = _DATE + _COMMIT + 2 * _COLUMN_FRAME + 1
    return max(1, (width - fixed) // (_PERCENT + _COLUMN_FRAME))


def _totals_table(root: str, points: Sequence[TrendPoint], console: Console) -> Table:
    table = _table(f"Fresh translations in {printable(root)}, last {len(points)} commits")
    table.add_column("Files", justify="right", no_wrap=True, min_width=5)
    table.add_column("Fresh", justify="right", no_wrap=True, min_width=_PERCENT)
    # Last and, on a terminal, cut short: the figures matter more than a long subject; in a
    # file or a CI log it is folded, whole.
    if cuts_lines(console):
        # The room the other columns leave (rich would crop a no-wrap column, not shorten it).
        room = console.width - (_DATE + _COMMIT + 5 + _PERCENT + 5 * _COLUMN_FRAME + 1)
        table.add_column("Subject", no_wrap=True, overflow="ellipsis", max_width=max(room, 10))
    else:
        table.add_column("Subject", overflow="fold")
    for point in points:
        table.add_row(
            point.date[:10],
            point.commit[:7],
            str(point.totals.files),
            f"{point.totals.fresh_percent:.1f}%" if point.languages else "-",
            Text(one_line(point.subject)),
        )
    return table


def _languages_table(
    points: Sequence[TrendPoint], codes: Sequence[str], number: int, tables: int
) -> Table:
    part = f" ({number} of {tables})" if tables > 1 else ""
    table = _table(f"Fresh % by language{part}: {printable(codes[0])} to {printable(codes[-1])}")
    for code in codes:
        table.add_column(Text(printable(code)), justify="right", no_wrap=True, min_width=_PERCENT)
    for point in points:
        fresh = {summary.code: summary.fresh_percent for summary in point.languages}
        table.add_row(
            point.date[:10],
            point.commit[:7],
            *(f"{fresh[code]:.1f}%" if code in fresh else "-" for code in codes),
        )
    return table


def _table(title: str) -> Table:
    table = Table(title=Text(title), title_justify="left")
    table.add_column("Date", no_wrap=True, min_width=_DATE)
    table.add_column("Commit", no_wrap=True, min_width=_COMMIT)
    return table
