from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.builders import GitRepo, RepoBuilder
from transync.model import Report
from transync.scan import scan

NOW = datetime(2026, 3, 1, tzinfo=UTC)
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"

# Fuzzing budget (docs/robustness.md): the normal suite runs a bounded number of examples per
# property; TRANSYNC_FUZZ=long runs fifty times as many, for an occasional deeper search.
_FUZZ = {"normal": 1_000, "long": 50_000}
for _name, _examples in _FUZZ.items():
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,  # a shared CI machine is no place for per-example timing
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
settings.load_profile(os.environ.get("TRANSYNC_FUZZ", "normal"))


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    """An empty repository with the default `translations/<lang>/` layout."""
    return RepoBuilder(tmp_path)


@pytest.fixture
def samples() -> Path:
    """The real-world samples beside the project; tests using them skip in a user's clone."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present (it never is in a user's clone)")
    return SAMPLES


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own transync cache, outside the trees it scans."""
    directory = tmp_path_factory.mktemp("transync-cache")
    monkeypatch.setenv("TRANSYNC_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def git(tmp_path: Path) -> GitRepo:
    """A git repository at the same root as the `repo` builder."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return GitRepo(tmp_path)


@pytest.fixture
def mixed(repo: RepoBuilder) -> Report:
    """lt: all current; ja: README stale; ko: guide missing and an orphan (old.md)."""
    repo.source("README.md", "# Hello\n")
    repo.source("guide.md", "# Guide\n")
    repo.inline("lt", "README.md")
    repo.inline("lt", "guide.md")
    repo.sidecar_entry("ja", "README.md", stale=True)
    repo.sidecar_entry("ja", "guide.md")
    repo.inline("ko", "README.md")
    repo.write("translations/ko/old.md", "x")
    repo.update_sidecar(
        "ko",
        {
            "old.md": {
                "original_hash": "0" * 32,
                "translation_date": "2026-01-01T00:00:00+00:00",
                "source_file": "old.md",
                "language_code": "ko",
            }
        },
    )
    return scan(repo.root)
