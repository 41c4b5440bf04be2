"""Paths as other systems have them: Unicode and long file names, and case-only renames, which
must be judged the same on case-sensitive (Linux) and case-insensitive (macOS, Windows) file
systems. CI runs these on all three."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.builders import GitRepo, RepoBuilder
from transync.model import State
from transync.paths import exists_as_named
from transync.scan import scan


def _states(root: Path, **options: bool) -> dict[str, State]:
    return {entry.translation: entry.state for entry in scan(root, **options).entries}


def test_unicode_file_and_folder_names_are_matched_and_hashed(tmp_path: Path) -> None:
    repo = RepoBuilder(tmp_path)
    repo.source("课程/第一课 \u2013 介绍.md", "# 介绍\n")
    repo.source("Ελληνικά/ÅÄÖ.md", "# Hej\n")
    repo.inline("ja", "课程/第一课 \u2013 介绍.md")
    repo.sidecar_entry("ja", "Ελληνικά/ÅÄÖ.md", stale=True)
    assert _states(tmp_path) == {
        "translations/ja/Ελληνικά/ÅÄÖ.md": State.STALE,
        "translations/ja/课程/第一课 \u2013 介绍.md": State.CURRENT,
    }


def test_long_names_and_deep_folders_beyond_windows_260_characters(tmp_path: Path) -> None:
    folder = "/".join(f"lesson-{index:02d}-" + "x" * 30 for index in range(5))
    name = f"{folder}/{'a-rather-long-file-name-' * 8}.md"
    assert len(name) > 260
    repo = RepoBuilder(tmp_path)
    try:
        repo.source(name, "# Long\n")
        repo.inline("fr", name)
    except OSError as error:  # a Windows without long-path support cannot even create it
        pytest.skip(f"this file system refuses long paths: {error}")
    assert _states(tmp_path) == {f"translations/fr/{name}": State.CURRENT}


def test_exists_as_named_tells_a_name_from_its_other_case(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("# Guide\n")
    assert exists_as_named(str(tmp_path / "guide.md"))
    assert not exists_as_named(str(tmp_path / "Guide.md"))  # on every file system
    assert not exists_as_named(str(tmp_path / "absent.md"))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_case_only_rename_orphans_the_old_name_on_every_file_system(tmp_path: Path) -> None:
    git = GitRepo(tmp_path)
    repo = RepoBuilder(tmp_path)
    repo.source("Guide.md", "# Guide\n")
    repo.inline("ja", "Guide.md")
    git.commit("guide and its translation")
    git.git("mv", "Guide.md", "guide.md")
    git.commit("lower-case file names")
    report = scan(tmp_path, history=True)
    states = {entry.translation: entry for entry in report.entries}
    old = states["translations/ja/Guide.md"]
    assert old.state is State.ORPHAN
    assert old.provenance is not None and old.provenance.moved_to == "guide.md"
    assert states["translations/ja/guide.md"].state is State.MISSING
