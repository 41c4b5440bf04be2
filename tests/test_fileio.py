"""`fileio.read_bytes` returns exactly what `Path.read_bytes` does, and fails the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from transync.fileio import read_bytes


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
