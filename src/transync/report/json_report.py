"""`transync.report/1`: the JSON report, a public contract.

Compatible additions (new keys) keep the schema name; anything that removes or changes the
meaning of a key must bump it to `transync.report/2`. The README documents every key.
"""

from __future__ import annotations

import json
from typing import Any

from transync import __version__
from transync.inert import json_document
from transync.model import (
    Cause,
    CommitCause,
    CommitRef,
    Estimate,
    Finding,
    FindingGroup,
    LanguageSummary,
    Provenance,
    Report,
    TranslationEntry,
)
from transync.summary import fresh_percent

SCHEMA = "transync.report/1"


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (other renderers build on this too)."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "transync", "version": __version__},
        "root": report.root,
        "layouts": [
            {
                "translations": layout.translations,
                "sources": layout.sources,
                **({"suffix": True} if layout.suffix else {}),
            }
            for layout in report.layouts
        ],
        "languages": [language_dict(summary) for summary in report.languages],
        "totals": language_dict(report.totals),
        "files": [entry_dict(entry) for entry in report.entries],
        "findings": [finding_dict(finding) for finding in report.findings],
        "groups": _groups(report),
        "causes": [cause_dict(cause) for cause in report.causes],
        "commit_causes": _commit_causes(report),
        "estimated": {
            code: {
                "counts": {state.value: count for state, count in summary.counts.items()},
                "fresh_percent": summary.fresh_percent,
            }
            for code, summary in report.estimated.items()
        },
    }


def render(report: Report) -> str:
    return json_document(json.dumps(report_dict(report), indent=2, ensure_ascii=False)) + "\n"


def entry_dict(entry: TranslationEntry) -> dict[str, Any]:
    return {
        "language": entry.language,
        "state": entry.state.value,
        "kind": entry.kind.value,
        "source": entry.source,
        "translation": entry.translation,
        "stored_hash": entry.stored_hash,
        "current_hash": entry.current_hash,
        "translated_at": entry.translated_at,
        "metadata": entry.record.origin.value if entry.record else None,
        "basis": entry.basis,
        # Stale, failed and orphaned entries of a scan that read git history have provenance;
        # so do untracked ones judged from it, with their estimate.
        **({"provenance": provenance_dict(entry.provenance)} if entry.provenance else {}),
        **({"estimate": estimate_dict(entry.estimate)} if entry.estimate else {}),
    }


def estimate_dict(estimate: Estimate) -> dict[str, Any]:
    return {
        "state": estimate.state.value,
        "basis": estimate.basis,
        "translation_commit": _commit(estimate.translation_commit),
        "detail": estimate.detail,
    }


def provenance_dict(provenance: Provenance) -> dict[str, Any]:
    return {
        "origin": provenance.origin,
        "reason": provenance.reason,
        "detail": provenance.detail,
        "translated_from": _commit(provenance.translated_from),
        "stale_since": _commit(provenance.stale_since),
        "commits_behind": provenance.commits_behind,
        "missed_commits": [_commit(commit) for commit in provenance.missed],
        "last_changed": _commit(provenance.last_changed),
        "days_behind": provenance.days_behind,
        "days_since_translation": provenance.days_since_translation,
        "change": (
            {"kind": provenance.change.kind.value, "prose_words": provenance.change.prose_words}
            if provenance.change
            else None
        ),
        "line_endings": provenance.line_endings,
        "removed_in": _commit(provenance.removed_in),
        "moved_to": provenance.moved_to,
        "moved_by": provenance.moved_by,
    }


def cause_dict(cause: Cause) -> dict[str, Any]:
    return {
        "source": cause.source,
        "commit": _commit(cause.commit),
        "reason": cause.reason,
        "languages": list(cause.languages),
        "stale_languages": len(cause.languages),
        "of_languages": cause.of_languages,
    }


def _commit_causes(report: Report) -> list[dict[str, Any]]:
    index = {cause: position for position, cause in enumerate(report.causes)}
    return [commit_cause_dict(group, index) for group in report.commit_causes]


def commit_cause_dict(group: CommitCause, index: dict[Cause, int]) -> dict[str, Any]:
    """One commit's causes; `causes` holds their positions in the report's `causes[]`."""
    return {
        "commit": _commit(group.commit),
        "reason": group.reason,
        "sources": list(group.sources),
        "translations": group.translations,
        "languages": list(group.languages),
        "causes": [index[cause] for cause in group.causes],
    }


def _groups(report: Report) -> list[dict[str, Any]]:
    index = {finding: position for position, finding in enumerate(report.findings)}
    return [group_dict(group, index) for group in report.finding_groups]


def group_dict(group: FindingGroup, index: dict[Finding, int]) -> dict[str, Any]:
    """A roll-up; `findings` holds its instances' positions in the report's `findings[]`, so
    the instances are written once and a consumer that ignores `groups` loses nothing."""
    return {
        "check": group.check,
        "severity": group.severity.value,
        "message": group.message,
        "source": group.source,
        "source_line": group.source_line,
        "languages": list(group.languages),
        "of_languages": group.of_languages,
        "count": group.count,
        "findings": [index[finding] for finding in group.instances],
    }


def _commit(commit: CommitRef | None) -> dict[str, str] | None:
    if commit is None:
        return None
    return {
        "id": commit.id,
        "short": commit.short,
        "date": commit.date,
        "author": commit.author,
        "subject": commit.subject,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "language": finding.language,
        "path": finding.path,
        "line": finding.line,
        "message": finding.message,
        "source": finding.source,
        "source_line": finding.source_line,
        "count": finding.count,
    }


def language_dict(summary: LanguageSummary) -> dict[str, Any]:
    """The headline figures (pages; images too when configured), then the images' own."""
    return {
        "code": summary.code,
        "files": summary.files,
        "counts": {state.value: count for state, count in summary.counts.items()},
        "fresh_percent": summary.fresh_percent,
        "images": {
            "files": summary.image_files,
            "counts": {state.value: count for state, count in summary.images.items()},
            "fresh_percent": fresh_percent(summary.images),
            "counted": summary.images_counted,
        },
    }
