"""The inline block co-op-translator wrote at the top of translated Markdown until 2025:

<!--
CO_OP_TRANSLATOR_METADATA:
{"original_hash": ..., "translation_date": ..., "source_file": ..., "language_code": ...}
-->
"""

from __future__ import annotations

import json
import re

from transync.metadata.fields import parse_record
from transync.model import MetadataOrigin, MetadataProblem, MetadataRecord
from transync.text import BinaryContent, decode, line_of

MARKER = b"CO_OP_TRANSLATOR_METADATA"
# Only a comment whose marker starts a new line, outside code fences, counts (as for
# co-op-translator, which looks for "<!--\nCO_OP_TRANSLATOR_METADATA:"): a page *about*
# co-op-translator (this project's README, for one) names the marker in inline code and shows
# whole blocks in fenced samples.
_BLOCK_START = re.compile(r"<!--[ \t]*\n\s*CO_OP_TRANSLATOR_METADATA\s*:?")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_ORIGIN = MetadataOrigin.INLINE


def read_inline(data: bytes, location: str) -> MetadataRecord | MetadataProblem | None:
    """Read the inline block of a translated Markdown file (None when it has none)."""
    if MARKER not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # the common fast path: no decoding at all
    try:
        text = decode(data)
    except BinaryContent as error:
        return MetadataProblem(_ORIGIN, location, None, str(error))
    if "\r" in text:  # most files have none: two copies of the page saved
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # CR-only files have lines too
    starts = list(_BLOCK_START.finditer(text))
    if starts:
        # Only fences opened before the last marker can enclose one: the rest of a page
        # (often all of it, the block being at the top) is not searched.
        fenced = _fenced_spans(text, starts[-1].start())
        starts = [match for match in starts if not _inside(match.start(), fenced)]
    if not starts:
        return None
    lines = [line_of(text, match.start()) for match in starts]
    if len(starts) > 1:
        where = ", ".join(str(line) for line in lines)
        return MetadataProblem(
            _ORIGIN, location, lines[0], f"{len(starts)} metadata blocks (lines {where})"
        )
    body_start = starts[0].end()
    body_end = text.find("-->", body_start)
    if body_end < 0:
        return MetadataProblem(
            _ORIGIN, location, lines[0], "metadata block is not closed with '-->'"
        )
    try:
        value = json.loads(text[body_start:body_end])
    except (ValueError, RecursionError) as error:
        return MetadataProblem(
            _ORIGIN, location, lines[0], f"metadata block is not valid JSON: {error}"
        )
    return parse_record(value, _ORIGIN, location, lines[0])


def _fenced_spans(text: str, end: int) -> list[tuple[int, int]]:
    """Offsets of the fenced code blocks opened before `end`: an opening fence to the next of
    its kind and length (a block still open at `end` runs to the end of the text)."""
    spans = []
    opener: str | None = None
    start = 0
    for match in _FENCE.finditer(text, 0, end):
        fence = match.group(1)
        if opener is None:
            opener, start = fence, match.start()
        elif fence[0] == opener[0] and len(fence) >= len(opener):
            spans.append((start, match.end()))
            opener = None
    if opener is not None:
        spans.append((start, len(text)))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
