"""`transync.history/1`: the trend's JSON, one point per commit with the report's counts."""

from __future__ import annotations

import json

from tests.report.test_trend_svg import POINTS
from transync.report.json_report import language_dict
from transync.report.trend_json import SCHEMA, render


def test_history_json_lists_points_oldest_first_with_the_report_s_language_shape() -> None:
    data = json.loads(render("repo", POINTS))
    assert data["schema"] == SCHEMA == "transync.history/1"
    assert data["root"] == "repo"
    assert [point["subject"] for point in data["points"]] == [p.subject for p in POINTS]
    last = data["points"][-1]
    assert last["commit"] == "c" * 40 and last["date"] == "2026-01-03T12:00:00+00:00"
    assert last["languages"] == [language_dict(summary) for summary in POINTS[-1].languages]
    assert last["totals"]["code"] == "total" and last["totals"]["files"] == 6
    assert set(last["totals"]["counts"]) == {
        "current",
        "stale",
        "missing",
        "orphan",
        "untracked",
        "invalid-metadata",
        "failed",
    }
