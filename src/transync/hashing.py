"""MD5 of source files, as co-op-translator computes it: over the raw bytes, CRLF included."""

from __future__ import annotations

import hashlib

from transync.fileio import read_bytes


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


class SourceHashes:
    """Hashes each source at most once per scan, however many languages ask for it (and
    explains each stale hash once: languages often go stale at the same source version)."""

    def __init__(self, root: str) -> None:
        self._root = root
        self._hashes: dict[str, str] = {}
        self._hints: dict[tuple[str, str], str | None] = {}

    def __call__(self, source: str) -> str:
        digest = self._hashes.get(source)
        if digest is None:
            digest = self._hashes[source] = md5_hex(read_bytes(f"{self._root}/{source}"))
        return digest

    def line_ending_hint(self, source: str, stored_hash: str) -> str | None:
        """Explain a mismatch that only line endings cause; such a file is still stale,
        because co-op-translator compares raw bytes and would retranslate it."""
        key = (source, stored_hash)
        if key not in self._hints:
            self._hints[key] = self._line_ending_hint(source, stored_hash)
        return self._hints[key]

    def _line_ending_hint(self, source: str, stored_hash: str) -> str | None:
        data = read_bytes(f"{self._root}/{source}")
        as_lf = data.replace(b"\r\n", b"\n")
        if md5_hex(as_lf) == stored_hash:
            return (
                "the stored hash matches the source with LF line endings; only line endings changed"
            )
        if md5_hex(as_lf.replace(b"\n", b"\r\n")) == stored_hash:
            return (
                "the stored hash matches the source with CRLF line endings;"
                " only line endings changed"
            )
        return None
