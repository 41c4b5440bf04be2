"""Writing a generated site: every file atomically, and only the ones whose bytes changed.

Rewriting identical files would only churn timestamps (and a watcher's rebuilds); a page left
half-written by a cancelled job would be served as it is, hence `write_atomic`. Every file
lands inside the folder, never through a symbolic link (a committed `site/badges` link would
otherwise carry the badges anywhere), and the folder itself must not be a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from transync.errors import TransyncError
from transync.fileio import inside_root, make_parents, read_bytes, write_atomic


def write_site(folder: Path, files: Mapping[str, bytes]) -> int:
    """Write `files` (paths relative to `folder`) and return how many changed."""
    if folder.is_symlink():
        raise TransyncError(f"{folder}: is a symbolic link; write the site to a real folder")
    # Every target checked before the first write: a refused one leaves the site as it was.
    targets = {name: inside_root(folder, name) for name in files}
    changed = 0
    for name, data in files.items():
        target = targets[name]
        make_parents(target)
        if target.is_file() and _current(target) == data:
            continue
        write_atomic(target, data)
        changed += 1
    return changed


def _current(path: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except OSError:
        return None  # replaced whole by the write
