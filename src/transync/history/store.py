"""A small persistent map in transync's cache directory, for facts that never go stale.

Keys name content (git blob ids, MD5s), so an entry is true forever and the cache never needs
invalidating. Writing is atomic and best-effort: a cache that cannot be read or written only
makes the run slower.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from transync.errors import TransyncError
from transync.fileio import read_bytes, write_atomic


class Store:
    """String keys to JSON values, loaded once and saved once (only if something was added)."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._data: dict[str, Any] = self._load()
        self._added = False

    def get(self, key: str) -> Any:
        return self._data.get(key)

    def put(self, key: str, value: Any) -> None:
        self._data[key] = value
        self._added = True

    def save(self) -> None:
        if not self._added or self._file is None:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self._file, json.dumps(self._data, separators=(",", ":")))
        except (OSError, TransyncError):
            return  # best-effort: the next run recomputes what was not saved
        self._added = False

    def _load(self) -> dict[str, Any]:
        if self._file is None:
            return {}
        try:
            data = json.loads(read_bytes(self._file))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}
