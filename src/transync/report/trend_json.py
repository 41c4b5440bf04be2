"""`transync.history/1`: the trend as JSON (`history.json`), a public contract of its own.

Like `transync.report/1`, keys are only ever added within a version; docs/report-schema.md
documents every key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from transync import __version__
from transync.history.trend import TrendPoint
from transync.inert import json_document
from transync.report.json_report import language_dict

SCHEMA = "transync.history/1"


def history_dict(root: str, points: Iterable[TrendPoint]) -> dict[str, Any]:
    """The trend as plain JSON-ready data, points oldest first."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "transync", "version": __version__},
        "root": root,
        "points": [
            {
                "commit": point.commit,
                "date": point.date,
                "subject": point.subject,
                "languages": [language_dict(summary) for summary in point.languages],
                "totals": language_dict(point.totals),
            }
            for point in points
        ],
    }


def render(root: str, points: Iterable[TrendPoint]) -> str:
    return (
        json_document(json.dumps(history_dict(root, points), indent=2, ensure_ascii=False)) + "\n"
    )
