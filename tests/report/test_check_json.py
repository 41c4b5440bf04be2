"""`check --format json`: the status report, unchanged, plus the `policy` object."""

from __future__ import annotations

import json

from transync.policy.evaluate import CheckResult
from transync.report import check_json
from transync.report.json_report import report_dict


def test_is_the_status_report_plus_policy(result: CheckResult) -> None:
    document = json.loads(check_json.render(result))
    policy = document.pop("policy")
    assert document == json.loads(json.dumps(report_dict(result.report)))
    assert policy["passed"] is False
    assert policy["failed_by"] == ["missing", "orphan", "stale"]
    assert policy["counts"] == {"fail": 3, "warn": 1, "note": 0, "baselined": 0}
    assert policy["baseline"] is None and policy["changed_from"] is None


def test_each_result_says_its_outcome_and_stable_key(result: CheckResult) -> None:
    results = json.loads(check_json.render(result))["policy"]["results"]
    assert [(r["kind"], r["outcome"], r["language"]) for r in results] == [
        ("stale", "fail", "ja"),
        ("missing", "fail", "ko"),
        ("orphan", "fail", "ko"),
        ("broken-link", "warn", "lt"),
    ]
    assert all(len(r["key"]) == 20 for r in results)
