"""Wordings of estimates (untracked translations judged from git history), shared by the
terminal, Markdown and dashboard views: every estimate says its basis."""

from __future__ import annotations

from transync.history.reach import FETCH_HINT, SHALLOW_DETAIL
from transync.model import EstimatedState, Kind, Report, State, TranslationEntry
from transync.report.history_text import LABEL, WORDS, counts_phrase, describe_provenance
from transync.report.rollup_text import plural
from transync.summary import TOTAL

ADOPT_HINT = (
    "`transync stamp --adopt FILE` records metadata for a translation you have checked, so"
    " that it is judged exactly from then on"
)


def describe_estimate(entry: TranslationEntry) -> str:
    """`estimated outdated (basis: git): last written in 4560c77 (2026-01-01); from 4560c77,
    1 commits behind since 0587f70 (30 days)`."""
    estimate = entry.estimate
    assert estimate is not None
    parts = [f"estimated {WORDS[estimate.state]} (basis: {estimate.basis})"]
    if estimate.translation_commit is not None:
        commit = estimate.translation_commit
        parts.append(f"last written in {commit.short} ({commit.date[:10]})")
    if entry.provenance is not None and entry.provenance.origin == "commit":
        parts.append(describe_provenance(entry.provenance))
    elif entry.provenance is not None and entry.provenance.moved_to is not None:
        parts.append(f"moved to {entry.provenance.moved_to}")
    if estimate.detail and (entry.provenance is None or entry.provenance.origin != "commit"):
        parts.append(estimate.detail)
    if estimate.state is EstimatedState.MOVED:
        parts.append("`transync relocate` carries it there")
    return "; ".join(parts)


def estimated_line(report: Report) -> str | None:
    """The estimates beside the exact total, and whether the figures count them."""
    total = report.estimated.get(TOTAL)
    if total is None:
        return None
    counted = any(
        entry.estimate is not None and entry.state is not State.UNTRACKED
        for entry in report.entries
    )
    how = (
        'counted in the figures above (setting `estimates = "count"`)'
        if counted
        else f"counted apart from the figures above: {total.fresh_percent:.1f}% fresh if"
        ' counted (`estimates = "count"`)'
    )
    shallow = sum(
        1
        for entry in report.entries
        if entry.estimate is not None and entry.estimate.detail == SHALLOW_DETAIL
    )
    warning = f". {plural(shallow, 'estimate')} unknown: {SHALLOW_DETAIL}" if shallow else ""
    return (
        "Estimated from git history (basis: git, no metadata):"
        f" {counts_phrase(total.counts)}; {how}{warning}"
    )


def not_estimated_line(report: Report) -> str | None:
    """Pages without metadata that got no estimate (history not read), when some pages do
    carry metadata (a course with none says more, first: `no_metadata_notice`)."""
    if no_metadata_notice(report) is not None:
        return None
    waiting = sum(
        1
        for entry in report.entries
        if entry.state is State.UNTRACKED and entry.kind is not Kind.IMAGE and not entry.estimate
    )
    if not waiting:
        return None
    return (
        f"{plural(waiting, 'translated page')} without metadata, not estimated: git history was"
        ' not read (not in a git clone, --no-history, or `estimates = "off"`).'
        f" {ADOPT_HINT}."
    )


def no_metadata_notice(report: Report) -> str | None:
    """For a course none of whose translations carries metadata: said in the first lines,
    with what to do, so that a 0% reads as what it is."""
    pages = [entry for entry in report.entries if entry.kind is not Kind.IMAGE]
    if not pages or any(entry.record is not None for entry in report.entries):
        return None
    untracked = [
        entry for entry in pages if entry.estimate is not None or entry.state is State.UNTRACKED
    ]
    if not untracked:
        return None
    first = (
        f"No translation here carries co-op-translator metadata"
        f" ({plural(len(untracked), 'translated page')}): exact states need a stored hash."
    )
    if report.estimated.get(TOTAL):
        return (
            f"{first} Their states are {LABEL} (the source's commits after each translation's"
            f" last commit). {ADOPT_HINT}."
        )
    return (
        f"{first} No git history was read to estimate them: run in a git clone with its"
        f" history ({FETCH_HINT}), without --no-history. {ADOPT_HINT}."
    )
