"""MD5s of git blobs, cached on disk by blob id so that a second run reads no blob at all.

Each blob gets two digests: of its bytes as stored, and of those bytes with LF turned into
CRLF, because git may store a CRLF file with LF (`core.autocrlf`, `.gitattributes`) while
co-op-translator hashed the CRLF working-tree file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from transync.hashing import md5_hex
from transync.history.store import Store


@dataclass(frozen=True)
class BlobDigest:
    raw: str
    crlf: str | None  # None when converting LF to CRLF changes nothing (or the blob has CRs)


def digest(data: bytes) -> BlobDigest:
    if b"\n" not in data or b"\r" in data:
        return BlobDigest(md5_hex(data), None)
    return BlobDigest(md5_hex(data), md5_hex(data.replace(b"\n", b"\r\n")))


class BlobHashes:
    """Digests by blob id; reads the blobs the store does not know through `read`."""

    def __init__(self, store: Store, read: Callable[[str], bytes]) -> None:
        self._store = store
        self._read = read
        self._known: dict[str, BlobDigest] = {}

    def __call__(self, blob: str) -> BlobDigest:
        found = self._known.get(blob)
        if found is not None:
            return found
        stored = self._store.get(blob)
        if isinstance(stored, list) and len(stored) == 2 and isinstance(stored[0], str):
            found = BlobDigest(stored[0], stored[1])
        else:
            found = digest(self._read(blob))
            self._store.put(blob, [found.raw, found.crlf])
        self._known[blob] = found
        return found
