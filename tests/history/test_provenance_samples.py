"""Provenance on the real ai-healthcheck history: a Korean README that went stale twice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from transync.model import Provenance
from transync.scan import scan


def _provenance_at(samples: Path, tmp_path: Path, commit: str) -> Provenance:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "ai-healthcheck"
    subprocess.run(
        ["git", "clone", "-q", str(samples / "ai-healthcheck.bundle"), str(clone)], check=True
    )
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", commit], check=True)
    (entry,) = scan(clone, history=True).entries
    assert entry.state.value == "stale" and entry.provenance is not None
    return entry.provenance


def test_ko_readme_at_337dd60_was_made_from_fc636d2_and_missed_three_commits(
    samples: Path, tmp_path: Path
) -> None:
    provenance = _provenance_at(samples, tmp_path, "337dd60")
    assert provenance.translated_from is not None
    assert provenance.translated_from.short == "fc636d2"
    assert [(commit.short, commit.subject) for commit in provenance.missed] == [
        ("0971ac3", "Update language support section in README"),
        ("f8de8e0", "Remove Multi-Language Support section"),
        ("337dd60", "Add languages section to README"),
    ]
    assert provenance.change is not None and provenance.change.kind.value == "prose"


def test_ko_readme_at_fc636d2_missed_only_a_code_change(samples: Path, tmp_path: Path) -> None:
    provenance = _provenance_at(samples, tmp_path, "fc636d2")
    assert provenance.translated_from is not None
    assert provenance.translated_from.short == "88344cc"
    assert [commit.short for commit in provenance.missed] == ["fc636d2"]
    assert provenance.change is not None and provenance.change.kind.value == "code-only"


def test_ko_readme_at_88344cc_was_made_from_the_newest_of_two_equal_versions(
    samples: Path, tmp_path: Path
) -> None:
    # db12afb and fba60e1 wrote the same README; the newest one is the answer.
    provenance = _provenance_at(samples, tmp_path, "88344cc")
    assert provenance.translated_from is not None
    assert provenance.translated_from.short == "fba60e1"
    assert provenance.stale_since is not None and provenance.stale_since.short == "88344cc"
