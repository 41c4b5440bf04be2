"""The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit with `try-repo`,
as a user's `.pre-commit-config.yaml` would run it: installed from this repository into
pre-commit's own environment, in a repository of the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import GitRepo, RepoBuilder

PROJECT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One hook environment for the module: pre-commit installs transync into it once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(root: Path, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "TRANSYNC_CACHE_DIR": str(home / "transync-cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(PROJECT), "transync-check"]
    return subprocess.run(
        [*command, "--all-files", "--color", "never"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
    )


def _repository(root: Path, *, stale: bool) -> None:
    """A committed source and its current translation, then a staged commit that edits the
    source (its translation goes stale) or, when not `stale`, adds a sentence to both."""
    repo = RepoBuilder(root)
    git = GitRepo(root)
    repo.source("README.md", "# Hello\n\nWelcome.\n")
    repo.inline("lt", "README.md", "# Labas\n\nSveiki.\n")
    git.commit("docs and their Lithuanian translation")
    repo.source("README.md", "# Hello\n\nWelcome. Read on.\n")
    if not stale:
        repo.inline("lt", "README.md", "# Labas\n\nSveiki. Skaitykite.\n")
    git.git("add", "-A")


def test_a_stale_translation_fails_the_hook_with_the_message(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    _repository(tmp_path, stale=True)
    done = _try_repo(tmp_path, pre_commit_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "transync check" in done.stdout
    assert "Failed" in done.stdout
    # The hook prints check's roll-up: the source, what is wrong, and in which languages.
    assert "[stale] README.md: stale in 1 of 1 language (lt)" in done.stdout


def test_a_current_translation_passes_the_hook(tmp_path: Path, pre_commit_home: Path) -> None:
    _repository(tmp_path, stale=False)
    done = _try_repo(tmp_path, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
