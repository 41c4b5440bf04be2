"""Translated anchors: where a translation links `#installation` for the source's `#install`,
a new source anchor is carried as the anchor of the translated heading at the same place.

A page's headings are matched by position (the n-th heading of the source is the n-th of
its translation, when both have as many), and the translation's existing link must agree with
that pairing; otherwise nothing is derived.
"""

from __future__ import annotations

import re

from transync.document.lexer import lex
from transync.document.lines import INLINE_TARGET
from transync.document.slugs import Slugger, normalise_fragment

# No bracket in the text: each attempt ends at the next one (the target: INLINE_TARGET).
_LINK = re.compile(r"!?\[([^\[\]]*)\]" + INLINE_TARGET)


def heading_anchors(text: str) -> list[str]:
    """GitHub's anchors of the page's ATX headings, in order (repeats numbered)."""
    slugger = Slugger()
    anchors = []
    for line in lex(text.splitlines()):
        if line.heading:
            anchors.append(slugger(_LINK.sub(r"\1", line.title)))
    return anchors


def translated_anchor(
    source: str, translation: str, old_anchor: str, translated_old: str, new_anchor: str
) -> str | None:
    """The translation's anchor for the source's `new_anchor` (all with their `#`), if the
    source's headings and the translation's pair up and the translation's current anchor
    `translated_old` is the pair of `old_anchor`; None otherwise."""
    ours, theirs = heading_anchors(source), heading_anchors(translation)
    if len(ours) != len(theirs):
        return None
    wanted = normalise_fragment(new_anchor[1:])
    if wanted not in ours:
        return None
    before = normalise_fragment(old_anchor[1:])
    if before in ours and theirs[ours.index(before)] != normalise_fragment(translated_old[1:]):
        return None
    return "#" + theirs[ours.index(wanted)]
