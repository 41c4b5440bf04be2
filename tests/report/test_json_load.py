"""Reading report.json back: what `status --format json` writes loads into the same report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.builders import GitRepo, RepoBuilder
from tests.conftest import NOW
from tests.report.dashboard import site_repo
from transync.errors import TransyncError
from transync.report import json_report
from transync.report.json_load import load_report
from transync.scan import scan


def test_a_report_read_back_renders_the_same_json(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site_repo.build(repo, git)
    report = scan(repo.root, history=True, content=True, now=NOW)
    path = tmp_path_factory.mktemp("reports") / "report.json"
    path.write_text(json_report.render(report))
    loaded = load_report(path)
    assert json_report.render(loaded) == json_report.render(report)
    assert loaded.commit_causes == report.commit_causes


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "not a JSON file"),
        ("[1]", "not a transync.report/1 report"),
        ('{"schema": "transync.report/1"}', "malformed transync.report/1 report: no 'root' key"),
        (
            '{"schema": "transync.report/1", "root": ".", "layouts": [], "languages": [],'
            ' "totals": {"code": "total", "counts": {}, "fresh_percent": 1},'
            ' "files": [{"language": "fr", "state": "fresh", "kind": "markdown", "source": "a.md",'
            ' "translation": "translations/fr/a.md"}]}',
            "malformed transync.report/1 report: 'fresh' is not a valid State",
        ),
    ],
)
def test_a_file_that_is_not_a_report_is_named_in_one_line(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(content)
    with pytest.raises(TransyncError, match=re.escape(problem)) as error:
        load_report(path)
    assert str(error.value).startswith(f"{path}: ")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TransyncError, match=r"nowhere\.json: cannot read"):
        load_report(tmp_path / "nowhere.json")
