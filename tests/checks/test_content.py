"""Content checks inside a scan: which translations are compared, configuration, the CLI."""

from __future__ import annotations

import json
import pickle

from click.testing import CliRunner

from tests.builders import RepoBuilder
from transync.checks.engine.compare import content_findings, content_outcome
from transync.checks.engine.repository import Known
from transync.checks.engine.tasks import ContentTask
from transync.checks.registry import CONTENT_CHECKS
from transync.cli import cli
from transync.config import Config
from transync.model import Layout, Severity, State
from transync.scan import scan

SOURCE = "# Title\n\n| a |\n|---|\n| 1 |\n| 2 |\n"
DROPPED_ROW = "# 제목\n\n| 가 |\n|---|\n| 1 |\n"


def _content(findings: object) -> list[tuple[str, str | None, str]]:
    names = {name for names in CONTENT_CHECKS for name in names}
    return sorted(
        (finding.check, finding.language, finding.path)
        for finding in findings  # type: ignore[attr-defined]
        if finding.check in names
    )


def test_content_checks_run_only_when_asked(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.inline("ko", "README.md", DROPPED_ROW)
    assert _content(scan(repo.root).findings) == []
    assert _content(scan(repo.root, content=True).findings) == [
        ("table-rows", "ko", "translations/ko/README.md")
    ]


def test_stale_translations_are_checked_and_missing_ones_are_not(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.source("other.md", SOURCE)
    repo.inline("ko", "README.md", DROPPED_ROW, stale=True)
    repo.inline("lt", "other.md", DROPPED_ROW)
    found = _content(scan(repo.root, content=True).findings)
    assert found == [
        ("table-rows", "ko", "translations/ko/README.md"),
        ("table-rows", "lt", "translations/lt/other.md"),
    ]


def test_severities_are_configurable_and_a_check_can_be_off(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE + "\n[x](https://x.example)\n")
    repo.inline("ko", "README.md", DROPPED_ROW)
    config = Config(severities={"table-rows": Severity.NOTE, "link-missing": None})
    findings = scan(repo.root, config=config, content=True).findings
    assert [(finding.check, finding.severity) for finding in findings] == [
        ("table-rows", Severity.NOTE)
    ]


def test_notebook_markdown_cells_are_compared(repo: RepoBuilder) -> None:
    def notebook(markdown: str) -> str:
        cells = [{"cell_type": "markdown", "metadata": {}, "source": markdown.splitlines(True)}]
        return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}, indent=1)

    repo.source("lesson.ipynb", notebook(SOURCE))
    repo.sidecar_entry("ko", "lesson.ipynb", notebook(DROPPED_ROW))
    assert _content(scan(repo.root, content=True).findings) == [
        ("table-rows", "ko", "translations/ko/lesson.ipynb")
    ]


def test_the_unit_of_work_is_picklable_and_deterministic(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE + "\n[a](gone.md) [b](https://b.example)\n")
    repo.write("translations/ko/README.md", DROPPED_ROW + "\n[a](gone.md)\n")
    task = ContentTask(
        "ko",
        "README.md",
        "translations/ko/README.md",
        State.CURRENT,
        (Layout("translations/<lang>", "."),),
    )
    copy = pickle.loads(pickle.dumps(task))
    first = content_findings(str(repo.root), copy)
    assert first == content_findings(str(repo.root), task)
    assert [finding.check for finding in first] == ["broken-link", "table-rows", "link-missing"]
    assert pickle.loads(pickle.dumps(content_findings)) is content_findings


def test_status_content_option_and_details_show_content_findings(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.inline("ko", "README.md", DROPPED_ROW)
    runner = CliRunner()
    plain = runner.invoke(cli, ["status", "--format", "json", str(repo.root)])
    asked = runner.invoke(cli, ["status", "--content", "--format", "json", str(repo.root)])
    detailed = runner.invoke(cli, ["status", "--details", "--format", "markdown", str(repo.root)])
    assert json.loads(plain.stdout)["findings"] == []
    [finding] = json.loads(asked.stdout)["findings"]
    assert {"source", "source_line", "count"} <= set(finding)  # the roll-up keys, additive
    assert {
        key: finding[key] for key in ("check", "severity", "language", "path", "line", "message")
    } == {
        "check": "table-rows",
        "severity": "error",
        "language": "ko",
        "path": "translations/ko/README.md",
        "line": 15,
        "message": "table has 1 row, the source's (line 3) has 2: the source's row at line 6"
        " is missing here",
    }
    assert "`table-rows`" in detailed.stdout


def test_markdown_details_list_a_source_problem_once_under_repository(repo: RepoBuilder) -> None:
    repo.source("README.md", "[gone](gone.md)\n")
    repo.inline("ko", "README.md", "[없음](gone.md)\n")
    repo.inline("lt", "README.md", "[nėra](gone.md)\n")
    result = CliRunner().invoke(
        cli, ["status", "--details", "--format", "markdown", str(repo.root)]
    )
    repository = result.stdout.split("### Repository", 1)[1]
    assert repository.count("`broken-link` `README.md`:1") == 1


def test_the_disclaimer_cell_of_a_translated_notebook_is_not_content(repo: RepoBuilder) -> None:
    def notebook(*cells: str) -> str:
        listed = [{"cell_type": "markdown", "metadata": {}, "source": [cell]} for cell in cells]
        return json.dumps({"cells": listed, "metadata": {}, "nbformat": 4}, indent=1)

    repo.source("lesson.ipynb", notebook("# Title"))
    disclaimer = "**면책 조항**: [Co-op Translator](https://github.com/Azure/co-op-translator)"
    repo.sidecar_entry("ko", "lesson.ipynb", notebook("# 제목", disclaimer))
    assert _content(scan(repo.root, content=True).findings) == []


def test_every_pair_of_a_run_keeps_the_existence_it_asked_though_the_run_asks_once(
    repo: RepoBuilder,
) -> None:
    repo.source("README.md", "# Title\n\n![a](images/a.png)\n")
    repo.write("images/a.png", b"png")
    layouts = (Layout("translations/<lang>", "."),)
    known = Known()
    outcomes = []
    for language in ("ko", "fr"):
        repo.write(f"translations/{language}/README.md", "# T\n\n![a](../../images/a.png)\n")
        task = ContentTask(
            language, "README.md", f"translations/{language}/README.md", State.CURRENT, layouts
        )
        outcomes.append(content_outcome(str(repo.root), task, known=known))
    assert all(outcome.existence.get("images/a.png") is True for outcome in outcomes)
    (repo.root / "images" / "a.png").unlink()
    task = ContentTask("ko", "README.md", "translations/ko/README.md", State.CURRENT, layouts)
    assert content_outcome(str(repo.root), task, known=known).existence["images/a.png"]
    assert not content_outcome(str(repo.root), task, known=Known()).existence["images/a.png"]
