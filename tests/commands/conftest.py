"""Repositories for the write commands: a page translated at one commit, its source changed
at the next, in either metadata convention."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli
from transync.model import Report, TranslationEntry
from transync.scan import scan

SOURCE = """# Guide

Install the tool from [the index](https://pypi.org/project/tool/) and read
[the setup page](docs/setup.md#install).

![Diagram](images/flow.png)

```bash
pip install tool==1.0
```
"""
TRANSLATION = """# Guide (fr)

Installez l'outil depuis [l'index](https://pypi.org/project/tool/) et lisez
[la page d'installation](../../docs/setup.md#install).

![Schéma](../../images/flow.png)

```bash
pip install tool==1.0
```
"""

Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    def run(*arguments: str) -> Result:
        return CliRunner().invoke(cli, list(arguments), catch_exceptions=False)

    return run


def translated_then_changed(
    repo: RepoBuilder, git: GitRepo, new_source: str, *, sidecar: bool, language: str = "fr"
) -> str:
    """SOURCE translated into `language` and committed, then the source changed to
    `new_source` and committed; returns the translation's path."""
    repo.source("README.md", SOURCE)
    repo.source("docs/setup.md", "# Setup\n\n## Install\n")
    repo.source("images/flow.png", b"\x89PNG fake")
    if sidecar:
        repo.sidecar_entry(language, "README.md", TRANSLATION)
    else:
        repo.inline(language, "README.md", TRANSLATION)
    git.commit("translate the guide")
    repo.source("README.md", new_source)
    git.commit("change the guide")
    return f"translations/{language}/README.md"


def entry(root: Path, translation: str, *, content: bool = False) -> TranslationEntry:
    return next(e for e in status(root, content=content).entries if e.translation == translation)


def status(root: Path, *, content: bool = False) -> Report:
    return scan(root, content=content, cache=False)


def findings(root: Path) -> set[tuple[str, str, str]]:
    """The content findings, without line numbers (a refreshed inline block may shift them)."""
    return {(f.check, f.path, f.message) for f in status(root, content=True).findings}
