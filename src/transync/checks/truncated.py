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
from dataclasses import dataclass
from itertools import pairwise

from transync.checks.engine.context import ContentContext
from transync.checks.engine.outline import HEADING, Item
from transync.checks.engine.precedence import Claim
from transync.checks.names import CONTENT_LOST
from transync.checks.names import TRUNCATED as NAME
from transync.document.model import Document, Table
from transync.model import Finding, Severity, State

NAMES = (NAME, CONTENT_LOST)

# Translated prose / source prose, below which a translation is "far shorter".
_MIN_RATIO = 0.35
_CJK_MIN_RATIO = 0.15
# Short sources vary too much in length to judge by ratio.
_MIN_SOURCE_CHARS = 1500
# The text after the last construct both share: from this length on, a translation that keeps
# far less of it (by `_MIN_RATIO`) was cut there (mid-list, mid-link, mid-table).
_MIN_TAIL_CHARS = 300
# A stretch lost in the middle: at least this many source lines, of which the translation
# keeps less than this share (translations keep the source's lines nearly one for one).
_LOST_LINES = 150
_LOST_SHARE = 0.25


def check(context: ContentContext) -> Iterator[Finding | Claim]:
    stale = (
        f" (the translation is {context.state.value}: the source may have grown since)"
        if context.state is not State.CURRENT
        else ""
    )
    yield from _lost_stretches(context, stale)
    source, translated = context.source, context.translation
    cut = _cut(context)
    if cut is not None and cut.heading is not None:
        yield context.finding(
            NAME,
            Severity.ERROR,
            translated.last_line,
            f"the translation ends here, before the source's section {cut.heading.label!r}"
            f" (line {cut.heading.line}){stale}",
            source_line=cut.heading.line,
        )
        yield cut.claim()
        return
    if cut is not None and cut.tail_cut:
        how = (
            "in the middle of a link"
            if cut.ends_in_link
            else "in the middle of a table"
            if cut.rows_lost
            else f"with {cut.translated_tail} characters of text after its last construct"
            f" shared with the source, where the source has {cut.source_tail}"
        )
        yield context.finding(
            NAME,
            Severity.ERROR,
            translated.last_line,
            f"the translation ends here, {how} (the source goes on from line"
            f" {cut.source_line}){stale}",
            source_line=cut.source_line,
        )
        yield cut.claim()
        return
    if source.prose_chars < _MIN_SOURCE_CHARS:
        return
    ratio = translated.prose_chars / source.prose_chars
    if ratio < _min_ratio(translated):
        yield context.finding(
            NAME,
            Severity.ERROR,
            translated.last_line,
            f"the translation has {translated.prose_chars} characters of text, the source"
            f" {source.prose_chars} ({ratio:.0%}; expected at least"
            f" {_min_ratio(translated):.0%}){stale}",
            source_line=context.source_line_of(translated.last_line),
        )
        # What the translation lacks after the last place both share is this defect.
        yield cut.claim() if cut is not None else Claim(NAME, source_from=0)


def _min_ratio(translated: Document) -> float:
    """CJK scripts need about half the characters of English for the same text."""
    return _CJK_MIN_RATIO if translated.cjk_chars > translated.prose_chars / 3 else _MIN_RATIO


@dataclass(frozen=True)
class _Cut:
    """Where the translation stops following its source, nothing of its own after it."""

    # The last source construct the translation still has, and the first it lost (if any).
    source_line: int
    first_lost: int | None
    # The first source heading lost, if any: the translation ends before that section.
    heading: Item | None
    # Characters of text after the last shared construct, on each side.
    source_tail: int
    translated_tail: int
    # The least share of the source's text a whole translation keeps (lower in CJK scripts).
    ratio: float
    # Lines of what the translation has of its own at the cut (a link cut short).
    cut_short: frozenset[int]
    # A source table the cut falls in, and whether the translation's has fewer rows.
    table: int | None
    rows_lost: bool

    # The translation's last line stops inside a link, and the source goes on after the cut.
    ends_in_link: bool

    @property
    def tail_cut(self) -> bool:
        """The text after the last shared construct is far shorter than the source's, the
        translation ends in a table that lacks rows, or in the middle of a link."""
        return (
            self.rows_lost
            or self.ends_in_link
            or (
                self.source_tail >= _MIN_TAIL_CHARS
                and self.translated_tail < self.source_tail * self.ratio
            )
        )

    def claim(self) -> Claim:
        """What a cut-off translation lacks after the cut (its links, headings, tables, code,
        a table cut in the middle) is this one defect."""
        return Claim(
            NAME,
            lines=self.cut_short,
            source_lines=frozenset({self.table} if self.table is not None else ()),
            source_from=self.first_lost if self.first_lost is not None else self.source_line + 1,
        )


def _cut(context: ContentContext) -> _Cut | None:
    """The place after which the translation has nothing of the source's, if it stops early."""
    alignment = context.outline
    matched = [op for op in alignment.opcodes if op[0] == "equal"]
    if not matched:
        return None
    _, _, source_end, _, translated_end = matched[-1]
    # Something of the translation's own follows: it did not stop there; unless it is on its
    # last line (a link cut in the middle of its target).
    cut_short = alignment.translated[translated_end:]
    if any(item.line != context.translation.last_line for item in cut_short):
        return None
    source_line = alignment.source[source_end - 1].line
    translated_line = alignment.translated[translated_end - 1].line
    if source_line is None or translated_line is None:
        return None
    lost = alignment.source[source_end:]
    heading = next((item for item in lost if item.key.startswith(HEADING)), None)
    table = _table_at(context.source, source_line)
    translated_table = _table_at(context.translation, translated_line)
    return _Cut(
        source_line,
        lost[0].line if lost else None,
        heading,
        _text_after(context.source, source_line),
        _text_after(context.translation, translated_line),
        _min_ratio(context.translation),
        frozenset(item.line for item in cut_short if item.line is not None),
        table.line if table is not None else None,
        table is not None
        and translated_table is not None
        and translated_table == context.translation.tables[-1]
        # One row fewer in a last table is a dropped row; more is a cut.
        and translated_table.rows + 1 < table.rows,
        context.translation.signs.cut_link is not None
        and context.translation.signs.cut_link == context.translation.last_line
        and bool(lost or _text_after(context.source, source_line)),
    )


def _table_at(document: Document, line: int) -> Table | None:
    """The table whose lines hold `line` (a table's rows follow its header line by line)."""
    return next(
        (
            table
            for table in document.tables
            if table.line is not None and table.line <= line <= table.line + table.rows + 1
        ),
        None,
    )


def _text_after(document: Document, line: int) -> int:
    return sum(
        len(paragraph.text) for paragraph in document.paragraphs if (paragraph.line or 0) > line
    )


def _lost_stretches(context: ContentContext, stale: str) -> Iterator[Finding | Claim]:
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
            # What lies between the two shared places: neither place's own line.
            f"{source_lines - 1} lines of the source (lines {source_from + 1}-{source_to - 1}"
            f"{section}) are {max(kept - 1, 0)} lines here: the translation skips them{stale}",
            source_line=begins,
        )
        if begins is not None:
            yield Claim(CONTENT_LOST, source_from=begins, source_to=source_to)
