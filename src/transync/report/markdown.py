"""`--format markdown`: the status report as GitHub-flavoured Markdown (issues, PR comments)."""

from __future__ import annotations

from transync.inert import markdown_code, markdown_text
from transync.model import Finding, Report, State
from transync.report.estimates_text import (
    describe_estimate,
    estimated_line,
    no_metadata_notice,
)
from transync.report.rollup_text import (
    describe_commit,
    describe_finding_group,
    describe_images,
    describe_stale_source,
    plural,
)

_COLUMNS = (State.CURRENT, State.STALE, State.MISSING, State.ORPHAN)
_OTHER = (State.UNTRACKED, State.INVALID_METADATA, State.FAILED)
TABLE_LANGUAGES = 12


def render(report: Report, *, details: bool = False) -> str:
    notice = no_metadata_notice(report)
    lines = [
        f"## Translation status of {markdown_code(report.root)}",
        "",
        *([markdown_text(notice), ""] if notice is not None else []),
        *languages_section(report),
    ]
    estimated = estimated_line(report)
    if estimated is not None:
        lines += ["", markdown_text(estimated)]
    if report.commit_causes:
        lines += ["", "### Causes of staleness", ""]
        for group in report.commit_causes:
            line = describe_commit(group, listed=None)
            lines.append(f"- {markdown_text(line)}")
            if len(group.causes) > 1:
                lines += [
                    f"  - {markdown_text(describe_stale_source(cause))}" for cause in group.causes
                ]
    if report.finding_causes:
        lines += ["", f"### Findings: {plural(len(report.findings), 'finding')}", ""]
        lines += [
            f"- {group.severity.value} {markdown_code(group.check)}"
            f" {markdown_text(describe_finding_group(group, listed=None))}"
            for group in report.finding_causes
        ]
    if details:
        lines += _details(report)
    return "\n".join(lines) + "\n"


def languages_section(report: Report) -> list[str]:
    """The language table, folded away beyond a dozen languages: the causes listed below name
    the languages they reach, and a 54-row table would push them off the page."""
    images = (
        ["", markdown_text(describe_images(report.totals))] if report.totals.image_files else []
    )
    if len(report.languages) <= TABLE_LANGUAGES:
        return [*language_table(report), *images]
    summary = f"{len(report.languages)} languages, {report.totals.fresh_percent:.1f}% fresh"
    return [
        f"<details><summary>{summary}</summary>",
        "",
        *language_table(report),
        "",
        "</details>",
        *images,
    ]


def language_table(report: Report) -> list[str]:
    """One row per language and a total (shared with the `check` reports)."""
    lines = [
        "| Language | Files | Current | Stale | Missing | Orphan | Other | Fresh |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for summary in (*report.languages, report.totals):
        name = (
            "**total**" if summary is report.totals else markdown_code(summary.code, in_table=True)
        )
        counts = [str(summary.counts[state]) for state in _COLUMNS]
        other = sum(summary.counts[state] for state in _OTHER)
        lines.append(
            f"| {name} | {summary.files} | {' | '.join(counts)} | {other}"
            f" | {summary.fresh_percent:.1f}% |"
        )
    return lines


def _details(report: Report) -> list[str]:
    lines: list[str] = []
    for summary in report.languages:
        attention = [
            entry
            for entry in report.entries
            if entry.language == summary.code and entry.state is not State.CURRENT
        ]
        findings = [finding for finding in report.findings if finding.language == summary.code]
        if not attention and not findings:
            continue
        lines += ["", f"### {markdown_code(summary.code)}", ""]
        lines += [
            f"- **{entry.state.value}** {markdown_code(entry.translation)}"
            + (
                f" ({markdown_text(describe_estimate(entry))})"
                if entry.estimate is not None
                else ""
            )
            for entry in attention
        ]
        lines += [_finding(finding) for finding in findings]
    shared = [finding for finding in report.findings if finding.language is None]
    if shared:
        # Repository-wide findings, such as a source's broken link that every language inherits.
        lines += ["", "### Repository", "", *(_finding(finding) for finding in shared)]
    return lines


def _finding(finding: Finding) -> str:
    return (
        f"- {finding.severity.value} {markdown_code(finding.check)} {markdown_code(finding.path)}"
        f"{f':{finding.line}' if finding.line else ''}: {markdown_text(finding.message)}"
    )
