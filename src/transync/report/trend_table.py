"""The terminal view of `trend`: one row per commit, oldest first, fresh % per language."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transync.history.trend import TrendPoint
from transync.inert import one_line, printable

# More language columns than this would not fit a terminal: the total says enough then.
MAX_LANGUAGE_COLUMNS = 8


def render(root: str, points: Sequence[TrendPoint], console: Console) -> None:
    codes = sorted({summary.code for point in points for summary in point.languages})
    shown = codes if len(codes) <= MAX_LANGUAGE_COLUMNS else []
    table = Table(
        title=Text(f"Fresh translations in {printable(root)}, last {len(points)} commits"),
        title_justify="left",
    )
    table.add_column("Date", no_wrap=True, min_width=10)
    table.add_column("Commit", no_wrap=True, min_width=7)
    for code in shown:
        table.add_column(Text(printable(code)), justify="right", no_wrap=True, min_width=6)
    table.add_column("Files", justify="right", no_wrap=True, min_width=5)
    table.add_column("Fresh", justify="right", no_wrap=True, min_width=6)
    # Last and cut short: the figures matter more than a long subject.
    table.add_column("Subject", no_wrap=True, overflow="ellipsis", max_width=40)
    for point in points:
        fresh = {summary.code: summary.fresh_percent for summary in point.languages}
        table.add_row(
            point.date[:10],
            point.commit[:7],
            *(f"{fresh[code]:.1f}%" if code in fresh else "-" for code in shown),
            str(point.totals.files),
            f"{point.totals.fresh_percent:.1f}%" if point.languages else "-",
            Text(one_line(point.subject)),
        )
    console.print(table)
    if codes and not shown:
        console.print(
            Text(f"{len(codes)} languages: pass --lang CODE for their own columns", style="dim")
        )
