"""Every case of the hostile-input catalogue gives its named finding, state or one-line error,
with the documented exit status, no traceback, the tree untouched and nothing opened outside
the repository."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from tests.hostile.cases import CASES, Case, Entry, Fails, Finds, Shows, Warns, readme_table
from tests.hostile.runner import assert_clean, run
from transync.cli import cli

README = Path(__file__).with_name("README.md")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_its_outcome_and_nothing_else(case: Case, tmp_path: Path) -> None:
    outcome = run(case, tmp_path, ["status", "{path}", "--format", "json", "--content"])
    assert_clean(outcome, {case.exit_code})
    result = outcome.result
    report: dict[str, Any] = json.loads(result.stdout) if case.exit_code == 0 else {}
    if case.exit_code == 0 and not any(isinstance(item, Warns) for item in case.expect):
        assert result.stderr == ""
    for expected in case.expect:
        if isinstance(expected, Fails):
            assert expected.message in result.stderr
        elif isinstance(expected, Warns):
            assert f"transync: warning: {expected.message}" in result.stderr.splitlines()
        elif isinstance(expected, Shows):
            shown = run(case, tmp_path / "shows", list(expected.command))
            assert_clean(shown, {0, 1})
            assert expected.text in shown.result.stdout, shown.result.stdout
        elif isinstance(expected, Entry):
            states = {item["translation"]: item["state"] for item in report["files"]}
            assert states.get(expected.path) == expected.state, states
        else:
            assert _found(report, expected), report["findings"]


def _found(report: dict[str, Any], expected: Finds) -> bool:
    return any(
        finding["check"] == expected.check
        and finding["path"] == expected.path
        and finding["severity"] == expected.severity
        and expected.message in finding["message"]
        for finding in report["findings"]
    )


def test_catalogue_has_at_least_thirty_distinct_cases() -> None:
    assert len({case.name for case in CASES}) == len(CASES) >= 30


def test_readme_table_is_the_catalogue() -> None:
    """Regenerate with `python -m tests.hostile.cases > tests/hostile/table.md` and paste."""
    assert README.read_text(encoding="utf-8").endswith(readme_table())


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="runs as root, where file permissions do not block reading; the catalogue's"
    " unreadable-* cases simulate EACCES instead",
)
def test_a_really_unreadable_translation_is_invalid_metadata(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    target = repo.inline("ja", "README.md")
    target.chmod(0)
    try:
        result = CliRunner().invoke(cli, ["status", str(repo.root), "--format", "json"])
    finally:
        target.chmod(0o644)
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["state"] == "invalid-metadata"
