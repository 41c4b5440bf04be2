"""Atomic file replacement: readers see the old file or the new one, never half of either.

A baseline or report written while CI is cancelled must not be left truncated, so the bytes
go to a temporary file in the same folder (same file system, so `os.replace` is atomic) and
replace the target in one step. Commands that write inside a repository first ask
`inside_root` for the path: nothing outside the root, and no symbolic link on the way, is
ever written through.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transync.errors import TransyncError

TEMPORARY = ".tmp"  # a temporary file is `.<name>.<random>.tmp`, beside the file it replaces


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8, a lone surrogate from a file name
    that is not UTF-8 as a `\udcff` escape); a one-line error if it cannot."""
    raw = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY, dir=folder)
    except OSError as error:
        raise TransyncError(f"{path}: cannot write: {error.strerror}") from None
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        _sync_folder(folder)
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


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after must not undo it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some file systems do not open folders; the rename is still atomic
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def inside_root(root: Path, relative: str) -> Path:
    """The path to write for repository-relative `relative`; refuses one that leaves the root
    or passes through a symbolic link (the file itself included), so a write never lands
    anywhere a link points to."""
    parts = relative.split("/")
    if relative.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise TransyncError(f"{relative}: not a plain path inside the repository, not written")
    path = root
    for part in parts:
        path = path / part
        if path.is_symlink():
            raise TransyncError(f"{relative}: {path} is a symbolic link, not written through")
    return path


def remove_file(path: Path) -> None:
    """Delete one file (already gone is fine: a second run finishes the first one's work)."""
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise TransyncError(f"{path}: cannot remove: {error.strerror}") from None


def remove_leftovers(folder: Path, names: set[str]) -> None:
    """Delete the temporary files a killed run left beside files named `names` (one listing
    of the folder, however many files a command writes there)."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        if entry.startswith(".") and entry.endswith(TEMPORARY):
            name = entry[1:].rsplit(".", 2)[0]
            if name in names:
                (folder / entry).unlink(missing_ok=True)
