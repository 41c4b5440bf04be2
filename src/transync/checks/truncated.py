"""`truncated` and `content-lost`: the translation stops before the end of its source, or
lost a long stretch of it in the middle.

Two signs of `truncated`, either is enough. The translation's structure (headings, code
blocks, tables and links, in order) stops matching the source's before the source's last
section and nothing follows; or its prose is far shorter than the source's, by a ratio that
knows CJK scripts need about half the characters of English for the same text.

`content-lost`: between two places both outlines share, the source runs on for hundreds of
lines and the translation for a small part of that (a translator that skipped a stretch and
resumed at a later section): reported at the first source section of the stretch.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from transync.checks.context import ContentContext
from transync.checks.outline import HEADING, Item
from transync.model import Finding, Severity, State

NAME = "truncated"
CONTENT_LOST = "content-lost"
NAMES = (NAME, CONTENT_LOST)

# Translated prose / source prose, below which a translation is "far shorter".
_MIN_RATIO = 0.35
_CJK_MIN_RATIO = 0.15
# Short sources vary too much in length to judge by ratio.
_MIN_SOURCE_CHARS = 1500
# A stretch lost in the middle: at least this many source lines, of which the translation
# keeps less than this share (translations keep the source's lines nearly one for one).
_LOST_LINES = 150
_LOST_SHARE = 0.25


def check(context: ContentContext) -> Iterator[Finding]:
    stale = (
        f" (the translation is {context.state.value}: the source may have grown since)"
        if context.state is not State.CURRENT
        else ""
    )
    yield from _lost_stretches(context, stale)
    ending = _ends_early(context)
    if ending is not None:
        heading = ending
        yield context.finding(
            NAME,
            Severity.ERROR,
            context.translation.last_line,
            f"the translation ends here, before the source's section {heading.label!r}"
            f" (line {heading.line}){stale}",
            source_line=heading.line,
        )
        return
    source, translated = context.source, context.translation
    if source.prose_chars < _MIN_SOURCE_CHARS:
        return
    ratio = translated.prose_chars / source.prose_chars
    cjk = translated.cjk_chars > translated.prose_chars / 3
    if ratio < (_CJK_MIN_RATIO if cjk else _MIN_RATIO):
        yield context.finding(
            NAME,
            Severity.ERROR,
            translated.last_line,
            f"the translation has {translated.prose_chars} characters of text, the source"
            f" {source.prose_chars} ({ratio:.0%}; expected at least"
            f" {_CJK_MIN_RATIO if cjk else _MIN_RATIO:.0%}){stale}",
            source_line=context.source_line_of(translated.last_line),
        )


def _ends_early(context: ContentContext) -> Item | None:
    """The first source heading lost at the end, if the translation stops early."""
    alignment = context.outline
    matched = [op for op in alignment.opcodes if op[0] == "equal"]
    if not matched:
        return None
    _, _, source_end, _, translated_end = matched[-1]
    if translated_end < len(alignment.translated):
        return None  # something of the translation's own follows: it did not stop there
    lost = [item for item in alignment.source[source_end:] if item.key.startswith(HEADING)]
    return lost[0] if lost else None


def _lost_stretches(context: ContentContext, stale: str) -> Iterator[Finding]:
    """Stretches between two shared places where the source is long and the translation
    short; one finding per stretch, at its first source heading."""
    alignment = context.outline
    equal = [op for op in alignment.opcodes if op[0] == "equal"]
    for before, after in pairwise(equal):
        source_from = alignment.source[before[2] - 1].line
        source_to = alignment.source[after[1]].line
        translated_from = alignment.translated[before[4] - 1].line
        translated_to = alignment.translated[after[3]].line
        if source_from is None or source_to is None:
            continue
        if translated_from is None or translated_to is None:
            continue
        source_lines = source_to - source_from
        kept = translated_to - translated_from
        if source_lines < _LOST_LINES or kept >= source_lines * _LOST_SHARE:
            continue
        # The section where the loss begins: the last source heading up to the first item
        # lost (paired or not: the loss may begin inside a section the translation keeps).
        heading = next(
            (
                item
                for item in reversed(alignment.source[: after[1]])
                if item.key.startswith(HEADING) and (item.line or 0) <= source_from
            ),
            None,
        )
        first_lost = alignment.source[before[2] : after[1]]
        heading = next((item for item in first_lost[:1] if item.key.startswith(HEADING)), heading)
        section = f" from the section {heading.label!r}" if heading else ""
        begins = first_lost[0].line if first_lost else source_from
        yield context.finding(
            CONTENT_LOST,
            Severity.ERROR,
            translated_from,
            f"{source_lines} lines of the source (lines {source_from}-{source_to}{section})"
            f" are {kept} lines here: the translation skips them{stale}",
            source_line=begins,
        )
