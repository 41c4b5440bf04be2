"""`fileio.read_bytes` returns exactly what `Path.read_bytes` does, and fails the same way;
it refuses what is not a regular file, or too large, and `read_inside` what leads out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transync.fileio import Refused, read_bytes, read_inside


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 65536, 65537, 300_000])
def test_reads_every_byte_of_files_of_any_size(tmp_path: Path, size: int) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    assert read_bytes(str(path)) == path.read_bytes()


def test_a_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes(str(tmp_path / "absent.md"))


def test_a_folder_raises_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_bytes(str(tmp_path))


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    with pytest.raises(Refused, match="is not a regular file"):
        read_bytes(pipe)


def test_a_device_is_refused_before_a_byte_is_read() -> None:
    with pytest.raises(Refused, match="is not a regular file"):
        read_bytes("/dev/zero")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 1025)
    with pytest.raises(Refused, match=r"is over .* \(1,025 bytes\); not read"):
        read_bytes(path, limit=1024)
    assert read_bytes(path, limit=1025) == b"x" * 1025


def test_read_inside_refuses_a_link_leading_out_before_opening_it(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("secret")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "inside.md").write_text("inside")
    (root / "leak.md").symlink_to(secret)
    (root / "alias.md").symlink_to("inside.md")
    real_root = os.path.realpath(root)
    with pytest.raises(Refused, match="leads outside the repository"):
        read_inside(root / "leak.md", real_root)
    assert read_inside(root / "alias.md", real_root) == b"inside"
