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
# Only a marker that opens an HTML comment counts: a page *about* co-op-translator may
# mention the marker in prose or in a code sample.
_BLOCK_START = re.compile(r"<!--\s*CO_OP_TRANSLATOR_METADATA\s*:?")
_ORIGIN = MetadataOrigin.INLINE


def read_inline(data: bytes, location: str) -> MetadataRecord | MetadataProblem | None:
    """Read the inline block of a translated Markdown file (None when it has none)."""
    if MARKER not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # the common fast path: no decoding at all
    try:
        text = decode(data)
    except BinaryContent as error:
        return MetadataProblem(_ORIGIN, location, None, str(error))
    starts = list(_BLOCK_START.finditer(text))
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
