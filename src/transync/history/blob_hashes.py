"""MD5s of git blobs, cached on disk by blob id so that a second run reads no blob at all.

A blob id names its content forever, so the cache never needs invalidating. Each blob gets two
digests: of its bytes as stored, and of those bytes with LF turned into CRLF, because git may
store a CRLF file with LF (`core.autocrlf`, `.gitattributes`) while co-op-translator hashed the
CRLF working-tree file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from transync.hashing import md5_hex

CACHE_FILE = "blob-md5.json"


@dataclass(frozen=True)
class BlobDigest:
    raw: str
    crlf: str | None  # None when converting LF to CRLF changes nothing (or the blob has CRs)


def digest(data: bytes) -> BlobDigest:
    if b"\n" not in data or b"\r" in data:
        return BlobDigest(md5_hex(data), None)
    return BlobDigest(md5_hex(data), md5_hex(data.replace(b"\n", b"\r\n")))


class BlobHashes:
    """Digests by blob id; reads missing blobs through `read` and saves them on `save()`."""

    def __init__(self, directory: Path | None, read: Callable[[str], bytes]) -> None:
        self._file = directory / CACHE_FILE if directory is not None else None
        self._read = read
        self._known: dict[str, BlobDigest] = self._load()
        self._added = False

    def __call__(self, blob: str) -> BlobDigest:
        found = self._known.get(blob)
        if found is None:
            found = self._known[blob] = digest(self._read(blob))
            self._added = True
        return found

    def warm(self, blobs: Iterable[str]) -> None:
        for blob in blobs:
            self(blob)

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is only a slower run."""
        if not self._added or self._file is None:
            return
        data = {blob: [item.raw, item.crlf] for blob, item in self._known.items()}
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._file.parent, suffix=".tmp")
            with os.fdopen(handle, "w") as stream:
                json.dump(data, stream, separators=(",", ":"))
            os.replace(temporary, self._file)
        except OSError:
            return
        self._added = False

    def _load(self) -> dict[str, BlobDigest]:
        if self._file is None:
            return {}
        try:
            data = json.loads(self._file.read_text())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            blob: BlobDigest(value[0], value[1])
            for blob, value in data.items()
            if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
        }
