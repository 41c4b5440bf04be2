"""The `Document` builder transync parses with: pulldown-cmark (through pyromark).

pulldown-cmark is a pull parser in Rust: it yields start, end and text events, each with the
byte range of the source it came from, inline events included, so every link gets the exact
line it is written on. It parses CommonMark with GFM tables (the same dialect as the
reference builder, `tests/reference_markdown.py`) about ten times faster than markdown-it-py.
Imported only when content is checked: `transync --help` and `status` never load it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain
from typing import Any

import pyromark

from transync.document import build
from transync.document.model import MAX_NESTING, Document

_OPTIONS = pyromark.Options.ENABLE_TABLES
# A line opening more than MAX_NESTING containers (`> > > ...`, `- - > ...`). pulldown-cmark
# follows any depth, but in time that grows with the square of it (50,000 levels: 4 s), and
# no real document nests a hundred deep: such a file is not compared (`content-skipped`).
# Searched after a line end (the text is given one in front): a literal first character is
# found by a fast scan, where `^` in multi-line mode was tried at every character.
_OVER_NESTED = re.compile(
    rf"\n(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{{1,9}}[.)](?=[ \t]))){{{MAX_NESTING},}}"
)
_LINE_END = re.compile(b"\n")
# Inline spans that only style their text.
_SPANS = frozenset({"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"})
_INLINE_TAGS = _SPANS | {"Link", "Image"}


def parse_file(data: bytes, path: str, *, translated: bool) -> Document:
    return build.parse_file(data, path, _Builder, translated=translated)


def parse_markdown(text: str, *, translated: bool = False) -> Document:
    return build.parse_markdown(text, _Builder, translated=translated)


def parse_notebook(data: bytes, *, translated: bool = False) -> Document:
    return build.parse_notebook(data, _Builder, translated=translated)


# A table's own events, told apart by comparing them whole (a third of a course page's events
# are table cells).
_CELL_START = {"Start": "TableCell"}
_CELL_END = {"End": "TableCell"}
_ROW_END = {"End": "TableRow"}
_ROW_START = {"Start": "TableRow"}
_HEAD_START = {"Start": "TableHead"}
_HEAD_END = {"End": "TableHead"}
_TABLE_END = {"End": "Table"}

Events = Iterator[tuple[Any, Any]]


class _Builder(build.Collector):
    def walk(self, text: str) -> None:
        """One pass over the events, each kind of block read by a loop of its own (a paragraph's
        inline events by `_inline`, a table's rows by `_table`), so that each event is told
        apart with the fewest steps; lines are computed only for what is recorded (a file has
        ~1,000 events and ~100 recorded lines)."""
        if self.too_deep is None:
            deep = _OVER_NESTED.search("\n" + text)
            if deep is not None:  # (its start in the text given is its line's in `text`)
                self.too_deep = self.line(text.count("\n", 0, deep.start())) or 1
                return
        # Ranges are UTF-8 byte offsets: their lines are found among the line ends' offsets.
        ends = [end.start() for end in _LINE_END.finditer(text.encode("utf-8", "surrogatepass"))]

        containers: list[str] = []  # the open block quotes, lists and items
        # A tight list item's text: a paragraph the events do not mark, running to the next
        # block (None: no such text is open); its line, its text, its own text, its end.
        item: list[str] | None = None
        item_own: list[str] = []
        item_line = item_end = 0
        markup: list[str] | None = None
        block_at = 0
        last_block: Any = None  # the range of the last block begun

        events: Events = pyromark.events_with_range(text, options=_OPTIONS, merge_text=True)
        for event, span in events:
            kind, tag, attributes = _shape(event)
            if kind == "inline":
                # Outside a paragraph, heading or cell: a tight item's text, or else (the
                # indent before an HTML block) text that is not prose, whose links still count.
                if item is None and containers and containers[-1] == "Item":
                    item, item_own, item_line = [], [], bisect_left(ends, span["start"])
                event, span, last = self._inline(
                    chain(((event, span),), events),
                    ends,
                    item if item is not None else [],
                    item_own if item is not None else None,
                    in_link=item is None,
                )
                if item is not None:
                    item_end = last["end"]
                if event is None:
                    break
                kind, tag, attributes = _shape(event)
            if kind == "Start":
                if item is not None:
                    self.add_paragraph("".join(item), item_own, item_line)  # a block after it
                    item = None
                last_block = span
                if tag == "Paragraph":
                    words: list[str] = []
                    own: list[str] = []
                    self._inline(events, ends, words, own)
                    self.add_paragraph("".join(words), own, bisect_left(ends, span["start"]))
                elif tag == "Heading":
                    words = []
                    self._inline(events, ends, words, None)
                    line = bisect_left(ends, span["start"])
                    self.add_heading(int(attributes["level"][1]), "".join(words), line)
                elif tag == "Table":
                    columns, rows, last_row = self._table(events, ends)
                    self.add_table(bisect_left(ends, span["start"]), columns, rows)
                    if last_row is not None:
                        last_block = last_row
                elif tag == "CodeBlock":
                    code = []
                    for event, _ in events:  # its text, up to its end
                        if type(event) is not dict or "Text" not in event:
                            break
                        code.append(event["Text"])
                    info = attributes.get("Fenced", "") if isinstance(attributes, dict) else ""
                    self.add_code(bisect_left(ends, span["start"]), info, "".join(code))
                elif tag == "HtmlBlock":
                    markup, block_at = [], bisect_left(ends, span["start"])
                else:
                    containers.append(tag)
            elif kind == "End":
                if tag == "HtmlBlock":
                    if markup is not None:
                        self.add_html("".join(markup), block_at)
                    markup = None
                else:  # a block quote, list or item
                    if item is not None:
                        self.add_paragraph("".join(item), item_own, item_line)  # its end
                        last_block, item = {"start": item_end - 1, "end": item_end}, None
                    if containers:
                        containers.pop()
            elif kind == "Html":
                if markup is not None:
                    markup.append(tag)
                else:
                    self.add_html(tag, bisect_left(ends, span["start"]))
            elif kind == "Rule":
                last_block = span
        if item is not None:
            self.add_paragraph("".join(item), item_own, item_line)
            last_block = {"start": item_end - 1, "end": item_end}
        if last_block is not None:
            # The line of the last block's last character (a line end belongs to its line).
            start, end = last_block["start"], last_block["end"]
            self.last_line = self.line(bisect_left(ends, max(end - 1, start)))

    def _inline(
        self,
        events: Events,
        ends: list[int],
        text: list[str],
        own: list[str] | None,
        *,
        in_link: int = 0,
    ) -> tuple[Any, Any, Any]:
        """Read one run of inline events: visible text into `text`, the text outside links
        and inline code into `own`, links and bare addresses recorded. Returns the first event
        that is not inline (None at the end of the events) with its range, and the range of
        the last inline event. With `in_link`, text is read as link text (no bare address)."""
        hidden = 0  # inside an image: its alt text is neither text nor links
        last = None
        attributes: Any
        for event, span in events:
            # Text first, with one test that a string event (a break: no "Text" in its name)
            # passes too.
            if "Text" in event:
                last = span
                if not hidden:
                    value = event["Text"]
                    text.append(value)
                    if not in_link:
                        if own is not None:
                            own.append(value)
                        if "://" in value:
                            self.add_bare_urls(value, bisect_left(ends, span["start"]))
                continue
            if type(event) is dict:
                ((kind, value),) = event.items()
                if kind == "Start":
                    if type(value) is str:
                        tag, attributes = value, None
                    else:
                        ((tag, attributes),) = value.items()
                    if tag not in _INLINE_TAGS:
                        return event, span, last
                    if tag == "Link" or tag == "Image":
                        if not hidden:
                            target = attributes["dest_url"]
                            if attributes["link_type"] == "Email":
                                target = "mailto:" + target
                            self.add_link(
                                build.normalise_target(target),
                                bisect_left(ends, span["start"]),
                                image=tag == "Image",
                            )
                        if tag == "Image":
                            hidden += 1
                        else:
                            in_link += 1
                elif kind == "End":
                    tag = value if type(value) is str else next(iter(value))
                    if tag not in _INLINE_TAGS:
                        return event, span, last
                    if tag == "Link":
                        in_link -= 1
                    elif tag == "Image":
                        hidden -= 1
                elif kind == "Code":
                    if not hidden:
                        text.append(value)
                elif kind == "InlineHtml":
                    if not hidden:
                        self.add_html(value, bisect_left(ends, span["start"]))
                else:
                    return event, span, last
            elif event == "SoftBreak" or event == "HardBreak":
                if not hidden:
                    text.append(" ")
            else:
                return event, span, last
            last = span
        return None, None, last

    def _table(self, events: Events, ends: list[int]) -> tuple[int, int, Any]:
        """Read a table's events up to its end, its cells' text into the prose (their lines are
        not needed). Returns its columns, its rows and the range of its last row. Most cells
        hold one text event, read here; a cell's other inline events are read by `_inline`."""
        columns = rows = 0
        head = False
        last = None
        prose = self.prose
        for event, span in events:
            if "Text" in event:  # (no event in a table is a string, in which this would look)
                value = event["Text"]
                prose.append(value)
                if "://" in value:
                    self.add_bare_urls(value, bisect_left(ends, span["start"]))
            elif event == _CELL_END:
                continue
            elif event == _CELL_START:
                columns += head
            elif event == _ROW_START:
                rows += 1
                last = span
            elif event == _ROW_END:
                continue
            elif event == _HEAD_START:
                head, last = True, span
            elif event == _HEAD_END:
                head = False
            elif event == _TABLE_END:
                break
            else:  # the cell's other inline events, up to its end
                self._inline(chain(((event, span),), events), ends, prose, None)
        return columns, rows, last


def _shape(event: Any) -> tuple[str, str, Any]:
    """What a block-level event is: ("Start" or "End", its tag, its attributes), ("Html",
    the markup, None), ("Rule", "", None), or ("inline", "", None)."""
    if type(event) is not dict:
        return ("Rule", "", None) if event == "Rule" else ("inline", "", None)
    ((kind, value),) = event.items()
    if kind == "Start" or kind == "End":
        if type(value) is str:
            tag, attributes = value, None
        else:
            ((tag, attributes),) = value.items()
        return ("inline", "", None) if tag in _INLINE_TAGS else (kind, tag, attributes)
    if kind == "Html":
        return kind, value, None
    return "inline", "", None
