"""What the dashboard learns from git: the commit, the branch and a GitHub origin."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import GitRepo
from transync.history.repository import RepositoryFacts, github_slug, repository_facts


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/octo/docs.git",
        "https://github.com/octo/docs",
        "https://token@github.com/octo/docs.git",
        "git@github.com:octo/docs.git",
        "ssh://git@github.com/octo/docs.git",
    ],
)
def test_github_remotes_give_owner_and_name(url: str) -> None:
    assert github_slug(url) == "octo/docs"


@pytest.mark.parametrize(
    "url", ["https://gitlab.com/octo/docs.git", "/srv/git/docs.git", "https://github.com/octo"]
)
def test_other_remotes_give_none(url: str) -> None:
    assert github_slug(url) is None


def test_facts_of_a_work_tree_scanned_in_a_subfolder(git: GitRepo) -> None:
    (git.root / "docs").mkdir()
    (git.root / "docs" / "a.md").write_text("# A\n")
    commit = git.commit("first")
    git.git("remote", "add", "origin", "https://github.com/octo/docs.git")
    facts = repository_facts(git.root / "docs")
    assert facts == RepositoryFacts(commit, "main", "octo/docs", "docs/")
    assert facts.web_url == "https://github.com/octo/docs"


def test_a_detached_head_has_no_branch(git: GitRepo) -> None:
    commit = git.commit("first")
    git.git("checkout", "-q", "--detach")
    assert repository_facts(git.root) == RepositoryFacts(commit, None, None, "")


def test_outside_git_there_are_no_facts(tmp_path: Path) -> None:
    assert repository_facts(tmp_path) == RepositoryFacts()
