"""`SUMMARY.md`: the dashboard as Markdown, for a wiki page, an issue or a PR comment."""

from __future__ import annotations

from collections.abc import Sequence

from transync.inert import markdown_code, markdown_text
from transync.model import Report, State
from transync.report.dashboard.badges import percent
from transync.report.dashboard.view import LanguageRow, SiteInfo, plural
from transync.report.estimates_text import estimated_line, no_metadata_notice
from transync.report.history_text import describe_commit_cause
from transync.report.rollup_text import describe_images


def render_summary(
    report: Report, info: SiteInfo, rows: Sequence[LanguageRow], totals: LanguageRow
) -> str:
    commit = f" at {markdown_code(info.commit[:12])}" if info.commit else ""
    lines = [
        f"## Translations of {markdown_code(info.repository)}",
        "",
        f"{percent(totals.summary.fresh_percent)} fresh{commit}, scanned {info.scanned_at}.",
        "",
        *(
            [markdown_text(notice), ""]
            if (notice := no_metadata_notice(report)) is not None
            else []
        ),
        "| Language | Fresh | Current | Stale | Missing | Other | Newest | Oldest stale |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for row in (*rows, totals):
        name = "**total**" if row is totals else markdown_code(row.code, in_table=True)
        if row.name and row is not totals:
            name += f" {markdown_text(row.name)}"
        counts = row.summary.counts
        lines.append(
            f"| {name} | {percent(row.summary.fresh_percent)} | {counts[State.CURRENT]}"
            f" | {counts[State.STALE]} | {counts[State.MISSING]}"
            f" | {row.other + counts[State.ORPHAN]} | {markdown_text(row.newest or '')}"
            f" | {_days(row.oldest_stale_days)} |"
        )
    if report.totals.image_files:
        lines += ["", markdown_text(describe_images(report.totals))]
    estimated = estimated_line(report)
    if estimated is not None:
        lines += ["", markdown_text(estimated)]
    if report.commit_causes:
        lines += ["", "### Why translations are stale", ""]
        lines += [
            f"- {markdown_text(describe_commit_cause(cause))}" for cause in report.commit_causes
        ]
    return "\n".join(lines) + "\n"


def _days(days: int | None) -> str:
    return "" if days is None else plural(days, "day")


def _notice(report: Report) -> list[str]:
    notice = no_metadata_notice(report)
    return [markdown_text(notice), ""] if notice is not None else []
