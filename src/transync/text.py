"""Turning file bytes into text the way editors do, without ever failing on bad bytes."""

from __future__ import annotations

import codecs


class BinaryContent(ValueError):
    """The bytes hold NUL characters outside a UTF-16 file: this is not a text document."""


def decode(data: bytes) -> str:
    """Decode a document: UTF-8 (BOM stripped) or BOM-marked UTF-16; bad bytes become U+FFFD."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise BinaryContent("holds NUL bytes: a binary file, not text")
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def plural(count: int, noun: str) -> str:
    """`1 problem`, `1,185 problems`: the one way every output counts things."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
