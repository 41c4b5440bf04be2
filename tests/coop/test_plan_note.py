from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder, settle
from transync.cli import cli

SOURCE = "# Lesson\n\nOne paragraph of the lesson.\n"
NOTE = "co-op-translator's plan (translate --dry-run --plan-json) lists"


def _course(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.source("lesson.md", SOURCE)
    repo.inline("fr", "README.md", "# Leçon\n\nUn paragraphe.\n")
    repo.inline("fr", "lesson.md", "# Leçon\n\nUn paragraphe.\n")
    repo.sidecar_entry("ja", "README.md", "# 授業\n")
    repo.sidecar_entry("ja", "lesson.md", "# 授業\n")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.output


def test_status_says_what_co_op_translators_plan_gets_wrong_and_names_the_fix(
    repo: RepoBuilder,
) -> None:
    _course(repo)
    output = _run("status", str(repo.root), "--no-history")
    (line,) = [line for line in output.splitlines() if line.startswith(NOTE)]
    assert "2 current pages in 1 language as outdated" in line
    assert "tokens listed that its run will not spend" in line
    assert "`transync migrate --to json`" in line and "keeping every record" in line


def test_status_is_silent_where_every_record_is_in_the_sidecar(repo: RepoBuilder) -> None:
    _course(repo)
    _run("migrate", str(repo.root), "--to", "json", "--allow-dirty")
    assert NOTE not in _run("status", str(repo.root), "--no-history")


def test_todo_says_it_on_stderr_and_keeps_its_list_for_a_pipe(repo: RepoBuilder) -> None:
    _course(repo)
    repo.source("new.md", SOURCE)
    result = CliRunner().invoke(cli, ["todo", str(repo.root), "--format", "list"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["new.md"]  # one path, for every language
    assert NOTE in result.stderr


def test_the_dashboard_has_a_section_on_co_op_translators_plan(
    repo: RepoBuilder, tmp_path: Path
) -> None:
    _course(repo)
    site = tmp_path / "site"
    _run("dashboard", str(repo.root), "-o", str(site), "--no-history")
    page = (site / "index.html").read_text()
    assert 'id="coop-plan"' in page and "migrate --to json" in page


def test_the_status_note_is_remembered_until_a_page_it_depends_on_changes(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transync.coop import forecast

    _course(repo)
    computed: list[object] = []
    real = forecast._inline_gap

    def counting(*args: Any) -> object:
        computed.append(args)
        return real(*args)

    monkeypatch.setattr(forecast, "_inline_gap", counting)
    settle(repo.root)  # what changed in the last two seconds is not trusted by signature
    first = _run("status", str(repo.root), "--no-history")
    assert _run("status", str(repo.root), "--no-history") == first
    assert NOTE in first and len(computed) == 1
    translation = repo.root / "translations" / "fr" / "lesson.md"
    translation.write_bytes(translation.read_bytes() + b"\nOne more line.\n")
    _run("status", str(repo.root), "--no-history")
    assert len(computed) == 2
