from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import RepoBuilder

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


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
