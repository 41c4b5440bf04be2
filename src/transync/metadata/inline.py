"""The inline block co-op-translator wrote at the top of translated Markdown until 2025:

<!--
CO_OP_TRANSLATOR_METADATA:
{"original_hash": ..., "translation_date": ..., "source_file": ..., "language_code": ...}
-->
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from typing import AnyStr, Generic, NamedTuple

from transync.document.lexer import lex
from transync.metadata.fields import parse_record
from transync.model import MetadataOrigin, MetadataProblem, MetadataRecord
from transync.text import BinaryContent, decode

MARKER = b"CO_OP_TRANSLATOR_METADATA"
# Only a comment whose marker starts a new line, outside code fences, counts (as for
# co-op-translator, which looks for "<!--\nCO_OP_TRANSLATOR_METADATA:"): a page *about*
# co-op-translator (this project's README, for one) names the marker in inline code and shows
# whole blocks in fenced samples.
_BLOCK_START = re.compile(r"<!--[ \t]*\n\s*CO_OP_TRANSLATOR_METADATA\s*:?")
# The same pattern over UTF-8 bytes, so that most pages are never decoded. `\s` of a
# bytes pattern is ASCII only: the UTF-8 forms of the other characters `str.isspace`
# accepts are spelled out (U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
# U+205F, U+3000: a CJK translation may indent with an ideographic space).
_SPACES = (
    rb"(?:[\t\n\v\f\r\x1c-\x1f ]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]"
    rb"|\xe2\x81\x9f|\xe3\x80\x80)*"
)
_BLOCK_START_BYTES = re.compile(
    rb"<!--[ \t]*\n" + _SPACES + rb"CO_OP_TRANSLATOR_METADATA" + _SPACES + rb":?"
)
# Pages whose decoded text differs from their bytes in more than multi-byte characters (a
# BOM, UTF-16, CR line ends, NUL bytes of binary content) are searched as text.
_TEXT_FIRST = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ORIGIN = MetadataOrigin.INLINE


def read_inline(data: bytes, location: str) -> MetadataRecord | MetadataProblem | None:
    """Read the inline block of a translated Markdown file (None when it has none).

    The whole page is searched, not only its head: a block further down is read, and a
    second block anywhere makes the metadata invalid (which one would co-op-translator
    trust?). Most pages are searched as bytes; only the block's JSON is decoded.
    """
    if MARKER not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # the common fast path: no decoding at all
    if data.startswith(_TEXT_FIRST) or b"\r" in data or b"\x00" in data:
        return _read_text(data, location)
    return _read_block(data, location, _BYTES)


def _read_text(data: bytes, location: str) -> MetadataRecord | MetadataProblem | None:
    try:
        text = decode(data)
    except BinaryContent as error:
        return MetadataProblem(_ORIGIN, location, None, str(error))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # CR-only files have lines too
    return _read_block(text, location, _TEXT)


class _Syntax(NamedTuple, Generic[AnyStr]):
    """The patterns and pieces `_read_block` needs, for text or for bytes."""

    block_start: re.Pattern[AnyStr]
    newline: AnyStr
    block_end: AnyStr
    as_text: Callable[[AnyStr], str]


def _utf8(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _same(text: str) -> str:
    return text


# A page with thousands of blocks names the first lines only.
_LINES_LISTED = 10
_TEXT = _Syntax(_BLOCK_START, "\n", "-->", _same)
_BYTES = _Syntax(_BLOCK_START_BYTES, b"\n", b"-->", _utf8)


def _read_block(
    page: AnyStr, location: str, syntax: _Syntax[AnyStr]
) -> MetadataRecord | MetadataProblem | None:
    """The block of `page`, bytes or text with LF line ends only. Offsets and line numbers
    agree between the two: UTF-8 decoding never adds, drops or merges an ASCII character."""
    found = list(syntax.block_start.finditer(page))
    if not found:
        return None
    numbers = _line_numbers(page, [match.start() for match in found], syntax.newline)
    code = _code_lines(page, found[-1].start(), syntax)
    starts = [match for match, line in zip(found, numbers, strict=True) if not code[line - 1]]
    lines = [line for line in numbers if not code[line - 1]]
    if not starts:
        return None
    if len(starts) > 1:
        where = ", ".join(str(line) for line in lines[:_LINES_LISTED])
        more = len(lines) - _LINES_LISTED
        where += f" and {more} more" if more > 0 else ""
        return MetadataProblem(
            _ORIGIN, location, lines[0], f"{len(starts)} metadata blocks (lines {where})"
        )
    body_start = starts[0].end()
    body_end = page.find(syntax.block_end, body_start)
    if body_end < 0:
        return MetadataProblem(
            _ORIGIN, location, lines[0], "metadata block is not closed with '-->'"
        )
    try:
        value = json.loads(syntax.as_text(page[body_start:body_end]))
    except (ValueError, RecursionError) as error:
        return MetadataProblem(
            _ORIGIN, location, lines[0], f"metadata block is not valid JSON: {error}"
        )
    return parse_record(value, _ORIGIN, location, lines[0])


def _code_lines(page: AnyStr, last: int, syntax: _Syntax[AnyStr]) -> list[bool]:
    """Per line up to the one holding offset `last`, whether it is fenced code. The rest of
    the page (often all of it, the block being at the top) is not read."""
    end = page.find(syntax.newline, last)
    head = syntax.as_text(page[: len(page) if end < 0 else end])
    return [line.code for line in lex(head.split("\n"))]


def _line_numbers(page: AnyStr, offsets: list[int], newline: AnyStr) -> list[int]:
    """The 1-based line of each of the sorted `offsets`, counted in one pass over the page."""
    lines, line, counted = [], 1, 0
    for offset in offsets:
        line += page.count(newline, counted, offset)
        counted = offset
        lines.append(line)
    return lines
