"""`transync status` as a user runs it: formats, options, exit codes, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli


@pytest.fixture
def project(repo: RepoBuilder) -> RepoBuilder:
    repo.source("README.md", "# Hello\n")
    repo.source("lesson.md", "# Lesson\n")
    repo.inline("lt", "README.md")
    repo.inline("lt", "lesson.md", stale=True)
    repo.sidecar_entry("ja", "README.md")
    return repo


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_table_shows_a_row_per_language_and_a_total(project: RepoBuilder) -> None:
    code, out, _ = _run("status", str(project.root))
    assert code == 0
    assert "lt" in out and "ja" in out
    assert (
        "Total: 4 translated pages in 2 languages: 2 current, 1 stale, 1 missing (50.0% fresh)"
        in out
    )


def test_json_report_follows_the_versioned_schema(project: RepoBuilder) -> None:
    code, out, _ = _run("status", str(project.root), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["schema"] == "transync.report/1"
    assert report["root"] == str(project.root)
    assert report["layouts"] == [{"translations": "translations/<lang>", "sources": "."}]
    lt = next(language for language in report["languages"] if language["code"] == "lt")
    assert lt["counts"] == {
        "current": 1,
        "stale": 1,
        "missing": 0,
        "orphan": 0,
        "untracked": 0,
        "invalid-metadata": 0,
        "failed": 0,
    }
    assert lt["fresh_percent"] == 50.0
    stale = next(entry for entry in report["files"] if entry["state"] == "stale")
    assert stale == {
        "language": "lt",
        "state": "stale",
        "kind": "markdown",
        "source": "lesson.md",
        "translation": "translations/lt/lesson.md",
        "stored_hash": stale["stored_hash"],
        "current_hash": stale["current_hash"],
        "translated_at": "2026-01-02T03:04:05+00:00",
        "metadata": "inline",
        "basis": "hash",
    }
    assert stale["stored_hash"] != stale["current_hash"]


def test_output_is_deterministic(project: RepoBuilder) -> None:
    assert _run("status", str(project.root), "--format", "json") == _run(
        "status", str(project.root), "--format", "json"
    )


def test_lang_limits_the_report(project: RepoBuilder) -> None:
    _, out, _ = _run("status", str(project.root), "--format", "json", "--lang", "ja")
    assert {entry["language"] for entry in json.loads(out)["files"]} == {"ja"}


def test_markdown_and_details_list_what_needs_attention(project: RepoBuilder) -> None:
    _, out, _ = _run("status", str(project.root), "--format", "markdown", "--details")
    assert "| `lt` | 2 | 1 | 1 | 0 | 0 | 0 | 50.0% |" in out
    assert "- **stale** `translations/lt/lesson.md`" in out
    _, out, _ = _run("status", str(project.root), "--details")
    assert "translations/ja/lesson.md" in out


def test_a_bad_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, _, err = _run("status", str(tmp_path / "nowhere"))
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "not a folder" in err


def test_a_bad_config_is_one_line_and_exit_2(project: RepoBuilder) -> None:
    project.write("transync.toml", "include = 3\n")
    code, _, err = _run("status", str(project.root))
    assert code == 2
    assert err == "transync: error: transync.toml: 'include' must be a list of strings\n"


def test_runs_as_a_module_and_defaults_to_the_current_folder(project: RepoBuilder) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "transync", "status", "--format", "json"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["root"] == "."
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def _stale_in_git(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("lt", "README.md")
    repo.inline("ja", "README.md")
    git.commit("Write the README")
    repo.source("README.md", "# Hello, world\n")
    git.commit("Greet the world")


def test_status_in_a_git_work_tree_adds_provenance_and_causes_to_json(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _stale_in_git(repo, git)
    code, out, _ = _run("status", str(repo.root), "--format", "json")
    assert code == 0
    report = json.loads(out)
    provenance = report["files"][0]["provenance"]
    assert provenance["origin"] == "commit"
    assert provenance["translated_from"]["subject"] == "Write the README"
    assert provenance["stale_since"]["id"] == git.commits[1]
    assert provenance["commits_behind"] == 1
    assert provenance["change"] == {"kind": "prose", "prose_words": 1}
    assert report["causes"] == [
        {
            "source": "README.md",
            "commit": provenance["stale_since"],
            "reason": None,
            "languages": ["ja", "lt"],
            "stale_languages": 2,
            "of_languages": 2,
        }
    ]


def test_status_lists_causes_after_the_language_table(repo: RepoBuilder, git: GitRepo) -> None:
    _stale_in_git(repo, git)
    _, out, _ = _run("status", str(repo.root))
    assert out.index("Total:") < out.index("Causes of staleness (1)")
    commit = git.commits[1][:7]
    line = (
        f"README.md changed in {commit} 'Greet the world': 2 translations stale, in all 2 languages"
    )
    assert line in out
    _, detailed, _ = _run("status", str(repo.root), "--details")
    assert detailed.count(f"changed in {commit}") == 1  # one source: said once
    _, markdown, _ = _run("status", str(repo.root), "--format", "markdown")
    assert "### Causes of staleness" in markdown
    assert f"- README.md changed in {commit} 'Greet the world'" in markdown


def test_status_no_history_reads_no_git_history(repo: RepoBuilder, git: GitRepo) -> None:
    _stale_in_git(repo, git)
    _, out, _ = _run("status", str(repo.root), "--format", "json", "--no-history")
    report = json.loads(out)
    assert "provenance" not in report["files"][0]
    assert report["causes"] == []


def test_unknown_config_keys_are_warned_about_on_stderr(project: RepoBuilder) -> None:
    project.write("transync.toml", "colour = 'blue'\n")
    code, _, err = _run("status", str(project.root))
    assert code == 0
    assert err == "transync: warning: transync.toml: unknown key 'colour' ignored\n"


def test_a_metadata_block_shown_after_a_fence_with_an_info_string_is_code_not_a_second_block(
    repo: RepoBuilder,
) -> None:
    """CommonMark: "``` python" inside a block is code, not its closing fence, so the sample
    block after it is code and the page has one block, not two (broken metadata)."""
    repo.source("README.md", "# Hello\n")
    sample = repo.inline("lt", "README.md").read_text()
    repo.inline("lt", "README.md", f"# Labas\n\n```\ncode\n``` python\n{sample}```\n")
    _, out, _ = _run("status", "--format", "json", str(repo.root))
    assert [entry["state"] for entry in json.loads(out)["files"]] == ["current"]
