"""MD5 as co-op-translator computes it: over the raw bytes, CRLF included (`discover.tree`
hashes each source of a scan once with it)."""

from __future__ import annotations

import hashlib


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
