"""Turning file bytes into text the way editors do, without ever failing on bad bytes."""

from __future__ import annotations

import codecs
import re


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


# Characters that a terminal, a CI log or a rendered page would act on instead of showing:
# C0/C1 controls and Unicode line separators (escape sequences, line breaks that forge log
# lines), lone surrogates (file names that are not valid UTF-8) and the bidirectional
# overrides of "Trojan Source" attacks.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """Show `text` with every unsafe character as a visible Python-style escape (`\\n`,
    `\\x1b`, `\\udcff`, `\\u202e`), so that names from a repository cannot act on a display."""
    return _UNSAFE.sub(_escape, text)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _NAMED.get(match.group()) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """Prose (a finding's message) on one line: line breaks become spaces, the rest as
    `printable`. Names inside messages are quoted with repr, so no name loses a line break."""
    return printable(_LINE_BREAK.sub(" ", text))


def plural(count: int, noun: str) -> str:
    """`1 problem`, `1,185 problems`: the one way every output counts things."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
