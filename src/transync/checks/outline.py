"""The outline of a document (headings, code blocks, tables and links, in order) and the
alignment of a translation's outline with its source's.

Headings alone align badly (a run of level-2 headings looks the same everywhere); with the
links and code around them, the place where a translation parts from its source is found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transync.align import Opcode, opcodes
from transync.checks.context import ContentContext
from transync.document import Document

HEADING = "heading:"


@dataclass(frozen=True)
class Item:
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

    def translated_line_of(self, source_line: int | None) -> int | None:
        """The translation's line for a place in the source: that of the nearest paired item
        at or before it; the first paired item's when none precedes (the translation's top
        holds co-op-translator's metadata, not content)."""
        return _nearest(sorted(self.paired), source_line, 0, 1, before_all=None)


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


def align(context: ContentContext) -> Alignment:
    source = outline(context.source, context.source_keys)
    translated = outline(context.translation, context.translation_keys)
    found = _slid(
        source,
        translated,
        opcodes([item.key for item in source], [item.key for item in translated]),
    )
    paired = [
        (source[first + offset].line, translated[start + offset].line)
        for tag, first, last, start, _ in found
        if tag == "equal"
        for offset in range(last - first)
    ]
    lines = sorted((ours, theirs) for theirs, ours in paired if ours and theirs)
    return Alignment(source, translated, found, [(theirs, ours) for ours, theirs in lines])


def _slid(source: Sequence[Item], translated: Sequence[Item], found: list[Opcode]) -> list[Opcode]:
    """The alignment with each gap slid to where the lines agree best.

    A gap next to items of the same key can be placed on either side of them (a section of
    headings without other content: which '## ...' was dropped?), and difflib's choice is
    arbitrary. Translations keep their source's lines nearly one for one, and a heading goes
    with what follows it, so of the equivalent places, the one whose pairs keep the line
    offset of the pair after the gap is taken. (Sliding right by the offset of the pair
    before the gap undoes this on dropped sections: not done.)"""
    pairs = [
        (first + offset, start + offset)
        for tag, first, last, start, _ in found
        if tag == "equal"
        for offset in range(last - first)
    ]
    return _opcodes(_slid_left(source, translated, pairs), len(source), len(translated))


def _slid_left(
    source: Sequence[Item], translated: Sequence[Item], pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Each one-sided gap slid left over the run of pairs before it, while the item at the
    gap's far end has the same key and keeps the line offset of the pair after the gap better."""
    pairs = list(pairs)
    for index in range(len(pairs) - 1, 0, -1):
        (one, two), (after_one, after_two) = pairs[index - 1], pairs[index]
        if (after_one - one > 1) == (after_two - two > 1):
            continue  # no gap, or a gap on both sides (a replacement): nothing to slide
        offset = _offset(source[after_one], translated[after_two])
        original = pairs[index - 1]
        moved = index - 1
        while moved >= 0:
            one, two = pairs[moved]
            if moved < index - 1 and (one + 1, two + 1) != original:
                break  # another gap: the run ends
            original = (one, two)
            if after_one - one > 1:
                other = (after_one - 1 - (index - 1 - moved), two)
            else:
                other = (one, after_two - 1 - (index - 1 - moved))
            if source[other[0]].key != translated[other[1]].key:
                break
            if _cost(source[other[0]], translated[other[1]], offset) >= _cost(
                source[one], translated[two], offset
            ):
                break
            pairs[moved] = other
            moved -= 1
    return pairs


def _offset(source: Item, translated: Item) -> int:
    return (source.line or 0) - (translated.line or 0)


def _cost(source: Item, translated: Item, offset: int) -> int:
    return abs(_offset(source, translated) - offset)


def _opcodes(pairs: list[tuple[int, int]], sources: int, translations: int) -> list[Opcode]:
    found: list[Opcode] = []
    one = two = 0
    for first, start in [*pairs, (sources, translations)]:
        if first > one or start > two:
            tag = (
                "replace" if first > one and start > two else "delete" if first > one else "insert"
            )
            found.append((tag, one, first, two, start))
        if first < sources:
            if (
                found
                and found[-1][0] == "equal"
                and found[-1][2] == first
                and found[-1][4] == start
            ):
                _, begin, _, begin_two, _ = found[-1]
                found[-1] = ("equal", begin, first + 1, begin_two, start + 1)
            else:
                found.append(("equal", first, first + 1, start, start + 1))
        one, two = first + 1, start + 1
    return found


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
    together, and within a stretch where the outlines differ, in order; None on the side that
    has no counterpart there. In source order, a translated item without one after the source
    item it follows."""
    for tag, first, last, start, end in alignment.opcodes:
        ours = [item for item in alignment.source[first:last] if item.key.startswith(prefix)]
        theirs = [item for item in alignment.translated[start:end] if item.key.startswith(prefix)]
        if tag == "equal":
            yield from zip(ours, theirs, strict=True)
            continue
        common = min(len(ours), len(theirs))
        yield from zip(ours[:common], theirs[:common], strict=True)
        yield from ((item, None) for item in ours[common:])
        yield from ((None, item) for item in theirs[common:])
