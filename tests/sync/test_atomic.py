"""Atomic writes: the target is replaced whole, keeps its mode, and no temp file is left."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from transync.errors import TransyncError
from transync.fileio import fitting_name, inside_root, remove_leftovers, write_atomic


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


def test_a_crash_between_write_and_rename_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(b"old\r\n")

    def killed(source: object, destination: object) -> None:
        raise SystemExit("killed between the write and the rename")

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(SystemExit):
        write_atomic(target, b"new\r\n")
    assert target.read_bytes() == b"old\r\n"


def test_nothing_outside_the_root_or_through_a_symbolic_link_is_written(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    (root / "linked").symlink_to(outside)
    (root / "page.md").symlink_to(outside / "page.md")
    for relative in ("../x.md", "/etc/passwd", "a/../../x.md", "linked/x.md", "page.md"):
        with pytest.raises(TransyncError, match="not written"):
            inside_root(root, relative)
    assert inside_root(root, "translations/ja/a.md") == root / "translations/ja/a.md"


def test_temporary_files_a_killed_run_left_are_removed_and_nothing_else(tmp_path: Path) -> None:
    leftovers = (".a.md.transync-x1y2z3a4.tmp",)
    kept = (".b.md.transync-x1y2z3a4.tmp", "a.md", ".hidden.tmp", ".a.md.draft.tmp", ".a.md.x1.tmp")
    for name in (*leftovers, *kept):
        (tmp_path / name).write_text("")
    remove_leftovers(tmp_path, {"a.md"})
    assert sorted(os.listdir(tmp_path)) == sorted(kept)


def test_a_symbolic_link_is_never_replaced_by_a_copy_of_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.toml").write_text("real")
    (tmp_path / "pyproject.toml").symlink_to("real.toml")
    with pytest.raises(TransyncError, match="is a symbolic link, not written through"):
        write_atomic(tmp_path / "pyproject.toml", "replaced")
    assert (tmp_path / "pyproject.toml").is_symlink()
    assert (tmp_path / "real.toml").read_text() == "real"


@pytest.mark.parametrize("length", [200, 240, 251, 255])
def test_a_name_of_up_to_255_bytes_is_written_and_its_leftovers_found(
    tmp_path: Path, length: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "é" * ((length - 3) // 2) + "x" * ((length - 3) % 2) + ".md"
    assert len(os.fsencode(name)) == length
    write_atomic(tmp_path / name, "text")
    assert os.listdir(tmp_path) == [name]
    with monkeypatch.context() as killed:
        killed.setattr(os, "replace", lambda *args: sys.exit("killed before the rename"))
        with pytest.raises(SystemExit):
            write_atomic(tmp_path / name, "new")
    assert len(os.listdir(tmp_path)) == 2  # the killed run's temporary file
    remove_leftovers(tmp_path, {name})
    assert os.listdir(tmp_path) == [name]


def test_a_name_too_long_for_a_file_is_cut_and_hashed_apart() -> None:
    first, second = fitting_name("a" * 300 + "1", ".html"), fitting_name("a" * 300 + "2", ".html")
    assert len(first.encode()) == len(second.encode()) == 255
    assert first != second and first.endswith(".html")
    assert fitting_name("fr", ".html") == "fr.html"
