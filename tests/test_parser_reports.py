"""Whole reports are the same with either Markdown parser.

The pipeline parses with pulldown-cmark; markdown-it-py is the reference (see
tests/document/test_reference.py). Here the JSON reports of `scan(content=True)` are compared
on a generated course and on every sample, with the reference swapped in for the run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.make_corpus import generate

from tests import reference_markdown as markdown
from transync.checks.engine import repository
from transync.document import pulldown
from transync.report.json_report import report_dict
from transync.scan import scan

Report = Callable[[Path], dict[str, Any]]


def _report(root: Path) -> dict[str, Any]:
    repository.parsed_source.cache_clear()  # documents are kept per process between scans
    repository.anchors_of.cache_clear()
    return report_dict(scan(root, content=True, cache=False))


@pytest.fixture
def with_reference(monkeypatch: pytest.MonkeyPatch) -> Report:
    """`_report` with the markdown-it builder in place of pulldown-cmark's (workers are forked,
    so they see the swap too)."""

    def reference(root: Path) -> dict[str, Any]:
        with monkeypatch.context() as patch:
            patch.setattr(pulldown, "parse_file", markdown.parse_file)
            return _report(root)

    return reference


def _comparable(report: dict[str, Any]) -> str:
    return json.dumps(report, sort_keys=True, indent=1)


def test_a_generated_course_reports_the_same(tmp_path: Path, with_reference: Report) -> None:
    generate(tmp_path / "course", sources=40, languages=4, seed=3)
    mine = _report(tmp_path / "course")
    assert [finding for finding in mine["findings"] if finding["check"] != "content-skipped"]
    assert _comparable(mine) == _comparable(with_reference(tmp_path / "course"))


@pytest.mark.parametrize("sample", ["seed", "coop-docs", "mcp-retail", "edgeai"])
def test_every_sample_reports_the_same(samples: Path, sample: str, with_reference: Report) -> None:
    mine = _report(samples / sample)
    assert _comparable(mine) == _comparable(with_reference(samples / sample))
