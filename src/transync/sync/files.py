"""Reading the repository for a planner: bytes by repository-relative path, None if absent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from transync.errors import TransyncError

Reader = Callable[[str], "bytes | None"]


def reader(root: Path) -> Reader:
    def read(path: str) -> bytes | None:
        try:
            return (root / path).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise TransyncError(f"{path}: cannot read: {error.strerror}") from None

    return read
