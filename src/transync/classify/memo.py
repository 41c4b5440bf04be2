"""What the metadata readers made of the files on disk, kept between runs by stat signature.

Classifying reads every translated file and sidecar; on a re-run most of them are unchanged.
A file whose size, mtime, inode and ctime are those of an earlier run, and which was settled
then (modified more than two seconds before: `transync.cache.settled`), is not read again:
what the reader made of it then is taken from the cache (`transync.cache.Cache`, namespace
"parsed"), in the form git blobs' results are kept in (`transync.metadata.stored`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from transync.cache import Cache, settled, signature
from transync.metadata.stored import decode, encode, reader_name

# Names how the readers parse: bump it when one of them reads a file differently.
READERS_VERSION = "1"


class FileMemo:
    """`discover.tree.ParseMemo` over a `Cache` file of the scanned root."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache
        self._names: dict[Callable[[bytes, str], Any], str] = {}  # asked once a file

    @classmethod
    def open(cls, root: Path) -> FileMemo | None:
        """The memo of `root`, or None where no cache may be kept (inside the tree)."""
        cache = Cache.open(root, "parsed", READERS_VERSION)
        return cls(cache) if cache.enabled else None

    def recall(
        self, path: str, status: os.stat_result, reader: Callable[[bytes, str], Any]
    ) -> tuple[bool, Any]:
        kept = self._cache.get(self._key(path, reader))
        if not isinstance(kept, list) or len(kept) != 2 or kept[0] != signature(status):
            return False, None
        try:
            return True, decode(kept[1])
        except (ValueError, TypeError, KeyError, IndexError):
            return False, None  # a damaged entry: read again, and replaced

    def remember(
        self, path: str, status: os.stat_result, reader: Callable[[bytes, str], Any], value: Any
    ) -> None:
        if not settled(status):
            return
        try:
            encoded = encode(value)
        except TypeError:
            return  # a reader result this memo does not know: simply not kept
        self._cache.put(self._key(path, reader), [signature(status), encoded])

    def _key(self, path: str, reader: Callable[[bytes, str], Any]) -> str:
        name = self._names.get(reader)
        if name is None:
            name = self._names[reader] = reader_name(reader)
        return f"{name}:{path}"

    def save(self, *, keep_unused: bool) -> None:
        """Keep what this run read (and, with `keep_unused`, what a narrower run did not)."""
        self._cache.save(keep_unused=keep_unused)
