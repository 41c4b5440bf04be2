"""SARIF 2.1.0: valid against the official schema, one rule per kind, stable fingerprints."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import NOW
from transync.model import Report
from transync.policy.baseline import Baseline, entry_of
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.problems import problems_of
from transync.policy.settings import Flags, build_policy
from transync.report import sarif

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text())
# This copy of the schema keeps the log's own shape under `definitions.Root` and puts no
# constraint at its top level, so validating against the file as it is accepts anything.
# Validate against `Root` (with the file's definitions); the guard test below proves it bites.
VALIDATOR = jsonschema.Draft7Validator({**SCHEMA, "$ref": "#/definitions/Root"})


def _validate(document: dict[str, Any]) -> None:
    VALIDATOR.validate(document)


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"version": "3", "runs": []},
        {"version": "2.1.0", "runs": [{}]},
        {
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal"}]}],
        },
    ],
)
def test_the_schema_rejects_what_is_not_sarif(document: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        _validate(document)


def test_output_is_valid_sarif(result: CheckResult) -> None:
    document = json.loads(sarif.render(result))
    _validate(document)
    assert document["version"] == "2.1.0"


def test_one_rule_per_kind_with_help_text(result: CheckResult) -> None:
    run = json.loads(sarif.render(result))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert list(rules) == ["stale", "missing", "orphan", "broken-link"]
    assert rules["stale"]["help"]["text"].startswith("The source changed after")
    assert rules["broken-link"]["help"]["text"].startswith("`broken-link` and `broken-anchor`: a")
    for item in run["results"]:
        assert run["tool"]["driver"]["rules"][item["ruleIndex"]]["id"] == item["ruleId"]


def test_a_bookkeeping_check_is_explained_by_its_module_doc() -> None:
    assert sarif.help_text("line-endings").startswith("`line-endings`: a stale file whose")


def test_results_point_at_files_and_lines(result: CheckResult) -> None:
    results = json.loads(sarif.render(result))["runs"][0]["results"]
    locations = [
        (
            item["level"],
            item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            item["locations"][0]["physicalLocation"].get("region", {}).get("startLine"),
        )
        for item in results
    ]
    assert locations == [
        ("error", "translations/ja/README.md", None),
        ("error", "guide.md", None),
        ("error", "translations/ko/old.md", None),
        ("warning", "translations/lt/a%2Cb%3Ac.md", 7),
    ]


def test_each_result_names_its_language(result: CheckResult) -> None:
    """A missing translation is shown on its source: only the message says which language."""
    results = json.loads(sarif.render(result))["runs"][0]["results"]
    assert [item["message"]["text"] for item in results][:2] == [
        "[ja] source README.md changed since this translation was made",
        "[ko] no translation of guide.md",
    ]


def test_fingerprints_are_stable_when_lines_move(result: CheckResult) -> None:
    moved = replace(
        result,
        verdicts=tuple(
            replace(v, problem=replace(v.problem, line=(v.problem.line or 0) + 10))
            for v in result.verdicts
        ),
    )
    prints = [
        [item["partialFingerprints"] for item in json.loads(sarif.render(r))["runs"][0]["results"]]
        for r in (result, moved)
    ]
    assert prints[0] == prints[1]
    assert len({json.dumps(p) for p in prints[0]}) == len(prints[0])


def test_baselined_problems_are_suppressed_and_new_ones_marked_new(mixed: Report) -> None:
    problems = problems_of(mixed)
    baseline = Baseline("baseline.json", tuple(entry_of(problem) for problem in problems[:1]))
    result = evaluate(mixed, build_policy({}, Flags()), now=NOW, baseline=baseline)
    document = json.loads(sarif.render(result))
    _validate(document)
    states = [(r["baselineState"], "suppressions" in r) for r in document["runs"][0]["results"]]
    assert states == [("unchanged", True), ("new", False), ("new", False)]


@pytest.mark.parametrize("fail_on", ["none", "all"])
def test_valid_whatever_the_policy(mixed: Report, fail_on: str) -> None:
    policy = build_policy({}, Flags(fail_on=(fail_on,), min_fresh=100))
    _validate(json.loads(sarif.render(evaluate(mixed, policy, now=NOW))))
