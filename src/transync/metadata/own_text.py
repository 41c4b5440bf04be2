"""How much text a translated page holds of its own: co-op-translator's metadata comment and
its disclaimer (after a final `---`, linking to co-op-translator) left out.

A translation made of those two alone, or one that lost most of its text, has a hash as
exact as any: only its size tells. Measured as letters and digits in bytes (an ASCII letter
or digit, or any byte of a non-ASCII character: a CJK or Indic character's three bytes weigh
about what the English letters it stands for do), and only for the few pages
`may_be_gutted` picks by their size, so that a scan decodes little more.
"""

from __future__ import annotations

from transync.document.tool_text import tool_spans

# A translation with less text than this share of its source's lost most of it.
GUTTED_SHARE = 0.2
# What co-op-translator adds to a page at most (metadata ~300 bytes, a disclaimer up to
# ~1.7 KB in Burmese), with room to spare.
_ADDED_BYTES = 4000
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
    """The page without what co-op-translator adds itself (`document.tool_text`)."""
    text = data.decode("utf-8", "surrogateescape")
    kept, position = [], 0
    for start, end in tool_spans(text):
        if start >= position:
            kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return "".join(kept).encode("utf-8", "surrogateescape")
