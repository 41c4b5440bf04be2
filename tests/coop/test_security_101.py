"""security-101 (51 languages, inline metadata): the forecast pinned to what co-op-translator
0.23.2 itself decided on it (docs/coop-plan.md), before and after `migrate --to json`."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from transync.cli import cli
from transync.coop.forecast import Forecast, forecast, plan_only_sources
from transync.scan import scan
from transync.sync.files import reader

LANGUAGES = ("fr", "ko", "tw")


def _clone(samples: Path, tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "security-101"
    bundle = samples / "security-101.bundle"
    subprocess.run(["git", "clone", "-q", str(bundle), str(clone)], check=True)
    return clone


def _forecast(root: Path) -> Forecast:
    report = scan(root)
    extra = plan_only_sources(str(root), report.layouts)
    return forecast(report.entries, reader(root), LANGUAGES, plan_only=extra)


def _summary(plan: Forecast) -> dict[str, tuple[dict[str, int], dict[str, int], int]]:
    return {
        language.language: (
            dict(Counter(page.reason.value for page in language.to_translate if page.reason)),
            dict(Counter(page.decision.bucket.value for page in language.pages)),
            language.tokens,
        )
        for language in plan.languages
    }


RUN = {
    "fr": ({"source-changed": 1}, 5170),
    "ko": ({"source-changed": 1, "line-count-drift": 2}, 9198),
    "zh-TW": ({"source-changed": 1, "line-count-drift": 2}, 8355),
}


def test_security_101s_next_run_and_co_op_translators_own_plan(
    samples: Path, tmp_path: Path
) -> None:
    clone = _clone(samples, tmp_path)
    before = _summary(_forecast(clone))
    for language, (reasons, tokens) in RUN.items():
        assert (before[language][0], before[language][2]) == (reasons, tokens)
    assert before["fr"][1] == before["ko"][1] == {"outdated_files": 37, "new_files": 2}
    assert before["zh-TW"][1] == {"new_files": 39}

    moved = CliRunner().invoke(cli, ["migrate", str(clone), "--to", "json"])
    assert moved.exit_code == 0, moved.output
    after = _summary(_forecast(clone))
    for language, (reasons, tokens) in RUN.items():
        assert (after[language][0], after[language][2]) == (reasons, tokens)
    expected = {"current_files": 36, "outdated_files": 1, "new_files": 2}
    assert after["fr"][1] == after["ko"][1] == expected
