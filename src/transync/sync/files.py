"""Reading the repository for a planner: bytes by repository-relative path, None if absent.

Only regular files inside the repository are read, as everywhere else in transync
(`fileio.read_inside`): a symbolic link that leads out, a pipe or a device is an error naming
the file, never opened.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

from transync.errors import TransyncError
from transync.fileio import Refused, read_inside

Reader = Callable[[str], "bytes | None"]
Exists = Callable[[str], bool]  # whether a repository-relative path names anything
# Whether any page but `excluding` names a file (by its name): images are kept while one does.
Referenced = Callable[[str, frozenset[str]], bool]


def is_metadata(path: str) -> bool:
    """Whether a file is metadata or configuration rather than a page's own asset: a sidecar
    (`.co-op-translator.json`) or any hidden file. A page that links one does not own it, so
    it is never removed or moved along with the page (an orphan linking its language's image
    sidecar would otherwise take every image record with it)."""
    return posixpath.basename(path).startswith(".")


def reader(root: Path) -> Reader:
    real_root = os.path.realpath(root)

    def read(path: str) -> bytes | None:
        full = root / path
        if not os.path.lexists(full):
            return None
        try:
            return read_inside(full, real_root)
        except FileNotFoundError:
            return None
        except Refused as refusal:
            raise TransyncError(f"{path}: {refusal.strerror}") from None
        except OSError as error:
            raise TransyncError(f"{path}: cannot read: {error.strerror}") from None

    return read
