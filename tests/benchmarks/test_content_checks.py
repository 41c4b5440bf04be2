"""The content checks' benchmark times what `check` computes: the same findings, part by part."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.content_checks import REST, digest, measure, run, tasks_of
from benchmarks.make_corpus import generate

from transync.checks.engine.compare import content_outcome
from transync.checks.registry import CONTENT_CHECKS


def test_the_timed_runs_find_what_the_checks_find_and_name_every_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(tmp_path, sources=6, languages=2, seed=5)
    tasks = tasks_of(tmp_path)
    assert tasks == sorted(tasks, key=lambda task: task.source) and tasks
    parts, outcomes = run(str(tmp_path), tasks)
    assert digest(outcomes) == digest([content_outcome(str(tmp_path), task) for task in tasks])
    assert {names[0] for names in CONTENT_CHECKS} | {REST, "total"} <= set(parts)
    measure(tmp_path, runs=1)
    assert "outcomes digest" in capsys.readouterr().out
