"""`transync.report/1`: the JSON report, a public contract.

Compatible additions (new keys) keep the schema name; anything that removes or changes the
meaning of a key must bump it to `transync.report/2`. The README documents every key.
"""

from __future__ import annotations

import json
from typing import Any

from transync import __version__
from transync.model import Finding, LanguageSummary, Report, TranslationEntry

SCHEMA = "transync.report/1"


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (other renderers build on this too)."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "transync", "version": __version__},
        "root": report.root,
        "layouts": [
            {"translations": layout.translations, "sources": layout.sources}
            for layout in report.layouts
        ],
        "languages": [_language(summary) for summary in report.languages],
        "totals": _language(report.totals),
        "files": [entry_dict(entry) for entry in report.entries],
        "findings": [finding_dict(finding) for finding in report.findings],
    }


def render(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"


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
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "language": finding.language,
        "path": finding.path,
        "line": finding.line,
        "message": finding.message,
    }


def _language(summary: LanguageSummary) -> dict[str, Any]:
    return {
        "code": summary.code,
        "files": summary.files,
        "counts": {state.value: count for state, count in summary.counts.items()},
        "fresh_percent": summary.fresh_percent,
    }
