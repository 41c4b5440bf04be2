"""The terminal view of `status`: one row per language, a total, and optional details."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transync.history import HISTORY_UNKNOWN
from transync.inert import one_line, printable
from transync.model import Finding, LanguageSummary, Report, Severity, State
from transync.report.estimates_text import (
    describe_estimate,
    estimated_line,
    no_metadata_notice,
    not_estimated_line,
)
from transync.report.history_text import describe_provenance
from transync.report.rollup_text import (
    describe_commit,
    describe_images,
    describe_stale_source,
    finding_group_parts,
    plural,
    state_counts,
)
from transync.report.terminal import cuts_lines, line_options

# More languages than this and the default view shows them as a grid, not a table row each, so
# that a 54-language course fits one screen; --details shows the table.
TABLE_LANGUAGES = 12
# Roll-ups shown by default; the rest are counted, and listed with --details.
SHOWN_GROUPS = 15

OTHER_STATES = (State.UNTRACKED, State.INVALID_METADATA, State.FAILED)
_STATE_STYLE = {
    State.CURRENT: "green",
    State.STALE: "yellow",
    State.MISSING: "red",
    State.ORPHAN: "magenta",
    State.UNTRACKED: "cyan",
    State.INVALID_METADATA: "red",
    State.FAILED: "red",
}
_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "blue"}


def render(report: Report, console: Console, *, details: bool = False) -> None:
    notice = no_metadata_notice(report)
    if notice is not None:
        console.print(Text(notice, style="bold"))
    print_languages(report, console, details=details)
    if report.commit_causes:
        _print_causes(report, console, details=details)
    if report.finding_causes:
        _print_finding_causes(report, console, details=details)
    if details:
        _print_details(report, console)


def print_languages(report: Report, console: Console, *, details: bool = False) -> None:
    """The table of languages (a grid of freshness when there are many), and the total."""
    if details or len(report.languages) <= TABLE_LANGUAGES:
        console.print(_languages_table(report))
    else:
        console.print(_languages_grid(report, console.width))
    console.print(_total_line(report.totals, len(report.languages)))
    for line in (estimated_line(report), not_estimated_line(report)):
        if line is not None:
            console.print(Text(line))
    if report.totals.image_files:
        console.print(images_line(report.totals))
    # What history could not tell, under the figures: a warning among many could be cut.
    for finding in report.findings:
        if finding.check == HISTORY_UNKNOWN:
            console.print(Text(f"History: {printable(one_line(finding.message))}", style="yellow"))


def _languages_grid(report: Report, width: int) -> Text:
    """`ar 97.9%  bg 100.0%  …`, as many to a line as fit, coloured by the language's worst
    state: every language on a few lines, its counts in the table of --details."""
    cells = [
        (f"{printable(summary.code)} {summary.fresh_percent:.1f}%", _worst_style(summary))
        for summary in report.languages
    ]
    cell_width = max(len(cell) for cell, _ in cells) + 2
    per_line = max(1, width // cell_width)
    grid = Text(f"Freshness of {len(cells)} languages in {printable(report.root)}\n", style="bold")
    for index, (cell, style) in enumerate(cells):
        grid.append(cell.ljust(cell_width), style=style)
        if (index + 1) % per_line == 0 and index + 1 < len(cells):
            grid.append("\n")
    return grid


def _worst_style(summary: LanguageSummary) -> str:
    for state in (State.MISSING, State.FAILED, State.INVALID_METADATA, State.STALE, State.ORPHAN):
        if summary.counts[state]:
            return _STATE_STYLE[state]
    return _STATE_STYLE[State.CURRENT]


def _languages_table(report: Report) -> Table:
    # Names come from the repository: never parsed as Rich markup, never raw control codes.
    table = Table(title=Text(f"Translations in {printable(report.root)}"), title_justify="left")
    table.add_column("Language")
    for heading in ("Files", "Current", "Stale", "Missing", "Orphan", "Other", "Fresh"):
        table.add_column(heading, justify="right")
    for summary in report.languages:
        table.add_row(
            Text(printable(summary.code)),
            str(summary.files),
            *(
                _count(summary, state)
                for state in (State.CURRENT, State.STALE, State.MISSING, State.ORPHAN)
            ),
            str(sum(summary.counts[state] for state in OTHER_STATES)),
            f"{summary.fresh_percent:.1f}%",
        )
    return table


def _count(summary: LanguageSummary, state: State) -> Text:
    count = summary.counts[state]
    return Text(str(count), style=_STATE_STYLE[state] if count else "dim")


def _total_line(totals: LanguageSummary, languages: int) -> Text:
    noun = "translated file" if totals.images_counted else "translated page"
    return Text(
        f"Total: {plural(totals.files, noun)} in {plural(languages, 'language')}: "
        f"{state_counts(totals.counts) or 'nothing to report'}"
        f" ({totals.fresh_percent:.1f}% fresh)"
    )


def images_line(totals: LanguageSummary) -> Text:
    return Text(describe_images(totals))


def _print_causes(report: Report, console: Console, *, details: bool) -> None:
    """One line per commit that made translations stale; with details, one per source too."""
    console.print()
    console.print(Text(f"Causes of staleness ({len(report.commit_causes)})", style="bold"))
    shown = report.commit_causes if details else report.commit_causes[:SHOWN_GROUPS]
    width = console.width - 2 if cuts_lines(console) and not details else None
    for group in shown:
        line = describe_commit(group, width=width)
        console.print(
            Text(f"  {one_line(line)}"), highlight=False, **line_options(console, whole=details)
        )
        if details and len(group.causes) > 1:  # one source: the line above names it
            for cause in group.causes:
                console.print(
                    Text(f"    {one_line(describe_stale_source(cause))}"), highlight=False
                )
    hidden = report.commit_causes[len(shown) :]
    if hidden:
        translations = sum(group.translations for group in hidden)
        console.print(
            Text(
                f"  … {plural(len(hidden), 'more cause')}"
                f" ({plural(translations, 'translation')}): --details"
            )
        )


def _print_finding_causes(report: Report, console: Console, *, details: bool) -> None:
    """The content findings rolled up: one line per cause, naming its languages."""
    groups = report.finding_causes
    console.print()
    console.print(
        Text(
            f"Findings: {plural(len(report.findings), 'finding')}"
            f" from {plural(len(groups), 'cause')}",
            style="bold",
        )
    )
    shown = groups if details else groups[:SHOWN_GROUPS]
    for group in shown:
        where, what = finding_group_parts(group)
        line = Text("  ")
        line.append(f"{group.severity.value} ", style=_SEVERITY_STYLE[group.severity])
        line.append(f"[{group.check}] ", style="bold")
        line.append(printable(one_line(where)))
        console.print(
            line,
            Text(f"      {printable(one_line(what))}"),
            sep="\n",
            highlight=False,
            **line_options(console, whole=details),
        )
    hidden = groups[len(shown) :]
    if hidden:
        findings = sum(len(group.instances) for group in hidden)
        console.print(Text(f"  … {len(hidden):,} more groups ({findings:,} findings): --details"))


def _print_details(report: Report, console: Console) -> None:
    findings = sorted(report.findings, key=lambda finding: finding.language or "")
    by_language = {
        code: list(group)
        for code, group in groupby(findings, key=lambda finding: finding.language or "")
    }
    for summary in report.languages:
        console.rule(Text(printable(summary.code), style="bold"))
        entries = [entry for entry in report.entries if entry.language == summary.code]
        for state in State:
            chosen = [entry for entry in entries if entry.state is state]
            if not chosen or state is State.CURRENT:
                continue
            console.print(
                Text(f"{state.value} ({len(chosen)})", style=f"bold {_STATE_STYLE[state]}")
            )
            for entry in chosen:
                line = Text(f"  {printable(entry.translation)}")
                if entry.estimate is not None:
                    line.append(f"  ({one_line(describe_estimate(entry))})", style="dim")
                elif entry.provenance is not None:
                    line.append(
                        f"  ({one_line(describe_provenance(entry.provenance))})", style="dim"
                    )
                console.print(line, highlight=False)
        if summary.counts[State.CURRENT]:
            console.print(Text(f"current ({summary.counts[State.CURRENT]})", style="bold green"))
        _print_findings(by_language.get(summary.code, []), console)
    _print_findings(by_language.get("", []), console, heading="Repository")


def _print_findings(findings: list[Finding], console: Console, heading: str | None = None) -> None:
    if not findings:
        return
    if heading:
        console.rule(Text(heading, style="bold"))
    console.print(Text(f"findings ({len(findings)})", style="bold"))
    for finding in findings:
        where = f"{finding.path}:{finding.line}" if finding.line else finding.path
        line = Text("  ")
        line.append(f"{finding.severity.value} ", style=_SEVERITY_STYLE[finding.severity])
        line.append(f"[{finding.check}] ", style="bold")
        line.append(f"{printable(where)}: {one_line(finding.message)}")
        console.print(line)
