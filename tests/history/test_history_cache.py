"""History that costs nothing twice: a run on the same HEAD reads its facts back from the
cache, and what it reports is byte for byte what a run without any cache reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.everyday import build

from tests.builders import GitRepo, RepoBuilder

_SCAN = (
    "import sys; from pathlib import Path; from transync.scan import scan; "
    "from transync.report.json_report import render; "
    "print(render(scan(Path(sys.argv[1]), history=True))); "
    "print('git' in sys.modules, file=sys.stderr)"
)


def _scan(root: Path, cache: Path) -> tuple[str, bool]:
    """The JSON report of a scan with history, in a fresh process using `cache`, and whether
    that process imported gitpython."""
    done = subprocess.run(
        [sys.executable, "-c", _SCAN, str(root)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TRANSYNC_CACHE_DIR": str(cache)},
    )
    return done.stdout, done.stderr.split()[-1] == "True"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated course with stale translations, orphans, moves and ~60 commits."""
    root = tmp_path_factory.mktemp("course")
    build(root, sources=40, languages=4, commits=60)
    return root


def test_a_re_run_on_the_same_head_reports_the_same_bytes_without_gitpython(
    course: Path, tmp_path: Path
) -> None:
    cold, cold_imported = _scan(course, tmp_path / "cache")
    logs = {path: path.read_bytes() for path in (tmp_path / "cache").glob("git-log-*.json")}
    warm, warm_imported = _scan(course, tmp_path / "cache")
    assert cold_imported and not warm_imported
    assert warm == cold
    assert logs and {path: path.read_bytes() for path in logs} == logs
    orphans = [entry for entry in json.loads(cold)["files"] if entry["state"] == "orphan"]
    assert {entry["provenance"]["moved_by"] for entry in orphans} >= {None, "similar-content"}


def test_a_damaged_cache_is_read_again_from_git(course: Path, tmp_path: Path) -> None:
    cold, _ = _scan(course, tmp_path / "cache")
    for file in (tmp_path / "cache").iterdir():
        file.write_text("{not json")
    assert _scan(course, tmp_path / "cache")[0] == cold


def test_a_new_commit_is_read_from_git_not_from_the_cache_of_the_old_head(
    repo: RepoBuilder, git: GitRepo, cache_dir: Path
) -> None:
    from transync.scan import scan

    repo.source("guide.md", "# Guide\n\nInstall.\n")
    repo.inline("ja", "guide.md")
    git.commit("A: write the guide")
    repo.source("guide.md", "# Guide\n\nInstall with pip.\n")
    git.commit("B: mention pip")
    first = next(entry for entry in scan(repo.root, history=True).entries)
    repo.source("guide.md", "# Guide\n\nInstall with pipx.\n")
    git.commit("C: pipx")
    second = next(entry for entry in scan(repo.root, history=True).entries)
    assert first.provenance is not None and second.provenance is not None
    assert [commit.subject for commit in first.provenance.missed] == ["B: mention pip"]
    assert [commit.subject for commit in second.provenance.missed] == [
        "B: mention pip",
        "C: pipx",
    ]
