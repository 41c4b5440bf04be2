"""The outline of a document (headings, code blocks, tables and links, in order) and the
alignment of a translation's outline with its source's.

Headings alone align badly (a run of level-2 headings looks the same everywhere); with the
links and code around them, the place where a translation parts from its source is found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from transync.checks.engine.align import Opcode, opcodes
from transync.checks.engine.per_source import per_source
from transync.document.model import Document

HEADING = "heading:"


class Item(NamedTuple):
    """One construct of an outline (a tuple: a page has hundreds, made for every pair)."""

    key: str
    label: str
    line: int | None


@dataclass(frozen=True)
class Alignment:
    source: Sequence[Item]
    translated: Sequence[Item]
    # difflib opcodes: (tag, source start, source end, translated start, translated end)
    opcodes: Sequence[Opcode]

    # (source line, translated line) of every paired item, in order: the places both share.
    paired: Sequence[tuple[int, int]] = field(default=())

    def translated_line(self, index: int) -> int | None:
        """The line of the translated item at `index`, or of the last one past the end."""
        if not self.translated:
            return None
        return self.translated[min(index, len(self.translated) - 1)].line

    def source_line_of(self, translated_line: int | None) -> int | None:
        """The source's line for a place in the translation: that of the nearest paired item
        at or before it; the source's top (line 1) when none precedes."""
        return _nearest(self.paired, translated_line, 1, 0, before_all=1)

    # The translation's last line of content.
    last_line: int | None = None

    def translated_line_of(self, source_line: int | None) -> int | None:
        """The translation's line for a place in the source: that of the nearest paired item
        at or before it; the translation's first construct when none precedes (its top holds
        co-op-translator's metadata, not content)."""
        first = self.translated[0].line if self.translated else None
        return _nearest(sorted(self.paired), source_line, 0, 1, before_all=first)

    def missing_at(self, source_line: int | None) -> int | None:
        """Where the translation lacks what a source line holds: after the nearest paired item
        at or before it, as many lines on as in the source (translators keep lines nearly one
        for one), short of the next paired item and of the translation's end."""
        pairs = sorted(self.paired)
        found = self.translated_line_of(source_line)
        if source_line is None or found is None or not pairs or source_line < pairs[0][0]:
            return found
        after = bisect_right([pair[0] for pair in pairs], source_line)
        source_before = pairs[after - 1][0]
        line = found + (source_line - source_before)
        if after < len(pairs) and pairs[after][1] > found:
            line = min(line, pairs[after][1] - 1)
        if self.last_line is not None:
            line = min(line, max(self.last_line, found))
        return line


def placed_by_others(alignment: Alignment, besides: str) -> Alignment:
    """The alignment with only the pairs of items of other kinds than `besides` (a prefix):
    its `missing_at` places an item (a heading) without taking its own, perhaps wrong,
    pairing for granted."""
    return Alignment(
        alignment.source,
        alignment.translated,
        alignment.opcodes,
        [
            (source.line, translated.line)
            for tag, first, last, start, _ in alignment.opcodes
            if tag == "equal"
            for source, translated in zip(
                alignment.source[first:last],
                alignment.translated[start : start + last - first],
                strict=True,
            )
            if not source.key.startswith(besides) and source.line and translated.line
        ],
        alignment.last_line,
    )


def _nearest(
    pairs: Sequence[tuple[int, int]],
    line: int | None,
    key: int,
    value: int,
    *,
    before_all: int | None,
) -> int | None:
    if not pairs:
        return None
    if line is None:
        return pairs[-1][value]
    found = bisect_right([pair[key] for pair in pairs], line)
    if found == 0:
        return before_all if before_all is not None else pairs[0][value]
    return pairs[found - 1][value]


def align(
    source_page: Document,
    source_keys: Sequence[str],
    translation: Document,
    translation_keys: Sequence[str],
) -> Alignment:
    """The outline of a translation (its links keyed by `translation_keys`, that pair with the
    source's `source_keys`) aligned with its source's."""
    source = _source_outline(source_page, tuple(source_keys))
    translated = outline(translation, translation_keys)
    found = opcodes([item.key for item in source], [item.key for item in translated])
    paired = [
        (source[first + offset].line, translated[start + offset].line)
        for tag, first, last, start, _ in found
        if tag == "equal"
        for offset in range(last - first)
    ]
    # In the translation's order (then the source's), as `source_line_of` bisects them.
    lines = sorted(((ours, theirs) for ours, theirs in paired if ours and theirs), key=_swapped)
    return Alignment(source, translated, found, lines, translation.last_line)


_swapped = itemgetter(1, 0)


@per_source
def _source_outline(source: Document, link_keys: tuple[str, ...]) -> list[Item]:
    return outline(source, link_keys)


def outline(document: Document, link_keys: Sequence[str]) -> list[Item]:
    items = [
        Item(f"{HEADING}{heading.level}", heading.text, heading.line)
        for heading in document.headings
    ]
    items += [Item(f"code:{block.info}", "", block.line) for block in document.code_blocks]
    items += [Item(f"table:{table.columns}", "", table.line) for table in document.tables]
    items += [
        Item(f"link:{key}", "", link.line)
        for link, key in zip(document.links, link_keys, strict=True)
    ]
    return sorted(items, key=lambda item: item.line or 0)


def counterparts(alignment: Alignment, prefix: str) -> Iterator[tuple[Item | None, Item | None]]:
    """(source item, translated item) for the items whose key starts with `prefix` (a kind:
    `table:`, `code:`, `heading:`), paired by their place in the outline: aligned items
    together, and within a stretch where the outlines differ, by their place in it (see
    `_by_place`); None on the side that has no counterpart there. In source order, a
    translated item without one after the source item it follows."""
    for tag, first, last, start, end in alignment.opcodes:
        ours = [item for item in alignment.source[first:last] if item.key.startswith(prefix)]
        theirs = [item for item in alignment.translated[start:end] if item.key.startswith(prefix)]
        if tag == "equal":
            yield from zip(ours, theirs, strict=True)
            continue
        bounds = (
            _line(alignment.source, first - 1),
            _line(alignment.source, last),
            _line(alignment.translated, start - 1),
            _line(alignment.translated, end),
        )
        paired = _by_place(ours, theirs, bounds)
        used = {id(item) for pair in paired for item in pair}
        yield from paired
        yield from ((item, None) for item in ours if id(item) not in used)
        yield from ((None, item) for item in theirs if id(item) not in used)


def _line(items: Sequence[Item], index: int) -> int | None:
    return items[index].line if 0 <= index < len(items) else None


# Pairing items of different keys (a level-2 heading with a level-3 one) costs this many lines.
_OTHER_KEY = 1000


def _by_place(
    ours: list[Item], theirs: list[Item], bounds: tuple[int | None, ...]
) -> list[tuple[Item, Item]]:
    """As many pairs as the shorter side has, in order, each item with the one at the same
    distance (in lines) from the stretch's start or from its end, whichever is nearer: what
    the translation dropped or added is the item that leaves the others where they were (a
    deleted section of three same-level headings is the middle one, not the last). Lines are
    kept nearly one for one by translators; ties keep the order."""
    source_start, source_end, translated_start, translated_end = bounds

    def cost(one: Item, other: Item) -> int:
        line, place = one.line or 0, other.line or 0
        gaps = [abs((place - (translated_start or 0)) - (line - (source_start or 0)))]
        if source_end is not None and translated_end is not None:
            gaps.append(abs((translated_end - place) - (source_end - line)))
        return min(gaps) + (_OTHER_KEY if one.key != other.key else 0)

    return pair_in_order(ours, theirs, cost)


def pair_in_order(
    ours: list[Item], theirs: list[Item], cost: Callable[[Item, Item], int]
) -> list[tuple[Item, Item]]:
    """As many (source, translated) pairs as the shorter side has, in order, of the least
    total `cost`; on a tie the later items stay unpaired."""
    if not ours or not theirs:
        return []
    flipped = len(ours) < len(theirs)
    longer, shorter = (theirs, ours) if flipped else (ours, theirs)

    def pair_cost(i: int, j: int) -> int:
        return cost(shorter[j], longer[i]) if flipped else cost(longer[i], shorter[j])

    # best[i][j]: the least cost of pairing shorter[:j] with j of longer[:i], in order.
    infinite = float("inf")
    best = [[infinite] * (len(shorter) + 1) for _ in range(len(longer) + 1)]
    best[0][0] = 0
    for i in range(1, len(longer) + 1):
        best[i][0] = 0
        for j in range(1, min(i, len(shorter)) + 1):
            best[i][j] = min(best[i - 1][j], best[i - 1][j - 1] + pair_cost(i - 1, j - 1))
    pairs: list[tuple[int, int]] = []
    i, j = len(longer), len(shorter)
    while j:
        if best[i - 1][j] != best[i][j]:  # on a tie the later item stays unpaired
            pairs.append((i - 1, j - 1))
            j -= 1
        i -= 1
    pairs.reverse()
    if flipped:
        return [(shorter[j], longer[i]) for i, j in pairs]
    return [(longer[i], shorter[j]) for i, j in pairs]
