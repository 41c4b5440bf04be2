"""The planners' reader: regular files inside the repository only."""

from __future__ import annotations

from pathlib import Path

import pytest

from transync.errors import TransyncError
from transync.sync.files import reader


def test_reads_files_and_says_none_for_absent_ones(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"# A\n")
    read = reader(tmp_path)
    assert read("a.md") == b"# A\n"
    assert read("missing.md") is None


def test_a_link_leading_out_of_the_repository_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("outside")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "page.md").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(TransyncError, match=r"page\.md: leads outside the repository"):
        reader(root)("page.md")
