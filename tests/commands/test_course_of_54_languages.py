"""A course in 54 languages, as a maintainer meets it: every default view fits one screen.

The course (tests/builders.py `build_course`) has what real ones have: one commit that made
22 sources stale in every language, a new source nobody translated yet, rewritten
table-of-contents anchors in 40 languages, a lesson cut short in six, a table row dropped in
eleven. Without roll-ups `check` printed one line per file and problem: thousands.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import COURSE_LANGUAGES, GitRepo, RepoBuilder, build_course
from transync.cli import cli

SCREEN = 50  # lines of a terminal


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course")
    build_course(RepoBuilder(root), GitRepo(root))
    return root


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "100", **(env or {})})
    return result.exit_code, result.stdout


def test_check_fits_one_screen_one_line_per_cause(course: Path) -> None:
    code, out = _run("check", str(course))
    lines = out.splitlines()
    assert code == 1 and len(lines) <= SCREEN
    assert (
        "[stale] 22 sources changed in" in out
        and "'Feb2026 update': 1,188 translations stale" in out
    )
    assert "  [missing] lessons/31/README.md: missing in all 54 languages" in lines
    assert any(
        re.match(r"  \[truncated\] lessons/03/README\.md:\d+ in 6 of 54 languages \(", line)
        for line in lines
    )
    assert "FAILED: 1,188 stale, 54 broken-link, 54 missing" in " ".join(lines[-2:])


def test_check_details_list_every_problem(course: Path) -> None:
    _, out = _run("check", str(course), "--details")
    assert out.count("fail [stale]") == 1188
    assert out.count("fail [missing]") == 54


def test_status_fits_one_screen(course: Path) -> None:
    _, out = _run("status", str(course), "--content")
    assert len(out.splitlines()) <= SCREEN
    assert "Freshness of 54 languages" in out
    assert "ar 25.8%" in out and "fr-CA 25.8%" in out  # every language still named
    assert "1,188 translations stale, in all 54 languages" in out
    assert "in 40 of 54 languages" in out


def test_github_annotates_each_cause_once_naming_its_languages(
    course: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    _, out = _run(
        "check", str(course), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    errors = [line for line in annotations if line.startswith("::error")]
    warnings = [line for line in annotations if line.startswith("::warning")]
    assert 0 < len(errors) <= 10 and 0 < len(warnings) <= 10
    for annotation in annotations:
        assert re.search(r" in (all 54|\d+ of 54) languages", annotation), annotation
    missing = next(line for line in errors if "transync missing" in line)
    assert missing.endswith("::lessons/31/README.md: missing in all 54 languages")
    anchors = next(line for line in warnings if "in 40 of 54" in line)
    assert all(code in anchors for code in COURSE_LANGUAGES[:40])  # every one named
    text = summary.read_text()
    # The six cut-off lessons' lost link and table fold into their `truncated`.
    assert "### Failures: 1,313 problems from 5 causes" in text
    assert len(text.encode()) < 1_048_576
