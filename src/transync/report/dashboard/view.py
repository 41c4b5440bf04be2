"""What the dashboard pages show, shaped from a `Report` so that templates only lay it out.

Everything here is a pure function of the report and the site's facts (`SiteInfo`): orders,
groupings and the few figures a page shows that the report does not hold ready-made (a
language's newest translation, how far behind its oldest stale file is).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from transync.model import (
    CommitCause,
    EstimatedSummary,
    Finding,
    LanguageSummary,
    Report,
    State,
    TranslationEntry,
)
from transync.report.dashboard.badges import Thresholds
from transync.report.dashboard.names import language_name
from transync.summary import TOTAL
from transync.text import plural as plural  # re-exported for the summary and templates

# The four parts of a language's bar; `other` is untracked, invalid metadata and failed.
OTHER_STATES = (State.UNTRACKED, State.INVALID_METADATA, State.FAILED)
PROBLEM_STATES = (State.FAILED, State.INVALID_METADATA)


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
    entries = by_language(report.entries)
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


def by_language(entries: Iterable[TranslationEntry]) -> dict[str, list[TranslationEntry]]:
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
