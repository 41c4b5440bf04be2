"""Turning file bytes into text the way editors do, without ever failing on bad bytes."""

from __future__ import annotations

import codecs
import os


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


# Texts up to this long are shown whole beside the one they differ from.
_LONG = 100
# What is kept of a long text: its start (a web address's host), and around the difference.
_HEAD = 32
_AROUND = 12


def around_difference(text: str, other: str) -> str:
    """A long `text` shown by its start and the part where it differs from `other`, the rest
    elided: two 400-character tracking URLs that differ in one letter read as the letter."""
    if len(text) <= _LONG:
        return text
    # Character by character is what is wanted here, not path components.
    prefix = len(os.path.commonprefix([text, other]))  # noqa: RUF071
    suffix = len(os.path.commonprefix([text[prefix:][::-1], other[prefix:][::-1]]))  # noqa: RUF071
    start = prefix - _AROUND if prefix - _AROUND > _HEAD + 1 else 0
    end = len(text) - suffix + _AROUND
    shown = text[start:end] if end < len(text) - 1 else text[start:]
    return (f"{text[:_HEAD]}…" if start else "") + shown + ("…" if end < len(text) - 1 else "")
