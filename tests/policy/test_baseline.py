"""Baselines: keys survive moved lines, new problems fail, fixed ones are named."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import NOW
from transync.errors import TransyncError
from transync.model import Finding, Report, Severity
from transync.policy.baseline import read_baseline, write_baseline
from transync.policy.evaluate import evaluate
from transync.policy.problems import Outcome, problems_of, stable_key
from transync.policy.settings import Flags, build_policy

POLICY = build_policy({}, Flags())


def test_round_trip_fails_only_on_new_problems_and_names_the_fixed(
    mixed: Report, tmp_path: Path
) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, problems_of(mixed))
    baseline = read_baseline(path)
    assert evaluate(mixed, POLICY, now=NOW, baseline=baseline).passed

    # The orphan was deleted; a new broken table appeared.
    new = Finding("table-rows", Severity.ERROR, "translations/lt/README.md", "2 rows of 3", "lt")
    later = replace(
        mixed,
        entries=tuple(e for e in mixed.entries if e.translation != "translations/ko/old.md"),
        findings=(new,),
    )
    result = evaluate(later, POLICY, now=NOW, baseline=baseline)
    assert result.failed_by == ("table-rows",)
    assert {v.problem.kind for v in result.of(Outcome.BASELINED)} == {"stale", "missing"}
    assert [(entry.kind, entry.path) for entry in result.fixed] == [
        ("orphan", "translations/ko/old.md")
    ]


def test_keys_ignore_line_numbers_and_numbers_in_messages(mixed: Report) -> None:
    one = Finding("broken-link", Severity.ERROR, "a.md", "link 3 of 7 is broken", "ja", line=10)
    moved = replace(one, line=42, message="link 4 of 7 is broken")
    other_file = replace(one, path="b.md")
    only_findings = replace(mixed, entries=(), findings=(one, moved, other_file))
    keys = [problem.key for problem in problems_of(only_findings)]
    assert keys[0] == keys[1] != keys[2]
    assert stable_key("stale", "ja", "a.md", "m") != stable_key("stale", "ko", "a.md", "m")


def test_each_occurrence_of_a_key_is_counted(mixed: Report, tmp_path: Path) -> None:
    link = Finding("broken-link", Severity.ERROR, "translations/lt/README.md", "x.md", "lt", 3)
    path = tmp_path / "baseline.json"
    write_baseline(path, problems_of(replace(mixed, findings=(link,))))
    twice = replace(mixed, findings=(link, replace(link, line=9)))
    result = evaluate(twice, POLICY, now=NOW, baseline=read_baseline(path))
    assert result.failed_by == ("broken-link",)


def test_the_file_is_sorted_json_with_a_schema(mixed: Report, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, reversed(problems_of(mixed)))
    document = json.loads(path.read_text())
    assert document["schema"] == "transync.baseline/1"
    assert [entry["kind"] for entry in document["entries"]] == ["stale", "missing", "orphan"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "baseline is not valid JSON"),
        ('{"schema": "other"}', "not a transync baseline"),
        ('{"schema": "transync.baseline/1", "entries": [{"key": 1}]}', "baseline entry 0 needs"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content)
    with pytest.raises(TransyncError, match=message):
        read_baseline(path)


def test_a_missing_baseline_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(TransyncError, match="--write-baseline"):
        read_baseline(tmp_path / "nope.json")
