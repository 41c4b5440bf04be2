"""`transync trend` end to end: formats, output file, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["trend", *args])


@pytest.fixture
def history(repo: RepoBuilder, git: GitRepo) -> RepoBuilder:
    repo.source("README.md", "# Hello\n")
    repo.inline("fr", "README.md")
    git.commit("fr")
    repo.source("README.md", "# Hello, world\n")
    git.commit("README: edit")
    return repo


def test_the_table_shows_one_row_per_commit(history: RepoBuilder) -> None:
    result = run(str(history.root), "-n", "5")
    assert result.exit_code == 0, result.output
    assert "100.0%" in result.output and "0.0%" in result.output
    assert "README: edit" in result.output


def test_json_is_the_history_schema(history: RepoBuilder) -> None:
    result = run(str(history.root), "--format", "json", "-n", "1")
    data = json.loads(result.output)
    assert data["schema"] == "transync.history/1"
    assert [point["subject"] for point in data["points"]] == ["README: edit"]


def test_svg_for_one_language_is_written_to_a_file(
    history: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    output = tmp_path_factory.mktemp("out") / "fr.svg"
    result = run(str(history.root), "--format", "svg", "--lang", "fr", "--output", str(output))
    assert result.exit_code == 0 and result.output == ""
    assert "language fr" in output.read_text()


def test_output_needs_a_file_format(history: RepoBuilder) -> None:
    result = run(str(history.root), "--output", "x.txt")
    assert result.exit_code == 2 and "--output needs --format json or svg" in result.output


def test_a_folder_without_git_history_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "a trend needs git history" in result.output


def test_a_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "not a folder" in result.output
