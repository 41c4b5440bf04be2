"""The JSON report keeps every finding and adds the roll-ups and commit causes as new keys."""

from __future__ import annotations

import json

from tests.builders import GitRepo, RepoBuilder
from tests.test_rollup import LANGUAGES, anchor_finding, entries_of
from transync.model import Report
from transync.report import json_report
from transync.scan import build_report, scan


def test_findings_carry_their_source_place_and_count() -> None:
    finding = anchor_finding("ar", source="README.md", source_line=11, count=3)
    (written,) = json.loads(json_report.render(build_report(".", (), entries_of(), [finding])))[
        "findings"
    ]
    assert (written["source"], written["source_line"], written["count"]) == ("README.md", 11, 3)
    assert written["path"] == "translations/ar/README.md" and written["line"] == 20


def test_a_group_points_at_every_instance_in_findings() -> None:
    findings = [
        anchor_finding(language, source="README.md", source_line=11) for language in LANGUAGES
    ]
    findings.append(anchor_finding("ar", source="README.md", source_line=40))
    document = json.loads(json_report.render(build_report(".", (), entries_of(), findings)))
    assert len(document["findings"]) == 5  # every instance kept
    wide, narrow = document["groups"]
    assert wide["languages"] == list(LANGUAGES) and wide["of_languages"] == 4
    assert [document["findings"][i]["language"] for i in wide["findings"]] == list(LANGUAGES)
    assert {document["findings"][i]["source_line"] for i in wide["findings"]} == {11}
    assert narrow["count"] == 1 and document["findings"][narrow["findings"][0]]["source_line"] == 40
    assert sorted(i for group in document["groups"] for i in group["findings"]) == list(range(5))


def test_commit_causes_point_at_their_per_source_causes(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Tool\n")
    repo.source("guide.md", "# Guide\n")
    for language in ("de", "fr"):
        repo.inline(language, "README.md")
        repo.inline(language, "guide.md")
    git.commit("Add the tool")
    repo.source("README.md", "# Tool\n\nMore.\n")
    repo.source("guide.md", "# Guide\n\nMore.\n")
    git.commit("Feb update")
    document = json.loads(json_report.render(scan(repo.root, history=True)))
    (by_commit,) = document["commit_causes"]
    assert by_commit["commit"]["subject"] == "Feb update"
    assert by_commit["translations"] == 4 and by_commit["languages"] == ["de", "fr"]
    assert sorted(by_commit["sources"]) == ["README.md", "guide.md"]
    assert [document["causes"][i]["source"] for i in by_commit["causes"]] == by_commit["sources"]


def test_a_report_without_findings_or_history_has_empty_roll_ups(mixed: Report) -> None:
    document = json.loads(json_report.render(mixed))
    assert document["groups"] == [] and document["commit_causes"] == []
