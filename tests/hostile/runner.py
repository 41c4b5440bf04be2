"""Run one transync command on a catalogue case, watching what it opens and changes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import RepoBuilder
from tests.hostile import audit
from tests.hostile.cases import Case
from tests.treehash import tree_hash
from transync.cli import cli


@dataclass(frozen=True)
class Run:
    result: Result
    # Paths opened or listed outside the repository (Python's own files excepted).
    opened_outside: list[str]
    tree_unchanged: bool


def run(case: Case, tmp_path: Path, command: Sequence[str]) -> Run:
    """Build `case` in `tmp_path/repo` and run `transync <command>` in-process, with `{path}`
    in the arguments standing for the case's PATH (the repository, unless it says otherwise)
    and `{root}` for the repository."""
    if case.needs_git and shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = RepoBuilder(tmp_path / "repo")
    case.build(repo)
    cache = tmp_path.parent / f"{tmp_path.name}-cache"  # beside, not inside, the hashed tree
    before = tree_hash(tmp_path)
    unreadable = [repo.root / path for path in case.unreadable]
    with audit.recording() as opened, audit.denying(unreadable):
        result = CliRunner().invoke(
            cli,
            [
                argument.replace("{path}", str(repo.root / case.target)).replace(
                    "{root}", str(repo.root)
                )
                for argument in command
            ],
            env={"TRANSYNC_CACHE_DIR": str(cache)},
        )
    return Run(
        result,
        audit.outside(opened, repo.root, audit.sanctioned(repo.root, cache)),
        tree_hash(tmp_path) == before,
    )


def assert_clean(outcome: Run, exit_codes: set[int]) -> None:
    """No traceback, a documented exit code, nothing touched, nothing read outside; exit 2
    (could not run) prints nothing but one line on stderr."""
    result = outcome.result
    assert outcome.opened_outside == [], f"opened outside the repository: {outcome.opened_outside}"
    assert outcome.tree_unchanged, "the command changed the scanned tree"
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in exit_codes, result.stderr
    assert_no_workflow_command(result.stdout + result.stderr)
    if result.exit_code == 2:
        assert result.stdout == "", result.stdout
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("transync: error: "), result.stderr


# What a GitHub runner executes in a log: `::` after leading blanks, `##[` anywhere.
RUNNER_COMMAND = re.compile(r"^\s*::|##(?:vso)?\[", re.IGNORECASE)
# transync's own annotations (`check --format github`): properties hold no `:` or `,`.
OWN_ANNOTATION = re.compile(r"^::(?:error|warning|notice) (?:[a-z]+=[^:,]*,?)*::")


def assert_no_workflow_command(output: str) -> None:
    """No line of `output` is a workflow command but transync's own annotations, whose
    message GitHub does not parse for another."""
    for line in output.splitlines():
        assert not RUNNER_COMMAND.search(OWN_ANNOTATION.sub("", line, count=1)), line
