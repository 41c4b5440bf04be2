"""`--changed-from REF`: a change is judged by what it touches, on both sides.

Each test builds a repository with history on both sides of REF: `main` moves on after the
feature branch forked, so only the merge base tells what the branch changed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.builders import RepoBuilder
from tests.conftest import NOW
from transync.errors import TransyncError
from transync.history.changed import changed_since
from transync.policy.evaluate import CheckResult, changed_scope, evaluate
from transync.policy.settings import Flags, build_policy
from transync.scan import scan

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


@pytest.fixture
def forked(repo: RepoBuilder) -> RepoBuilder:
    """On `main`: guide and intro translated into ja (intro already stale). Then `feature`
    forks, and `main` moves on with a new untranslated source."""
    git(repo.root, "init", "-q", "-b", "main")
    repo.source("guide.md", "# Guide\n")
    repo.source("intro.md", "# Intro\n")
    repo.sidecar_entry("ja", "guide.md")
    repo.sidecar_entry("ja", "intro.md", stale=True)
    commit(repo.root, "base")
    git(repo.root, "checkout", "-q", "-b", "feature")
    git(repo.root, "checkout", "-q", "main")
    repo.source("news.md", "# News\n")
    commit(repo.root, "main moves on")
    git(repo.root, "checkout", "-q", "feature")
    return repo


def _judge(root: Path, ref: str = "main") -> CheckResult:
    change = changed_since(root, ref)
    report = scan(root)
    return evaluate(report, build_policy({}, Flags()), now=NOW, scope=changed_scope(change, report))


def _judged(result: CheckResult) -> list[tuple[str, str]]:
    return [(v.problem.kind, v.problem.path) for v in result.verdicts]


def test_a_changed_source_brings_in_all_its_translations(forked: RepoBuilder) -> None:
    forked.source("guide.md", "# Guide, revised\n")
    commit(forked.root, "revise the guide")
    result = _judge(forked.root)
    assert _judged(result) == [("stale", "translations/ja/guide.md")]
    assert not result.passed
    assert [item.path for item in result.files] == ["translations/ja/guide.md"]


def test_commits_on_ref_after_the_fork_are_not_the_branchs_change(forked: RepoBuilder) -> None:
    result = _judge(forked.root)
    assert result.scope is not None and result.scope.changed_files == 0
    assert result.verdicts == () and result.passed


def test_a_translation_only_change_is_checked_not_skipped(forked: RepoBuilder) -> None:
    forked.write("translations/ja/intro.md", "# Retouched by hand\n")
    commit(forked.root, "touch up the Japanese intro")
    assert _judged(_judge(forked.root)) == [("stale", "translations/ja/intro.md")]


def test_a_sidecar_change_brings_in_only_the_records_that_changed(forked: RepoBuilder) -> None:
    forked.sidecar_entry("ja", "guide.md", body=None, stale=True)
    commit(forked.root, "record an older hash for guide")
    change = changed_since(forked.root, "main")
    assert change.sidecar_keys == {"translations/ja/.co-op-translator.json": {"guide.md"}}
    assert _judged(_judge(forked.root)) == [("stale", "translations/ja/guide.md")]


def test_uncommitted_and_untracked_files_count(forked: RepoBuilder) -> None:
    forked.source("guide.md", "# Guide, not yet committed\n")
    forked.write("translations/ja/new.md", "# no metadata\n")
    change = changed_since(forked.root, "main")
    assert change.paths == {"guide.md", "translations/ja/new.md"}
    assert _judged(_judge(forked.root)) == [
        ("stale", "translations/ja/guide.md"),
        ("untracked", "translations/ja/new.md"),
    ]


def test_min_fresh_is_not_judged_on_a_change(forked: RepoBuilder) -> None:
    change = changed_since(forked.root, "main")
    report = scan(forked.root)
    policy = build_policy({}, Flags(min_fresh=100))
    assert evaluate(report, policy, now=NOW, scope=changed_scope(change, report)).freshness == ()


def test_a_scan_of_a_subfolder_sees_paths_relative_to_it(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    site = RepoBuilder(tmp_path / "site")
    site.source("guide.md", "# Guide\n")
    site.sidecar_entry("ja", "guide.md")
    (tmp_path / "unrelated.md").write_text("x")
    commit(tmp_path, "base")
    site.source("guide.md", "# Changed\n")
    (tmp_path / "unrelated.md").write_text("y")
    assert changed_since(tmp_path / "site", "HEAD").paths == {"guide.md"}


def test_an_unknown_ref_says_how_to_fetch_it(forked: RepoBuilder) -> None:
    with pytest.raises(TransyncError, match=r"unknown revision 'origin/nope' \(fetch it first"):
        changed_since(forked.root, "origin/nope")


def test_a_too_shallow_clone_says_how_to_deepen_it(
    forked: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    forked.source("guide.md", "# Guide, revised\n")
    commit(forked.root, "revise the guide")
    clone = tmp_path_factory.mktemp("clones") / "shallow"
    git(
        forked.root,
        "clone",
        "-q",
        "--depth=1",
        "--no-single-branch",
        f"file://{forked.root}",
        str(clone),
    )
    with pytest.raises(TransyncError, match=r"share no history .*fetch-depth: 0"):
        changed_since(clone, "origin/main")
    with pytest.raises(TransyncError, match=r"the clone is shallow; fetch more history"):
        changed_since(clone, "v1.0")


def test_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TransyncError, match="not inside a git repository"):
        changed_since(tmp_path, "main")


def test_an_unreadable_sidecar_brings_in_its_whole_folder(forked: RepoBuilder) -> None:
    forked.write("translations/ja/.co-op-translator.json", "{ not json")
    change = changed_since(forked.root, "main")
    assert change.sidecar_keys == {"translations/ja/.co-op-translator.json": None}
    report = scan(forked.root)
    assert all(change.touches(entry) for entry in report.entries if entry.language == "ja")
