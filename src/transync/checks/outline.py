"""The outline of a document (headings, code blocks, tables and links, in order) and the
alignment of a translation's outline with its source's.

Headings alone align badly (a run of level-2 headings looks the same everywhere); with the
links and code around them, the place where a translation parts from its source is found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transync.checks.align import Opcode, opcodes
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
        at or before it; the translation's first construct when none precedes (its top holds
        co-op-translator's metadata, not content)."""
        first = self.translated[0].line if self.translated else None
        return _nearest(sorted(self.paired), source_line, 0, 1, before_all=first)


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
    found = opcodes([item.key for item in source], [item.key for item in translated])
    paired = [
        (source[first + offset].line, translated[start + offset].line)
        for tag, first, last, start, _ in found
        if tag == "equal"
        for offset in range(last - first)
    ]
    lines = sorted((ours, theirs) for theirs, ours in paired if ours and theirs)
    return Alignment(source, translated, found, [(theirs, ours) for ours, theirs in lines])


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
