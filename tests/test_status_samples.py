"""`transync status` on the real samples scans exactly as their README says."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from transync.scan import scan


def _states(root: Path) -> Counter[str]:
    return Counter(entry.state.value for entry in scan(root).entries)


def test_seed_has_one_stale_translation(samples: Path) -> None:
    assert _states(samples / "seed") == {"stale": 1}


def test_coop_docs_understands_the_docs_i18n_layout(samples: Path) -> None:
    assert _states(samples / "coop-docs") == {"current": 55, "stale": 15}


def test_mcp_retail_is_all_current_despite_old_language_codes(samples: Path) -> None:
    report = scan(samples / "mcp-retail")
    assert Counter(entry.state.value for entry in report.entries) == {"current": 120}
    assert [
        finding for finding in report.findings if finding.check == "language-code-mismatch"
    ] == []


def test_ai_healthcheck_head_is_all_current(samples: Path, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "ai-healthcheck"
    subprocess.run(
        ["git", "clone", "-q", str(samples / "ai-healthcheck.bundle"), str(clone)], check=True
    )
    assert _states(clone) == {"current": 5}
