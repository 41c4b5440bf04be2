"""A commit's tree answers discover's and classify's questions as the files on disk would."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders import GitRepo, RepoBuilder
from transync.discover.tree import WorkTree
from transync.history.blob_reader import BlobReader
from transync.history.git_tree import BlobMemo, GitTree
from transync.history.parsed_store import ParsedStore
from transync.history.store import Store
from transync.paths import LEADS_OUTSIDE


@pytest.fixture
def tree(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GitTree]:
    repo.write("docs/guide.md", "# Guide\n")
    repo.write("docs/deep/page.md", "# Page\n")
    os.symlink("guide.md", repo.root / "docs/alias.md")
    os.symlink("../../outside.md", repo.root / "docs/escape.md")
    os.symlink("deep", repo.root / "docs/folder-link")
    git.commit("tree")
    tree_id = git.git("rev-parse", "HEAD^{tree}")
    cache = tmp_path_factory.mktemp("cache")
    with BlobReader(repo.root) as reader:
        memo = BlobMemo(reader, Store(cache / "md5.json"), ParsedStore(cache / "parsed.json"))
        yield GitTree.at(repo.root, "", tree_id, memo)


def test_files_folders_and_links_are_told_apart(tree: GitTree) -> None:
    entries = {entry.name: entry for entry in tree.scandir("docs")}
    assert sorted(entries) == ["alias.md", "deep", "escape.md", "folder-link", "guide.md"]
    assert entries["deep"].is_dir() and entries["guide.md"].is_file()
    assert entries["alias.md"].is_symlink() and not entries["alias.md"].is_file()
    assert tree.is_dir("docs") and tree.is_dir(".") and not tree.is_dir("docs/guide.md")


def test_links_are_followed_inside_the_root_and_refused_outside(tree: GitTree) -> None:
    assert tree.is_file("docs/alias.md") and tree.read("docs/alias.md") == b"# Guide\n"
    assert tree.is_dir("docs/folder-link") and tree.is_file("docs/folder-link/page.md")
    assert not tree.leads_within("docs/escape.md")
    assert tree.unreadable("docs/escape.md") == LEADS_OUTSIDE
    assert tree.lexists("docs/escape.md") and not tree.exists("docs/escape.md")


def test_reading_what_is_not_a_file_fails_like_the_os(tree: GitTree) -> None:
    with pytest.raises(FileNotFoundError):
        tree.read("docs/missing.md")
    with pytest.raises(IsADirectoryError):
        tree.read("docs/deep")
    with pytest.raises(FileNotFoundError):
        tree.scandir("nowhere")
    assert tree.unreadable("docs/deep") == "is a folder, not a file"
    assert tree.unreadable("../x.md") == LEADS_OUTSIDE


def test_md5_is_of_the_stored_bytes(tree: GitTree) -> None:
    import hashlib

    assert tree.md5("docs/guide.md") == hashlib.md5(b"# Guide\n").hexdigest()


def test_a_work_tree_can_read_a_file_as_it_is_about_to_be_written(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("old\n")
    tree = WorkTree(tmp_path, {"README.md": b"new\n"})
    assert tree.read("README.md") == b"new\n"
    assert tree.parse("README.md", lambda data, path: (data, path)) == (b"new\n", "README.md")
    assert (tmp_path / "README.md").read_text() == "old\n"
