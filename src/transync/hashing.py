"""MD5 of source files, as co-op-translator computes it: over the raw bytes, CRLF included."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transync.discover.tree import Tree


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


_LF_HINT = "the stored hash matches the source with LF line endings; only line endings changed"
_CRLF_HINT = "the stored hash matches the source with CRLF line endings; only line endings changed"


class SourceHashes:
    """Hashes each source at most once per scan, however many languages ask for it (and its
    line-ending variants at most once: stale translations of a source are explained by them)."""

    def __init__(self, tree: Tree) -> None:
        self._tree = tree
        self._hashes: dict[str, str] = {}
        self._variants: dict[str, tuple[str, str]] = {}

    def __call__(self, source: str) -> str:
        digest = self._hashes.get(source)
        if digest is None:
            digest = self._hashes[source] = self._tree.md5(source)
        return digest

    def line_ending_hint(self, source: str, stored_hash: str) -> str | None:
        """Explain a mismatch that only line endings cause; such a file is still stale,
        because co-op-translator compares raw bytes and would retranslate it."""
        variants = self._variants.get(source)
        if variants is None:
            variants = self._variants[source] = self._line_ending_variants(source)
        as_lf, as_crlf = variants
        if stored_hash == as_lf:
            return _LF_HINT
        if stored_hash == as_crlf:
            return _CRLF_HINT
        return None

    def _line_ending_variants(self, source: str) -> tuple[str, str]:
        """The MD5 of the source with LF line endings, and with CRLF line endings."""
        as_lf = self._tree.read(source).replace(b"\r\n", b"\n")
        return md5_hex(as_lf), md5_hex(as_lf.replace(b"\n", b"\r\n"))
