"""Watch every file and folder Python opens, through one PEP 578 audit hook.

Audit hooks see `open()`, `os.open`, `Path.read_bytes`, `os.scandir` and `os.listdir`
whatever code calls them, so a test can prove that a scan never opens anything outside the
repository (symbolic links included), and can make a chosen path fail with "Permission
denied": CI runs as root, where `chmod 000` blocks nothing.

Hooks cannot be removed once added, so one is installed on first use and hands each event
to the watchers active at that moment.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

EVENTS = frozenset({"open", "os.scandir", "os.listdir"})

Watcher = Callable[[str, str], None]
_watchers: list[Watcher] = []
_installed = False


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event not in EVENTS or not _watchers or not args:
        return
    target = args[0]
    if not isinstance(target, (str, bytes, os.PathLike)):
        return  # an already open file descriptor
    # Where the open really lands, every symbolic link followed.
    path = os.path.realpath(os.fsdecode(target))
    for watcher in tuple(_watchers):
        watcher(event, path)


@contextmanager
def watching(watcher: Watcher) -> Iterator[None]:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    _watchers.append(watcher)
    try:
        yield
    finally:
        _watchers.remove(watcher)


@contextmanager
def recording() -> Iterator[list[str]]:
    """Collect the real path of everything opened inside the block."""
    opened: list[str] = []
    with watching(lambda event, path: opened.append(path)):
        yield opened


@contextmanager
def denying(paths: Iterable[Path]) -> Iterator[None]:
    """Make opening (or listing) any of `paths` fail as unreadable files and folders do."""
    refused = {os.path.realpath(path) for path in paths}

    def refuse(event: str, path: str) -> None:
        if path in refused:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)

    with watching(refuse):
        yield


# What gitpython opens in each folder above a scan root that is not itself a work tree, when
# it looks for the work tree holding it (a scan of `docs/` belongs to the repository above).
GIT_PROBES = ("HEAD", "commondir", ".git")


def sanctioned(root: Path, cache: Path) -> tuple[str, ...]:
    """Where a scan of `root` may open files besides the repository: Python's library, the
    installed packages and transync's own source (lazy imports), the cache folder (outside the
    tree by design), `/dev/null` (gitpython's subprocesses) and git's search for the work tree
    above `root` (it looks for `HEAD` in each parent; it reads nothing else there), and git's
    own configuration files, read as git reads them for a CRLF source's line endings."""
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(cache), os.devnull}
    home = Path.home()
    places.update(
        {"/etc/gitconfig", str(home / ".gitconfig"), str(home / ".config" / "git" / "config")}
    )
    places.update(entry for entry in sys.path if entry and os.path.isdir(entry))
    real = Path(os.path.realpath(root))
    places.update(str(parent / probe) for parent in real.parents for probe in GIT_PROBES)
    return tuple(sorted(os.path.realpath(place) for place in places))


def outside(opened: Iterable[str], root: Path, allowed: Iterable[str] = ()) -> list[str]:
    """The opened paths that are neither inside `root` nor in an allowed place."""
    inside = (os.path.realpath(root), *allowed)
    return sorted(
        {
            path
            for path in opened
            if not any(path == place or path.startswith(place + os.sep) for place in inside)
        }
    )
