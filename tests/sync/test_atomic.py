"""Atomic writes: the target is replaced whole, keeps its mode, and no temp file is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transync.errors import TransyncError
from transync.sync.atomic import write_atomic


def test_replaces_the_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert os.listdir(tmp_path) == ["baseline.json"]


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_bytes(b"")
    target.chmod(0o640)
    write_atomic(target, b"{}")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_is_not_private_to_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    write_atomic(target, "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(TransyncError, match=r"nowhere/x\.json: cannot write"):
        write_atomic(tmp_path / "nowhere" / "x.json", "{}")
