"""What the metadata readers made of git blobs, kept across runs in the cache folder.

A blob's bytes never change, so what `read_inline`, `read_notebook` or `read_sidecar` return
for a blob at a path is true forever: a trend over a commit it has not judged yet reads only
the blobs no earlier run parsed. Keyed by blob id and path (records name their location);
bump the file's version when a reader parses differently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from transync.history.store import Store
from transync.metadata.stored import decode, encode, reader_name

PARSED_CACHE = "parsed-metadata.v1.json"


class ParsedStore:
    """Reader results by (blob, path, reader), as compact JSON."""

    def __init__(self, file: Path | None) -> None:
        self._store = Store(file)

    def knows(self, blob: str, path: str) -> bool:
        return self._store.get(f"{blob}:{path}") is not None

    def get(self, blob: str, path: str, reader: Callable[..., Any]) -> tuple[bool, Any]:
        """(True, what `reader` returned) when stored, else (False, None)."""
        entry = self._store.get(f"{blob}:{path}")
        if not isinstance(entry, dict) or reader_name(reader) not in entry:
            return False, None
        try:
            return True, decode(entry[reader_name(reader)])
        except (ValueError, TypeError, KeyError, IndexError):
            return False, None  # a damaged entry: parsed again, and replaced

    def put(self, blob: str, path: str, reader: Callable[..., Any], value: Any) -> None:
        try:
            encoded = encode(value)
        except TypeError:
            return  # a reader result this store does not know: simply not kept
        entry = self._store.get(f"{blob}:{path}")
        entry = dict(entry) if isinstance(entry, dict) else {}
        entry[reader_name(reader)] = encoded
        self._store.put(f"{blob}:{path}", entry)

    def save(self) -> None:
        self._store.save()
