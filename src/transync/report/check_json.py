"""`check --format json`: the `transync.report/1` status report plus a `policy` object.

Only keys are added to the public schema (docs/report-schema.md), so a consumer of
`status --format json` reads `check` output unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from transync.inert import json_document
from transync.policy.evaluate import CheckResult
from transync.policy.problems import Outcome, Verdict
from transync.report.json_report import report_dict


def render(result: CheckResult) -> str:
    document = report_dict(result.report)
    document["policy"] = policy_dict(result)
    return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def policy_dict(result: CheckResult) -> dict[str, Any]:
    counts = result.counts()
    return {
        "passed": result.passed,
        "failed_by": list(result.failed_by),
        "counts": {outcome.value: counts.get(outcome, 0) for outcome in Outcome},
        "results": [_verdict(verdict) for verdict in result.verdicts],
        "min_fresh": [
            {
                "language": item.language,
                "fresh_percent": item.fresh_percent,
                "required": item.required,
                "passed": item.passed,
            }
            for item in result.freshness
        ],
        "baseline": (
            {"path": result.baseline, "fixed": [entry.as_dict() for entry in result.fixed]}
            if result.baseline is not None
            else None
        ),
        "changed_from": (
            {
                "ref": result.scope.ref,
                "base": result.scope.base,
                "changed_files": result.scope.changed_files,
            }
            if result.scope
            else None
        ),
    }


def _verdict(verdict: Verdict) -> dict[str, Any]:
    problem = verdict.problem
    return {
        "outcome": verdict.outcome.value,
        "reason": verdict.reason,
        "kind": problem.kind,
        "severity": problem.severity.value,
        "language": problem.language,
        "path": problem.path,
        "line": problem.line,
        "message": problem.message,
        "key": problem.key,
    }
