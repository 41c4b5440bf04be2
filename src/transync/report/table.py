"""The terminal view of `status`: one row per language, a total, and optional details."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transync.model import Finding, LanguageSummary, Report, Severity, State
from transync.report.history_text import describe_cause, describe_provenance
from transync.text import one_line, printable

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
    console.print(_languages_table(report))
    console.print(_total_line(report.totals, len(report.languages)))
    if report.causes:
        _print_causes(report, console)
    if details:
        _print_details(report, console)


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
    parts = [f"{count} {state.value}" for state, count in totals.counts.items() if count]
    return Text(
        f"Total: {_plural(totals.files, 'translated file')} in {_plural(languages, 'language')}: "
        f"{', '.join(parts) or 'nothing to report'} ({totals.fresh_percent:.1f}% fresh)"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _print_causes(report: Report, console: Console) -> None:
    console.print()
    console.print(Text(f"Causes of staleness ({len(report.causes)})", style="bold"))
    for cause in report.causes:
        console.print(Text(f"  {one_line(describe_cause(cause))}"), highlight=False)


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
                if entry.provenance is not None:
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
