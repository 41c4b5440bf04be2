"""How much text a translated page holds of its own: co-op-translator's metadata comment and
its disclaimer (after a final `---`, linking to co-op-translator) left out.

A translation made of those two alone, or one that lost most of its text, has a hash as
exact as any: only its size tells. Measured on bytes, as letters and digits (an ASCII
letter or digit, or any byte of a non-ASCII character: a CJK or Indic character's three
bytes weigh about what the English letters it stands for do), and only for the few pages
`may_be_gutted` picks by their size, so that a scan decodes nothing more.
"""

from __future__ import annotations

import re

# A translation with less text than this share of its source's lost most of it.
GUTTED_SHARE = 0.2
# What co-op-translator adds to a page at most (metadata ~300 bytes, a disclaimer up to
# ~1.7 KB in Burmese), with room to spare.
_ADDED_BYTES = 4000
_METADATA = re.compile(rb"<!--\s*CO_OP_TRANSLATOR_METADATA.*?-->", re.S)
_MARKED_DISCLAIMER = re.compile(
    rb"<!-- CO-OP TRANSLATOR DISCLAIMER START -->.*?"
    rb"(?:<!-- CO-OP TRANSLATOR DISCLAIMER END -->|\Z)",
    re.S,
)
_TOOL_LINK = b"github.com/azure/co-op-translator"
_DISCLAIMER_TAIL_BYTES = 9000  # 3,000 characters of up to 3 bytes each
_THEMATIC_BREAK = re.compile(rb"[ \t]*(?:---|\*\*\*|___)[ \t]*")
# Every ASCII byte but letters and digits: deleting them leaves the text's bytes (in C).
_NOT_TEXT = bytes(byte for byte in range(128) if not chr(byte).isalnum())


def may_be_gutted(translation_bytes: int, source_bytes: int) -> bool:
    """Whether a page of this size may hold less than `GUTTED_SHARE` of its source's text
    (or none): only those are measured."""
    return translation_bytes < GUTTED_SHARE * source_bytes + _ADDED_BYTES


def text_amount(data: bytes) -> int:
    """The letters and digits of a page's own text, in bytes."""
    return len(own_text(data).translate(None, _NOT_TEXT))


def own_text(data: bytes) -> bytes:
    """The page without co-op-translator's metadata comment and disclaimer."""
    body = _MARKED_DISCLAIMER.sub(b"", _METADATA.sub(b"", data))
    tail = max(0, len(body) - _DISCLAIMER_TAIL_BYTES)
    found = body[tail:].lower().rfind(_TOOL_LINK)
    if found < 0:
        return body
    found += tail
    start = body.rfind(b"\n\n", 0, found) + 1
    if not body[start:].lstrip().startswith((b"**", b"> **", b"*", b"_")):
        return body  # a link to the tool in the page's own words, not the disclaimer
    head = body[:start].rstrip()
    last_line = head.rfind(b"\n") + 1
    if _THEMATIC_BREAK.fullmatch(head[last_line:]):
        head = head[:last_line]  # the `---` co-op-translator puts above it
    return head
