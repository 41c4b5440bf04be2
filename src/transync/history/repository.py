"""What a dashboard says about the repository itself: its commit and where it lives online.

A GitHub `origin` remote (https, ssh or scp-like) gives the web address that files are linked
to; any other forge, or none, leaves the site with relative links.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from transync.history.git_log import open_repo

_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|ssh://git@github\.com/|git@github\.com:)"
    r"(?P<slug>[\w.-]+/[\w.-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class RepositoryFacts:
    """`slug` is `owner/name` on GitHub; `prefix` is the scan root inside the work tree
    (`docs/`, or empty at the top), which forge paths need; `branch` is None when HEAD is
    detached."""

    commit: str | None = None
    branch: str | None = None
    slug: str | None = None
    prefix: str = ""

    @property
    def web_url(self) -> str | None:
        return f"https://github.com/{self.slug}" if self.slug else None


def repository_facts(root: Path) -> RepositoryFacts:
    """Facts about the git work tree holding `root`; empty ones outside git."""
    repo = open_repo(root)
    if repo is None or repo.working_tree_dir is None:
        return RepositoryFacts()
    top = os.path.realpath(repo.working_tree_dir)
    inside = os.path.relpath(os.path.realpath(root), top).replace(os.sep, "/")
    prefix = "" if inside == "." else f"{inside}/"
    # Read from the config file: `Remote.urls` would run a git process for the same answer.
    url = repo.config_reader().get_value('remote "origin"', "url", default="")
    slug = github_slug(url) if isinstance(url, str) else None
    branch = None if repo.head.is_detached else repo.active_branch.name
    return RepositoryFacts(repo.head.commit.hexsha, branch, slug, prefix)


def github_slug(url: str) -> str | None:
    """`owner/name` of a GitHub remote URL, None for any other."""
    match = _GITHUB.match(url.strip())
    return match.group("slug") if match else None
