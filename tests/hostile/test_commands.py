"""Every case of the commands' catalogue (`commands.py`) ends as named: its exit status and
line, the files it keeps and never writes, nothing opened outside the repository (but the
site folder and the reports the command was given), `outside/` byte-identical, and the
repository too unless the command writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from tests.hostile import audit
from tests.hostile.cases import CASES as CATALOGUE
from tests.hostile.cases import Case
from tests.hostile.commands import CASES, CommandCase, readme_table
from tests.treehash import tree_hash
from transync import fileio
from transync.cli import cli
from transync.sync import execute

README = Path(__file__).with_name("README.md")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_command_case_ends_as_named(case: CommandCase, tmp_path: Path) -> None:
    if case.needs_git and shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = RepoBuilder(tmp_path / "repo")
    case.build(repo)
    (tmp_path / "outside").mkdir(exist_ok=True)
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    outside_before, repo_before = tree_hash(tmp_path / "outside"), tree_hash(repo.root)
    arguments = [
        argument.replace("{root}", str(repo.root)).replace("{tmp}", str(tmp_path))
        for argument in case.command
    ]
    # Besides the sanctioned places: the site written, the reports given, and the time zone
    # database the dashboard's dates are read with.
    allowed = (
        *audit.sanctioned(repo.root, cache),
        str(tmp_path / "site"),
        str(tmp_path / "reports"),
        "/usr/share/zoneinfo",
    )
    with audit.recording() as opened:
        result = CliRunner().invoke(
            cli, arguments, input="y\n", env={"TRANSYNC_CACHE_DIR": str(cache)}
        )
    assert audit.outside(opened, repo.root, allowed) == []
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code == case.exit_code, result.stderr
    assert case.says in result.stderr, result.stderr
    if case.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("transync: error: "), result.stderr
    assert tree_hash(tmp_path / "outside") == outside_before
    if not case.writes:
        assert tree_hash(repo.root) == repo_before, "the command changed the repository"
    for path in case.kept:
        assert (repo.root / path).exists(), path
    for path in case.never:
        assert not (tmp_path / path).exists(), path


def test_commands_catalogue_has_at_least_thirty_distinct_cases() -> None:
    assert len({case.name for case in CASES}) == len(CASES) >= 30


def test_readme_holds_the_commands_table() -> None:
    """Regenerate with `python -m tests.hostile.commands` and paste it under its heading."""
    assert readme_table() in README.read_text(encoding="utf-8")


SECRET_CASES = [case for case in CATALOGUE if case.name.startswith("source-file-gitignored")]
SECRET_CASES += [
    case
    for case in CATALOGUE
    if case.name in ("source-file-in-ignored-folder", "untracked-beside-ignored-source")
]
OUTPUTS = (
    ["status", "{root}", "--format", "json", "--content", "--details"],
    ["check", "{root}", "--format", "json"],
    ["check", "{root}", "--format", "sarif"],
    ["check", "{root}", "--format", "github"],
    ["check", "{root}", "--format", "junit"],
    ["check", "{root}", "--format", "markdown", "--details"],
)


@pytest.mark.parametrize("arguments", OUTPUTS, ids=[f"{o[0]}-{o[3]}" for o in OUTPUTS])
@pytest.mark.parametrize("case", SECRET_CASES, ids=[case.name for case in SECRET_CASES])
def test_an_ignored_secret_named_as_a_source_is_never_opened_nor_quoted(
    case: Case, arguments: list[str], tmp_path: Path
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = RepoBuilder(tmp_path / "repo")
    case.build(repo)
    secrets = {
        str((repo.root / path).resolve()) for path in (".env", "private/notes.md", "notes.md")
    }
    with audit.recording() as opened:
        result = CliRunner().invoke(
            cli, [argument.replace("{root}", str(repo.root)) for argument in arguments]
        )
    assert result.exit_code in (0, 1), result.stderr
    assert "ghs_secret" not in result.stdout + result.stderr
    assert not secrets & set(opened)


def test_ctrl_c_during_migrate_exits_130_with_one_short_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted after 200 of its files: exit 130 (as a shell reports SIGINT), one line that
    names a few of the changed files, not all of them; every file is old or new."""
    repo = RepoBuilder(tmp_path / "repo")
    for number in range(300):
        repo.source(f"page-{number:03}.md", f"# Page {number}\n")
        repo.sidecar_entry("ja", f"page-{number:03}.md", f"# ページ {number}\n")
    written = []
    real_write = fileio.write_atomic

    def write_then_interrupt(path: Path, data: str | bytes) -> None:
        if len(written) == 200:
            raise KeyboardInterrupt
        real_write(path, data)
        written.append(path)

    monkeypatch.setattr(execute, "write_atomic", write_then_interrupt)
    result = CliRunner().invoke(cli, ["migrate", str(repo.root), "--to", "inline"])
    assert result.exit_code == 130
    (line,) = result.stderr.splitlines()
    assert line.startswith("transync: error: interrupted; stopped after changing 200 files (")
    assert line.endswith("and 195 more); run the same command again to finish")
    assert len(line) < 400
