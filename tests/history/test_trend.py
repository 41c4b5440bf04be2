"""The trend: the status at earlier commits, read from git, equals `status` run there."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders import GitRepo, RepoBuilder, record
from transync.config import Config
from transync.errors import TransyncError
from transync.history.blob_reader import BlobReader
from transync.history.trend import TREND_CACHE, TrendPoint, compute_trend
from transync.model import Layout, State
from transync.scan import scan

NOTEBOOK = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _history(repo: RepoBuilder, git: GitRepo) -> None:
    """Six commits: stale and refreshed translations, inline and sidecar metadata, a
    notebook, a language added later, an orphan, a missing file, a symlinked source."""
    repo.source("README.md", "# Hello\n")
    repo.source("guide.md", "# Guide\n")
    repo.inline("fr", "README.md")
    repo.inline("fr", "guide.md")
    git.commit("fr: translate everything")
    repo.source("README.md", "# Hello, world\n")
    git.commit("README: greet the world")  # fr README stale
    repo.sidecar_entry("ja", "README.md")
    repo.sidecar_entry("ja", "guide.md", stale=True)
    repo.source("lesson.ipynb", NOTEBOOK)
    git.commit("ja: a new language; a notebook")  # lesson missing in fr and ja
    repo.inline("fr", "README.md")
    repo.source("guide.md", "# Guide\n\nMore.\n")
    (repo.root / "translations/fr/guide.md").rename(repo.root / "translations/fr/old-guide.md")
    git.commit("fr: refresh README; guide grows")  # a renamed translation still claims its source
    os.symlink("guide.md", repo.root / "linked.md")
    repo.update_sidecar("ja", {"linked.md": record("linked.md", "0" * 32, "ja")})
    repo.write("translations/ja/linked.md", "# Lié\n")
    repo.write("translations/ja/notes.md", "# Untracked\n")
    git.commit("ja: a symlinked source, an untracked file")
    (repo.root / "guide.md").unlink()
    git.commit("guide: removed")  # translations of the guide become orphans


def _status_at(git: GitRepo, commit: str, where: Path, config: Config) -> dict[str, object]:
    git.git("worktree", "add", "--detach", str(where), commit)
    report = scan(where, config=config)
    return _figures(report.languages, report.totals)


def _figures(languages: object, totals: object) -> dict[str, object]:
    return {"languages": languages, "totals": totals}


def test_each_point_equals_status_run_on_a_checkout_of_that_commit(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _history(repo, git)
    points = compute_trend(repo.root, Config(), 10)
    assert [point.commit for point in points] == git.commits
    checkouts = tmp_path_factory.mktemp("checkouts")
    for index, point in enumerate(points):
        expected = _status_at(git, point.commit, checkouts / str(index), Config())
        assert _figures(point.languages, point.totals) == expected, point.subject
    first, last = points[0], points[-1]
    assert [language.code for language in first.languages] == ["fr"]
    assert [language.code for language in last.languages] == ["fr", "ja"]
    assert first.languages[0].fresh_percent == 100.0
    assert points[1].languages[0].counts[State.STALE] == 1
    assert last.totals.counts[State.ORPHAN] > 0
    assert last.totals.counts[State.UNTRACKED] == 1


def test_points_carry_the_commit_date_and_subject_oldest_first(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _history(repo, git)
    points = compute_trend(repo.root, Config(), 2)
    assert points == tuple(points)
    assert [(point.date, point.subject) for point in points] == [
        (GitRepo.date_of(4), "ja: a symlinked source, an untracked file"),
        (GitRepo.date_of(5), "guide: removed"),
    ]
    assert all(isinstance(point, TrendPoint) for point in points)


def test_a_commit_before_any_translation_has_no_languages(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Hello\n")
    git.commit("sources only")
    repo.inline("fr", "README.md")
    git.commit("fr")
    before, after = compute_trend(repo.root, Config(), 5)
    assert before.languages == () and before.totals.files == 0
    assert after.languages[0].fresh_percent == 100.0


def test_a_second_run_reuses_the_counts_kept_by_tree(
    repo: RepoBuilder, git: GitRepo, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(repo, git)
    first = compute_trend(repo.root, Config(), 10)
    assert (cache_dir / TREND_CACHE).is_file()

    def no_blob_reading(*args: object) -> None:
        raise AssertionError("a blob was read although every commit was cached")

    monkeypatch.setattr("transync.history.git_tree.BlobReader.__init__", no_blob_reading)
    assert compute_trend(repo.root, Config(), 10) == first


def test_the_scanned_tree_is_not_written(repo: RepoBuilder, git: GitRepo) -> None:
    _history(repo, git)
    before = git.git("status", "--porcelain", "--ignored")
    compute_trend(repo.root, Config(), 10)
    assert git.git("status", "--porcelain", "--ignored") == before
    assert git.git("worktree", "list").count("\n") == 0


def test_a_scan_root_inside_the_work_tree_sees_only_its_folder(
    tmp_path: Path, git: GitRepo
) -> None:
    site = RepoBuilder(tmp_path / "site")
    site.source("README.md", "# Hello\n")
    site.inline("fr", "README.md")
    git.commit("site")
    site.source("README.md", "# Hi\n")
    git.commit("site: edit")
    points = compute_trend(site.root, Config(), 5)
    assert [point.languages[0].counts[State.STALE] for point in points] == [0, 1]


def test_configured_layouts_are_used_at_every_commit(tmp_path: Path, git: GitRepo) -> None:
    docs = RepoBuilder(tmp_path, translations="i18n", sources="docs")
    docs.source("intro.md", "# Intro\n")
    docs.inline("de", "intro.md")
    git.commit("de")
    config = Config(layouts=(Layout("i18n/<lang>", "docs"),))
    (point,) = compute_trend(tmp_path, config, 1)
    assert point.languages[0].counts[State.CURRENT] == 1


def test_outside_git_it_is_a_one_line_error(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("fr", "README.md")
    env_ceiling = {"GIT_CEILING_DIRECTORIES": str(repo.root.parent)}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env_ceiling.items():
            patch.setenv(name, value)
        with pytest.raises(TransyncError, match="a trend needs git history"):
            compute_trend(repo.root, Config(), 3)


def test_history_has_no_commits_yet(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    with pytest.raises(TransyncError, match="a trend needs git history"):
        compute_trend(tmp_path, Config(), 3)


def test_only_commits_not_yet_cached_are_judged_and_counted_for_progress(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _history(repo, git)
    told: list[int] = []

    def progress(total: int) -> Callable[[int], None]:
        told.append(total)
        return lambda done: told.append(-done)

    compute_trend(repo.root, Config(), 10, progress=progress)
    repo.source("README.md", "# Hello again\n")
    git.commit("README: again")
    points = compute_trend(repo.root, Config(), 10, progress=progress)
    assert told == [6, -1, -1, -1, -1, -1, -1, 1, -1]
    assert points[-1].subject == "README: again"


def test_a_new_commit_reads_only_the_blobs_no_earlier_run_parsed(
    repo: RepoBuilder, git: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(repo, git)
    compute_trend(repo.root, Config(), 10)
    repo.inline("fr", "guide.md", "# Guide, retraduit\n")
    git.commit("fr: guide again")
    read: list[str] = []
    original_many, original_call = BlobReader.many, BlobReader.__call__

    def many(self: BlobReader, blobs: list[str]) -> dict[str, bytes]:
        read.extend(blobs)
        return original_many(self, blobs)

    def call(self: BlobReader, blob: str) -> bytes:
        read.append(blob)
        return original_call(self, blob)

    monkeypatch.setattr(BlobReader, "many", many)
    monkeypatch.setattr(BlobReader, "__call__", call)
    compute_trend(repo.root, Config(), 10)
    changed = git.git("rev-parse", "HEAD:translations/fr/guide.md")
    translated = set(
        git.git("ls-tree", "-r", "--format=%(objectname)", "HEAD", "translations").split()
    )
    assert changed in read and len(read) == len(set(read))  # each blob read once
    assert set(read) & translated == {changed}  # sources and links aside, only the new one
