"""A pathological Markdown file is scanned to the right answer (the time it takes is measured
by benchmarks/pathological.py, never asserted here)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.builders import RepoBuilder
from tests.hostile.pathological import LINKS, pathological_markdown
from transync.cli import cli


def test_a_pathological_translation_of_a_pathological_source_is_current(
    repo: RepoBuilder,
) -> None:
    text = pathological_markdown()
    assert text.count("](docs/page-") == LINKS
    repo.source("README.md", text)
    repo.inline("ja", "README.md", text)
    repo.inline("ko", "README.md", text, stale=True)
    result = CliRunner().invoke(cli, ["status", str(repo.root), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    states = {item["language"]: item["state"] for item in json.loads(result.stdout)["files"]}
    assert states == {"ja": "current", "ko": "stale"}
