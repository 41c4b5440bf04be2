"""`SUMMARY.md`: the dashboard as Markdown, for a wiki page, an issue or a PR comment."""

from __future__ import annotations

from collections.abc import Sequence

from transync.model import Report, State
from transync.report.dashboard.badges import percent
from transync.report.dashboard.view import LanguageRow, SiteInfo, plural
from transync.report.estimates_text import estimated_line, no_metadata_notice
from transync.report.history_text import describe_commit_cause
from transync.report.markdown import code, escape
from transync.report.rollup_text import describe_images


def render_summary(
    report: Report, info: SiteInfo, rows: Sequence[LanguageRow], totals: LanguageRow
) -> str:
    commit = f" at {code(info.commit[:12])}" if info.commit else ""
    lines = [
        f"## Translations of {code(info.repository)}",
        "",
        f"{percent(totals.summary.fresh_percent)} fresh{commit}, scanned {info.scanned_at}.",
        "",
        *([escape(notice), ""] if (notice := no_metadata_notice(report)) is not None else []),
        "| Language | Fresh | Current | Stale | Missing | Other | Newest | Oldest stale |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for row in (*rows, totals):
        name = "**total**" if row is totals else code(row.code, in_table=True)
        if row.name and row is not totals:
            name += f" {escape(row.name)}"
        counts = row.summary.counts
        lines.append(
            f"| {name} | {percent(row.summary.fresh_percent)} | {counts[State.CURRENT]}"
            f" | {counts[State.STALE]} | {counts[State.MISSING]}"
            f" | {row.other + counts[State.ORPHAN]} | {row.newest or ''}"
            f" | {_days(row.oldest_stale_days)} |"
        )
    if report.totals.image_files:
        lines += ["", escape(describe_images(report.totals))]
    estimated = estimated_line(report)
    if estimated is not None:
        lines += ["", escape(estimated)]
    if report.commit_causes:
        lines += ["", "### Why translations are stale", ""]
        lines += [f"- {escape(describe_commit_cause(cause))}" for cause in report.commit_causes]
    return "\n".join(lines) + "\n"


def _days(days: int | None) -> str:
    return "" if days is None else plural(days, "day")
