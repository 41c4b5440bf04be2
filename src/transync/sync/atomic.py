"""Atomic file replacement: readers see the old file or the new one, never half of either.

A baseline or report written while CI is cancelled must not be left truncated, so the bytes
go to a temporary file in the same folder (same file system, so `os.replace` is atomic) and
replace the target in one step.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transync.errors import TransyncError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8, a lone surrogate from a file name
    that is not UTF-8 as a `\udcff` escape); a one-line error if it cannot."""
    raw = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise TransyncError(f"{path}: cannot write: {error.strerror}") from None
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise TransyncError(f"{path}: cannot write: {error.strerror}") from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new one gets what the umask allows (mkstemp
    would leave it private to the owner)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
