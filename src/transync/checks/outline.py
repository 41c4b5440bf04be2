"""The outline of a document (headings, code blocks, tables and links, in order) and the
alignment of a translation's outline with its source's.

Headings alone align badly (a run of level-2 headings looks the same everywhere); with the
links and code around them, the place where a translation parts from its source is found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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

    def translated_line(self, index: int) -> int | None:
        """The line of the translated item at `index`, or of the last one past the end."""
        if not self.translated:
            return None
        return self.translated[min(index, len(self.translated) - 1)].line


def align(context: ContentContext) -> Alignment:
    source = outline(context.source, context.source_keys)
    translated = outline(context.translation, context.translation_keys)
    return Alignment(
        source,
        translated,
        opcodes([item.key for item in source], [item.key for item in translated]),
    )


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
