"""Reading the repository for a planner: bytes by repository-relative path, None if absent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from transync.errors import TransyncError

Reader = Callable[[str], "bytes | None"]
# Whether any page but `excluding` names a file (by its name): images are kept while one does.
Referenced = Callable[[str, frozenset[str]], bool]


def reader(root: Path) -> Reader:
    def read(path: str) -> bytes | None:
        try:
            return (root / path).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise TransyncError(f"{path}: cannot read: {error.strerror}") from None

    return read
