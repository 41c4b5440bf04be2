from __future__ import annotations

import pytest

from tests.builders import GitRepo, RepoBuilder
from tests.conftest import NOW
from tests.report.dashboard import site_repo
from transync.model import Report
from transync.report.dashboard.view import SiteInfo
from transync.scan import scan


@pytest.fixture
def report(repo: RepoBuilder, git: GitRepo) -> Report:
    """The scan of `site_repo`, with history and content checks."""
    site_repo.build(repo, git)
    return scan(repo.root, history=True, content=True, now=NOW)


@pytest.fixture
def info() -> SiteInfo:
    return SiteInfo(
        repository="octo/docs",
        scanned_at="2026-03-01T00:00:00Z",
        commit="0123456789abcdef0123456789abcdef01234567",
        link_base="https://github.com/octo/docs/blob/main/",
    )
