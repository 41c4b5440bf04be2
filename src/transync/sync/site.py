"""Writing a generated site: every file atomically, and only the ones whose bytes changed.

Rewriting identical files would only churn timestamps (and a watcher's rebuilds); a page left
half-written by a cancelled job would be served as it is, hence `write_atomic`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from transync.errors import TransyncError
from transync.sync.atomic import write_atomic


def write_site(folder: Path, files: Mapping[str, bytes]) -> int:
    """Write `files` (paths relative to `folder`) and return how many changed."""
    changed = 0
    for name, data in files.items():
        target = folder / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TransyncError(f"{target.parent}: cannot create: {error.strerror}") from None
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        changed += 1
    return changed
