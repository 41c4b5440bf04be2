"""Content checks on the real samples find what their README describes, and nothing on a
repository whose translations are faithful."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from transync.checks.registry import CONTENT_CHECKS
from transync.scan import scan

NAMES = {name for names in CONTENT_CHECKS for name in names}


def _content(root: Path) -> Counter[str]:
    findings = scan(root, content=True).findings
    return Counter(finding.check for finding in findings if finding.check in NAMES)


def test_seed_translation_keeps_the_tracking_parameter_its_source_dropped(samples: Path) -> None:
    findings = [
        finding
        for finding in scan(samples / "seed", content=True).findings
        if finding.check == "link-tracking"
    ]
    assert any("WT.mc_id=academic-105485-koreyst on" in finding.message for finding in findings)
    assert any("/en-us/ missing from" in finding.message for finding in findings)


def test_ai_healthcheck_head_has_no_content_findings(samples: Path, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "ai-healthcheck"
    subprocess.run(
        ["git", "clone", "-q", str(samples / "ai-healthcheck.bundle"), str(clone)], check=True
    )
    assert _content(clone) == {}


def test_mcp_retail_table_of_contents_mangled_to_the_root_is_reported(samples: Path) -> None:
    findings = scan(samples / "mcp-retail", content=True).findings
    mangled = [
        finding
        for finding in findings
        if finding.check == "link-changed" and "(all to ../..;" in finding.message
    ]
    assert {finding.language for finding in mangled} == {"br", "de", "ja", "lt", "tw"}
    # one finding per file for the whole table of contents, the same source place everywhere
    assert {(finding.count, finding.source_line) for finding in mangled} == {(9, 4)}
