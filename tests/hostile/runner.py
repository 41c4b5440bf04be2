"""Run one transync command on a catalogue case, watching what it opens and changes."""

from __future__ import annotations

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
    """Build `case` in `tmp_path/repo`, run `transync <command> <repo>` in-process."""
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
            [*command[:1], str(repo.root / case.target), *command[1:]],
            env={"TRANSYNC_CACHE_DIR": str(cache)},
        )
    return Run(
        result,
        audit.outside(opened, repo.root, audit.sanctioned(repo.root, cache)),
        tree_hash(tmp_path) == before,
    )


def assert_clean(outcome: Run, exit_code: int, policy: bool = False) -> None:
    """No traceback, the documented exit code, nothing touched, nothing read outside.
    With `policy` (check), a case that runs may also exit 1, the policy failing."""
    result = outcome.result
    assert outcome.opened_outside == [], f"opened outside the repository: {outcome.opened_outside}"
    assert outcome.tree_unchanged, "the command changed the scanned tree"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    allowed = {0, 1} if policy and exit_code == 0 else {exit_code}
    assert result.exit_code in allowed, result.stderr
    if result.exit_code == 2:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("transync: error: ")
