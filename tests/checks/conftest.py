from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.builders import RepoBuilder
from transync.checks.engine.compare import content_findings
from transync.checks.engine.tasks import ContentTask
from transync.model import Finding, Layout, State

LAYOUTS = (Layout("translations/<lang>", "."),)
Compare = Callable[..., list[Finding]]


@pytest.fixture
def compare(repo: RepoBuilder) -> Compare:
    """Write a source and its translation, run the content checks, return their findings.

    `check` keeps only the findings of that check name (or prefix, like "link-").
    """

    def run(
        source: str,
        translated: str,
        *,
        check: str = "",
        path: str = "README.md",
        language: str = "ko",
        state: State = State.CURRENT,
    ) -> list[Finding]:
        repo.source(path, source)
        repo.write(f"{repo.lang_dir(language)}/{path}", translated)
        task = ContentTask(language, path, f"{repo.lang_dir(language)}/{path}", state, LAYOUTS)
        return [
            finding
            for finding in content_findings(str(repo.root), task)
            if finding.check.startswith(check)
        ]

    return run
