"""What co-op-translator adds to a page itself, found in the text: its metadata comment, its
disclaimer (between markers, or the unmarked paragraph it appends after a final `---`), and
its languages table. No translator wrote them: the parser blanks them out, `port` carries
nothing into them, and the measure of a page's own text leaves them out.

Every block is found with `str.find` from its opening: a lazy regex from an opening to its
closing, retried from every opening, is quadratic on a page that never closes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Blocks blanked out as (opening, closing): the closing is searched with `str.find`, since a
# lazy `.*?-->` retried from every opening to the end of a file that never closes them. Every
# opening starts with `_COMMENT_START`.
_COMMENT_START = "<!--"
DISCLAIMER = (
    re.compile("<!-- CO-OP TRANSLATOR DISCLAIMER START -->"),
    "<!-- CO-OP TRANSLATOR DISCLAIMER END -->",
)
METADATA = (re.compile(r"<!--\s*CO_OP_TRANSLATOR_METADATA:"), "-->")
COMMENT = (re.compile("<!--"), "-->")
# A block co-op-translator writes between two markers naming it, which some translations
# translate (`<!-- TABELA DE LÍNGUAS DO TRADUTOR CO-OP INÍCIO -->`).
_TOOL_MARKER = "co-op"
# Its languages table links every language's translation (`../fr/README.md`,
# `./translations/fr/README.md`): a block whose opening holds such a link is one. (Its other
# blocks, a list of other courses, are the same in every language.) The content checks need
# not leave it out: links into other languages are not compared (`checks.links`).
_LANGUAGE_LINK = re.compile(r"\]\((?:\./|\.\./)*(?:translations/)?[a-z]{2,3}(?:-[A-Za-z]+)?/")
_TABLE_OPENING_CHARS = 600
# The unmarked disclaimer co-op-translator appends after a final `---`: short, names the tool.
_THEMATIC_BREAK = re.compile(r"^[ \t]*(?:---|\*\*\*|___)[ \t]*$", re.M)
_DISCLAIMER_TAIL_CHARS = 3000
_TOOL_LINK = "github.com/azure/co-op-translator"


def blank_out(
    text: str, opening: re.Pattern[str], closing: str, *, unclosed_to_end: bool = False
) -> str:
    """Remove each block from `opening` to the next `closing` but keep its line breaks, so
    later lines keep their number."""
    kept: list[str] = []
    position = 0
    for start, end in block_spans(text, opening, closing, unclosed_to_end=unclosed_to_end):
        kept += (text[position:start], "\n" * text.count("\n", start, end))
        position = end
    kept.append(text[position:])
    return "".join(kept)


def block_spans(
    text: str, opening: re.Pattern[str], closing: str, *, unclosed_to_end: bool = False
) -> Iterator[tuple[int, int]]:
    """Each block from `opening` to the next `closing` (to the end of the text when it is
    never closed and `unclosed_to_end`). Linear: once a closing is missing, no later opening
    can be closed either."""
    position = 0
    while found := _next_opening(text, opening, position):
        end = text.find(closing, found.end())
        if end < 0 and not unclosed_to_end:
            return
        end = len(text) if end < 0 else end + len(closing)
        yield found.start(), end
        position = end


def _next_opening(text: str, opening: re.Pattern[str], position: int) -> re.Match[str] | None:
    """`opening.search(text, position)`: every opening starts with `<!--` (`_COMMENT_START`),
    which `str.find` finds ten times faster than the regex's own scan of a page."""
    start = text.find(_COMMENT_START, position)
    while start >= 0:
        found = opening.match(text, start)
        if found is not None:
            return found
        start = text.find(_COMMENT_START, start + 1)
    return None


def tool_spans(text: str) -> list[tuple[int, int]]:
    """Where a page holds what co-op-translator adds itself (character offsets, in order): its
    metadata comment, its languages table, its disclaimer (marked, or the unmarked tail). No
    translator wrote them, so nothing compares or carries them."""
    spans = [
        *block_spans(text, *METADATA),
        *block_spans(text, *DISCLAIMER, unclosed_to_end=True),  # as the parser blanks it
    ]
    spans += _languages_tables(text)
    tail = tail_disclaimer(text)
    if tail is not None:
        spans.append((tail, len(text)))
    return sorted(spans)


def _languages_tables(text: str) -> list[tuple[int, int]]:
    """The blocks between two marker comments naming co-op-translator, paired in order, whose
    opening holds a link into a language folder. Comments are found with `str.find`, once each:
    a regex from marker to marker retried from every opening is quadratic."""
    markers = [
        (start, end)
        for start, end in block_spans(text, *COMMENT)
        if _TOOL_MARKER in text[start:end].lower() and ">" not in text[start + 4 : end - 3]
    ]
    return [
        (opening[0], closing[1])
        for opening, closing in zip(markers[::2], markers[1::2], strict=False)
        if _LANGUAGE_LINK.search(text, opening[0], opening[0] + _TABLE_OPENING_CHARS)
    ]


def without_tail_disclaimer(text: str) -> str:
    start = tail_disclaimer(text)
    return text if start is None else text[:start] + "\n" * text.count("\n", start)


def tail_disclaimer(text: str) -> int | None:
    """Where the disclaimer paragraph co-op-translator appends (with or without a `---` above
    it) begins: near the end, opening with a bold label, linking to co-op-translator."""
    tail = max(0, len(text) - _DISCLAIMER_TAIL_CHARS)
    if "\u0130" in text:  # "İ", the one character whose lower case is two: offsets move
        found = text.lower().rfind(_TOOL_LINK, tail)
    else:  # every other keeps its length: only the tail is lowered
        found = text[tail:].lower().rfind(_TOOL_LINK)
        found = found + tail if found >= 0 else -1
    if found < 0:
        return None
    start = text.rfind("\n\n", 0, found) + 1
    if not text[start:].lstrip().startswith(("**", "> **", "*", "_")):
        return None
    head = text[:start].rstrip("\n")
    line_start = head.rfind("\n") + 1
    if _THEMATIC_BREAK.fullmatch(head[line_start:]):
        start = line_start  # the `---` co-op-translator puts above it
    return start
