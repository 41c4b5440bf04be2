"""History degrades, never fails: a repository that lacks objects (a blobless clone without
its remote, a mirror without some files, a damaged store) still gets its states, and one line
saying which history facts are unknown and why."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli
from transync.history import HISTORY_UNKNOWN
from transync.history.blob_reader import BlobReader


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "300"})
    return result.exit_code, result.output


def _history(repo: RepoBuilder, git: GitRepo) -> str:
    """A source in two versions and a Japanese translation of the first: stale. Returns the
    blob of the first version, which only provenance reads."""
    repo.source("README.md", "# Hello\n\nThe first version.\n")
    repo.inline("ja", "README.md", "# こんにちは\n\n最初の版。\n")
    git.commit("first")
    first = git.git("rev-parse", "HEAD:README.md")
    repo.source("README.md", "# Hello\n\nThe second version, longer.\n")
    git.commit("second")
    return first


def _remove_loose(git: GitRepo, object_id: str) -> None:
    path = git.root / ".git" / "objects" / object_id[:2] / object_id[2:]
    path.chmod(0o644)
    path.unlink()


def test_status_and_check_run_to_the_end_when_a_blob_is_missing(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _remove_loose(git, _history(repo, git))
    code, out = _run("status", str(repo.root))
    assert code == 0
    assert "1 stale" in out
    assert "origin of 1 translation unknown: git cannot read 1 object" in out
    code, out = _run("check", str(repo.root), "--details")
    assert code == 1  # the stale translation fails the policy, as with the whole history
    assert "FAILED: 1 stale" in out
    assert f"[{HISTORY_UNKNOWN}]" in out and "origin of 1 translation unknown" in out


def test_the_json_names_the_unknown_origin_and_why(repo: RepoBuilder, git: GitRepo) -> None:
    _remove_loose(git, _history(repo, git))
    code, out = _run("status", str(repo.root), "--format", "json")
    assert code == 0
    report = json.loads(out)
    [stale] = [entry for entry in report["files"] if entry["state"] == "stale"]
    assert stale["provenance"]["origin"] == "unknown"
    assert stale["provenance"]["reason"] == "history-unreadable"
    [finding] = [f for f in report["findings"] if f["check"] == HISTORY_UNKNOWN]
    assert finding["severity"] == "warning"


def test_a_history_git_cannot_walk_leaves_the_states_and_says_so(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _history(repo, git)
    _remove_loose(git, git.git("rev-parse", "HEAD~1^{tree}"))
    code, out = _run("status", str(repo.root))
    assert code == 0
    assert "1 stale" in out
    assert "history of 1 translation unknown: git log fails" in out
    code, out = _run("check", str(repo.root), "--no-history")
    assert code == 1
    assert HISTORY_UNKNOWN not in out  # nothing read, nothing unknown


def _blobless_clone(origin: GitRepo, target: Path) -> Path:
    origin.git("config", "uploadpack.allowFilter", "true")
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-local", origin.root.as_uri(), target],
        check=True,
        capture_output=True,
    )
    return target


def test_a_blobless_clone_whose_remote_is_gone_is_never_fetched_from(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The promisor remote still configured, its address dead: no fetch, no prompt, no
    failure, only the facts that needed the missing blobs are unknown."""
    _history(repo, git)
    clone = _blobless_clone(git, tmp_path_factory.mktemp("clone") / "course")
    dead = tmp_path_factory.mktemp("gone") / "course"
    subprocess.run(["git", "remote", "set-url", "origin", dead.as_uri()], cwd=clone, check=True)
    code, out = _run("status", str(clone))
    assert code == 0
    assert "origin of 1 translation unknown: git cannot read" in out
    code, out = _run("trend", str(clone), "-n", "2", "--format", "json")
    assert code == 0
    assert "1 of 2 commits left out of the trend" in out


def test_a_blob_reader_leaves_out_what_a_partial_clone_lacks_and_reads_the_rest(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    first = _history(repo, git)
    clone = _blobless_clone(git, tmp_path_factory.mktemp("clone") / "course")
    subprocess.run(["git", "remote", "remove", "origin"], cwd=clone, check=True)
    current = git.git("rev-parse", "HEAD:README.md")
    with BlobReader(clone) as read:
        assert read.many([first, current]) == {current: (repo.root / "README.md").read_bytes()}


def test_a_scan_never_fetches_what_a_blobless_clone_lacks(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Its promisor remote would serve the blob; the scan still does not ask for it."""
    first = _history(repo, git)
    clone = _blobless_clone(git, tmp_path_factory.mktemp("clone") / "course")
    for command in ("status", "check", "todo"):
        _run(command, str(clone))
    present = subprocess.run(
        ["git", "cat-file", "--batch-check=%(objectname)", "--batch-all-objects"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert first not in present


def test_prune_keeps_an_orphan_whose_history_cannot_be_read(
    repo: RepoBuilder, git: GitRepo
) -> None:
    """Whether its source moved is unknown: pruning could delete a translation to relocate."""
    repo.source("lesson.md", "# Lesson\n")
    repo.inline("ja", "lesson.md", "# 課\n")
    git.commit("lesson")
    (repo.root / "lesson.md").unlink()
    git.commit("lesson gone")
    _remove_loose(git, git.git("rev-parse", "HEAD~1^{tree}"))
    code, out = _run("prune", str(repo.root))
    assert (repo.root / "translations/ja/lesson.md").exists()
    assert "cannot tell whether its source moved" in out
    assert code == 1  # a selected file was left untouched, with the reason
