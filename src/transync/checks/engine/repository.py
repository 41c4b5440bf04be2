"""The repository as the content checks see it: which files exist, and the parsed documents
and anchors of the files they link to, each parsed once per process and version. Nothing is
read outside the root, and nothing but a regular file under `MAX_BYTES` is parsed."""

from __future__ import annotations

import os
import stat
from functools import lru_cache

from transync.document.model import Document
from transync.fileio import read_bytes
from transync.text import BinaryContent

# A larger file (a pull request can add a 50 MB one) is not compared, and the
# `content-skipped` finding says so: a test fixture or a data dump, not documentation.
MAX_BYTES = 10 * 1024 * 1024


class Known:
    """What the file system answered during one run of the content checks: whether a path
    exists, a file's stat and version, where a folder really is. Every pair asks again (a
    source in each of its languages; translations link to the same images and pages in every
    language), so each is asked of the system once a run.
    Kept by `run_content` for its run only: a tree may change between runs."""

    def __init__(self) -> None:
        self.existence: dict[str, bool] = {}
        self.real_folders: dict[str, str] = {}
        # A file's stat (its target's, for a symbolic link), and its version (`_version`).
        self.stats: dict[str, os.stat_result | None] = {}
        self.versions: dict[str, tuple[str, int, int] | None] = {}

    def real_path(self, full: str, info: os.stat_result) -> str:
        """`os.path.realpath(full)`, from its folder's (kept) when `info`, the file's lstat,
        says it is no symbolic link."""
        if stat.S_ISLNK(info.st_mode):
            return os.path.realpath(full)
        folder, name = os.path.split(full)
        real = self.real_folders.get(folder)
        if real is None:
            real = self.real_folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


class Repository:
    """Answers `ContentContext.repository` questions for files under one root."""

    def __init__(self, root: str, known: Known | None = None) -> None:
        self.root = root
        self.known = known if known is not None else Known()
        # What was asked, so that a cached result can be checked against the tree later.
        self.existence: dict[str, bool] = {}
        self.anchored: set[str] = set()

    def exists(self, path: str) -> bool:
        found = self.existence.get(path)
        if found is None:
            found = self.known.existence.get(path)
            if found is None:
                found = self.known.existence[path] = os.path.exists(os.path.join(self.root, path))
            self.existence[path] = found
        return found

    def anchors(self, path: str) -> frozenset[str] | None:
        self.anchored.add(path)
        version = self._version(path)
        return anchors_of(*version) if version is not None else None

    def size(self, path: str) -> int | None:
        info = self._stat(path)
        return info.st_size if info is not None else None

    def document(self, path: str, *, translated: bool) -> Document | None:
        """The parsed file; None unless it is a regular file inside the root (a pipe or a
        device would block or never end) and small enough to parse."""
        version = self._version(path)
        if version is None:
            return None
        if translated:
            return _parsed(version[0], translated=True)
        return parsed_source(*version)

    def _stat(self, path: str) -> os.stat_result | None:
        stats = self.known.stats
        if path not in stats:
            try:
                stats[path] = os.stat(os.path.join(self.root, path))
            except OSError:
                stats[path] = None
        return stats[path]

    def _version(self, path: str) -> tuple[str, int, int] | None:
        """The full path, size and mtime of a parsable file (see `document`)."""
        versions = self.known.versions
        if path not in versions:
            versions[path] = self._read_version(path)
        return versions[path]

    def _read_version(self, path: str) -> tuple[str, int, int] | None:
        full = os.path.join(self.root, path)
        info = self._stat(path)
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        try:
            real = self.known.real_path(full, os.lstat(full))
        except OSError:
            return None
        if not _inside(self.root, real):
            return None
        return full, info.st_size, info.st_mtime_ns


@lru_cache(maxsize=256)
def parsed_source(full: str, size: int, mtime: int) -> Document | None:
    """A source: asked for by each of its languages' tasks, which `run_content` hands out
    one after the other, so it is parsed once per process and version (size and mtime are
    part of the key). Translations are not kept: each is compared once."""
    return _parsed(full, translated=False)


@lru_cache(maxsize=65536)
def anchors_of(full: str, size: int, mtime: int) -> frozenset[str] | None:
    """A link target's anchors, kept for the whole run (a few strings per file): pages link
    to their siblings in every language, so one is asked for by many tasks far apart."""
    document = parsed_source(full, size, mtime)
    return document.anchors if document is not None else None


def _parsed(full: str, *, translated: bool) -> Document | None:
    # Imported here: a re-run served from the cache parses nothing, and `status` and
    # `--help` never load the parser.
    from transync.document.pulldown import parse_file

    try:
        return parse_file(read_bytes(full), full, translated=translated)
    except (OSError, BinaryContent, RecursionError):
        return None


@lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    return os.path.realpath(root)


def _inside(root: str, real: str) -> bool:
    base = _real_root(root)
    return real == base or real.startswith(base + os.sep)
