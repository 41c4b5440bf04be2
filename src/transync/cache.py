"""A persistent cache of per-file results, so that a re-run with nothing changed is instant.

Content checks parse a translation and its source; their result depends only on the two
files' bytes, transync's version and the configuration. The cache stores results under a key
the caller builds from content digests, and remembers each file's digest with its `os.stat`
signature (size, mtime, inode, ctime), so that an unchanged file is not even read again.

Where it lives: `transync.cache_dir` (`$TRANSYNC_CACHE_DIR`, else `$XDG_CACHE_HOME/transync`,
else `~/.cache/transync`), never inside the scanned tree (a cache dir there disables caching).
One file per scanned root and namespace. The whole file is dropped when transync's version
or the caller's fingerprint (the configuration) differ, and ignored when it is unreadable or
corrupt. Writes are atomic (a temporary file renamed over the old one), so a crash or two
concurrent runs leave either the old cache or a new one, never half of one. A cache that
cannot be written is silently not written: caching must never fail a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from transync import __version__
from transync.cache_dir import cache_dir
from transync.errors import TransyncError
from transync.fileio import read_bytes, write_atomic
from transync.hashing import md5_hex

FORMAT = 4  # 2: issues 19-25 changed what findings say; 3: shorter keys; 4: shared items
# A file modified this recently may change again within the same mtime tick without its
# stat signature changing ("racy git"): nothing is remembered by its signature.
RACY_NS = 2_000_000_000

Signature = list[int]


def signature(status: os.stat_result) -> Signature:
    """What tells a file's bytes unchanged without reading them: size, mtime, inode, ctime."""
    return [status.st_size, status.st_mtime_ns, status.st_ino, status.st_ctime_ns]


def settled(status: os.stat_result) -> bool:
    """Whether the file was modified long enough ago for its signature to be trusted."""
    return time.time_ns() - status.st_mtime_ns > RACY_NS


Json = Any  # results are stored as JSON: plain dicts, lists, strings, numbers, None


class Cache:
    """Results of one kind (`namespace`) for one scanned root.

    cache = Cache.open(root, "content", fingerprint=config_digest)
    digest = cache.digest("docs/a.md", "/repo/docs/a.md")
    key = f"{digest}:{source_digest}"
    result = cache.get(key)
    if result is None:
        cache.put(key, result := compute())
    cache.save()
    """

    def __init__(self, path: Path | None, fingerprint: str) -> None:
        """`path` None means caching is off (`--no-cache`): nothing is read or written."""
        self.path = path
        self.fingerprint = f"{FORMAT}:{__version__}:{fingerprint}"
        self._results: dict[str, Json] = {}
        self._stats: dict[str, list[Any]] = {}
        self._used_results: dict[str, Json] = {}
        self._used_stats: dict[str, list[Any]] = {}
        self._digests: dict[str, str] = {}  # this run's answers
        self._dirty = False
        if path is not None:
            self._load(path)

    @classmethod
    def open(cls, root: Path, namespace: str, fingerprint: str, *, enabled: bool = True) -> Cache:
        """The cache for `root`; disabled when asked to be or when it would sit inside root."""
        if not enabled:
            return cls(None, fingerprint)
        folder = cache_dir()
        real_root = os.path.realpath(root)
        real_folder = os.path.realpath(folder)
        if real_folder == real_root or real_folder.startswith(real_root.rstrip(os.sep) + os.sep):
            return cls(None, fingerprint)  # scans never write inside the scanned tree
        name = hashlib.sha256(real_root.encode("utf-8", "surrogateescape")).hexdigest()[:20]
        return cls(folder / f"{namespace}-{name}.json", fingerprint)

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def digest(self, path: str, full: str) -> str:
        """MD5 of a file's bytes; read only when its stat signature changed since last time.

        Raises OSError when the file cannot be read, like reading it would.
        """
        known_now = self._digests.get(path)
        if known_now is not None:
            return known_now  # a source shared by many translations: stat it once a run
        status = os.stat(full)
        signed = signature(status)
        known = self._stats.get(path)
        if known is not None and known[:4] == signed:
            self._used_stats[path] = known
            self._digests[path] = str(known[4])
            return str(known[4])
        digest = self._digests[path] = md5_hex(read_bytes(full))
        if settled(status):
            self._used_stats[path] = [*signed, digest]
            self._dirty = True
        return digest

    def get(self, key: str) -> Json | None:
        if key in self._results:
            self._used_results[key] = self._results[key]
            return self._results[key]
        return None

    def put(self, key: str, value: Json) -> None:
        self._results[key] = self._used_results[key] = value
        self._dirty = True

    def save(self, *, keep_unused: bool = False) -> bool:
        """Write what this run used (entries nobody asked for are dropped, unless
        `keep_unused`: a run over part of the tree); True if written."""
        if self.path is None:
            return False
        if not self._dirty and (keep_unused or self._used_results.keys() == self._results.keys()):
            return False
        stats, results = self._used_stats, self._used_results
        if keep_unused:
            stats, results = {**self._stats, **stats}, {**self._results, **results}
        payload = {"fingerprint": self.fingerprint, "stats": stats, "results": results}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(payload, separators=(",", ":"), ensure_ascii=False))
        except (OSError, TransyncError):
            return False
        self._dirty = False
        return True

    def _load(self, path: Path) -> None:
        try:
            with open(path, encoding="utf-8") as stream:
                payload = json.load(stream)
        except (OSError, ValueError, RecursionError):
            return  # absent, unreadable or corrupt: start empty, the next save replaces it
        if not isinstance(payload, dict) or payload.get("fingerprint") != self.fingerprint:
            return
        results, stats = payload.get("results"), payload.get("stats")
        if isinstance(results, dict) and isinstance(stats, dict):
            self._results = results
            self._stats = {
                path: signature
                for path, signature in stats.items()
                if isinstance(signature, list) and len(signature) == 5
            }
