"""Text from a pull request is inert wherever transync writes it (issue 19, items 5 and 12).

A repository whose file names, commit subjects, metadata fields and content hold workflow
commands (`::stop-commands::`, `##[error]`, `##[add-mask]`), terminal escapes, raw HTML,
autolinks and @mentions goes through every command and format a CI job runs; no output line
may be one a GitHub runner executes, and each sink keeps its own rules (docs/robustness.md,
"Outputs").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder, inline_block, md5
from tests.hostile.runner import assert_no_workflow_command
from transync.cli import cli

FORGED = ("::stop-commands::x", "##[error]x", "##[add-mask]x", "##vso[task.setvariable]x")
NAMES = [f"{forged}.md" for forged in FORGED] + ["docs/  ::warning file=a::b.md"]
SUBJECT = "::stop-commands::token\n\n##[add-mask]secret ##[error]forged @octocat"
HOSTILE_DATE = "</details><img src=x onerror=alert(1)> @octocat https://evil.example"


def _hostile_repository(root: Path) -> GitRepo:
    git = GitRepo(root)
    repo = RepoBuilder(root)
    body = "# Title\n\n::error::in the text ##[error]here \x1b[31mred\x1b[0m\n"
    for name in NAMES:
        repo.source(name, body)
        translated = inline_block(name, md5(body), "fr", date=HOSTILE_DATE) + "# Titre\n"
        repo.write(f"translations/fr/{name}", translated)
    git.commit(SUBJECT)
    for name in NAMES:  # every translation goes stale through a hostile subject
        repo.source(name, body + "\n::add-mask::more ##[warning]more\n")
    git.commit(SUBJECT + " again")
    return git


COMMANDS = {
    "status-table": ["status", "{root}", "--details"],
    "status-markdown": ["status", "{root}", "--format", "markdown", "--details"],
    "status-json": ["status", "{root}", "--format", "json"],
    "check-text": ["check", "{root}"],
    "check-json": ["check", "{root}", "--format", "json"],
    "check-github": ["check", "{root}", "--format", "github"],
    "check-sarif": ["check", "{root}", "--format", "sarif"],
    "check-junit": ["check", "{root}", "--format", "junit"],
    "check-markdown": ["check", "{root}", "--format", "markdown"],
    "todo": ["todo", "{root}"],
    "todo-markdown": ["todo", "{root}", "--format", "markdown"],
    "diff": ["diff", "{root}/translations/fr/##[error]x.md", "--root", "{root}"],
    "port": ["port", "{root}", "--dry-run"],
    "trend": ["trend", "{root}"],
    "init-dry-run": ["init", "{root}", "--dry-run"],
    "trend-json": ["trend", "{root}", "--format", "json"],
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("hostile-outputs")
    _hostile_repository(root)
    return root


def _run(root: Path, arguments: list[str], tmp_path: Path) -> tuple[str, str]:
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(
        cli,
        [argument.replace("{root}", str(root)) for argument in arguments],
        env={"TRANSYNC_CACHE_DIR": str(tmp_path / "cache"), "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    written = summary.read_text() if summary.exists() else ""
    return result.stdout + result.stderr, written


@pytest.mark.parametrize("arguments", COMMANDS.values(), ids=list(COMMANDS))
def test_no_output_line_is_a_workflow_command(
    hostile: Path, arguments: list[str], tmp_path: Path
) -> None:
    output, summary = _run(hostile, arguments, tmp_path)
    if arguments[0] != "init":  # init names layouts and languages, not files
        assert "stop-commands" in output or "x.md" in output  # the hostile names were shown
    assert_no_workflow_command(output + summary)
    assert "\x1b" not in output


@pytest.mark.parametrize("name", ["status-markdown", "check-markdown", "check-github"])
def test_markdown_outputs_hold_no_raw_html_autolink_or_mention(
    hostile: Path, name: str, tmp_path: Path
) -> None:
    output, summary = _run(hostile, COMMANDS[name], tmp_path)
    markdown = summary if name == "check-github" else output
    assert markdown
    assert "</details>" not in markdown and "<img" not in markdown
    assert "@octocat" not in markdown
    assert "https://evil.example" not in markdown


def test_a_repo_url_that_is_not_http_is_refused(hostile: Path, tmp_path: Path) -> None:
    arguments = ["dashboard", str(hostile), "-o", str(tmp_path / "site")]
    result = CliRunner().invoke(cli, [*arguments, "--repo-url", "javascript:alert(1)//"])
    assert result.exit_code == 2
    assert "not an http(s) address" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_dashboard_summary_shows_a_metadata_date_as_text(hostile: Path, tmp_path: Path) -> None:
    arguments = ["dashboard", str(hostile), "-o", str(tmp_path / "site")]
    result = CliRunner().invoke(cli, [*arguments, "--repo-url", "https://github.com/o/r"])
    assert result.exit_code == 0, result.output
    summary = (tmp_path / "site" / "SUMMARY.md").read_text()
    assert "</details>" not in summary and "<img" not in summary and "@octocat" not in summary
    assert "javascript:" not in (tmp_path / "site" / "fr.html").read_text()
