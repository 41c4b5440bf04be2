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
from typing import Any

import pyromark

from transync.document import MAX_NESTING, Document, build

_OPTIONS = pyromark.Options.ENABLE_TABLES
# A line opening more than MAX_NESTING containers (`> > > ...`, `- - > ...`). pulldown-cmark
# follows any depth, but in time that grows with the square of it (50,000 levels: 4 s), and
# no real document nests a hundred deep: such a file is not compared (`content-skipped`).
_OVER_NESTED = re.compile(
    rf"^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{{1,9}}[.)](?=[ \t]))){{{MAX_NESTING},}}", re.M
)
# Inline spans that only style their text.
_SPANS = frozenset({"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"})
_INLINE_TAGS = _SPANS | {"Link", "Image"}


def parse_file(data: bytes, path: str, *, translated: bool) -> Document:
    return build.parse_file(data, path, _Builder, translated=translated)


def parse_markdown(text: str, *, translated: bool = False) -> Document:
    return build.parse_markdown(text, _Builder, translated=translated)


def parse_notebook(data: bytes, *, translated: bool = False) -> Document:
    return build.parse_notebook(data, _Builder, translated=translated)


class _Run:
    """The inline content of one heading, paragraph or table cell as it streams by; `own`
    (paragraphs only) gathers the text outside links and inline code, whose words count."""

    __slots__ = ("end", "implicit", "line", "own", "text")

    def __init__(self, line: int, own: list[str] | None, *, implicit: bool = False) -> None:
        self.line = line
        self.text: list[str] = []
        self.own = own
        # A tight list item's text: a paragraph the events do not mark, ending at the next
        # block; `end` is the byte offset of its end so far.
        self.implicit = implicit
        self.end = 0


class _Builder(build.Collector):
    def walk(self, text: str) -> None:
        """One pass over the events. Most events are text: it is handled first and with the
        fewest steps, and lines are computed only for what is recorded (a file has ~1,000
        events and ~100 recorded lines)."""
        if self.too_deep is None:
            deep = _OVER_NESTED.search(text)
            if deep is not None:
                self.too_deep = self.line(text.count("\n", 0, deep.start())) or 1
                return
        # Ranges are UTF-8 byte offsets: their lines are found among the line ends' offsets.
        data = text.encode("utf-8", "surrogatepass")
        ends: list[int] = []
        found = data.find(b"\n")
        while found >= 0:
            ends.append(found)
            found = data.find(b"\n", found + 1)

        containers: list[str] = []  # the open block quotes, lists and items
        run: _Run | None = None  # the heading, paragraph or cell being read
        hidden = 0  # inside an image: its alt text is neither text nor links
        in_link = 0
        code: list[str] | None = None
        markup: list[str] | None = None
        info = ""
        block_at = heading_level = table_at = columns = rows = 0
        in_head = False
        last_block: tuple[int, int] | None = None  # the range of the last block begun
        cell = _Run(0, None)  # every table cell: its text goes straight to the prose
        cell.text = self.prose

        # Events are typed as a union of TypedDicts; the walk narrows them by their keys.
        events: Iterator[tuple[Any, Any]] = pyromark.events_with_range(
            text, options=_OPTIONS, merge_text=True
        )
        value: Any
        attributes: Any
        for event, span in events:
            if type(event) is not dict:  # "SoftBreak", "HardBreak", "Rule"
                if event == "Rule":
                    last_block = (span["start"], span["end"])
                elif run is not None:
                    if not hidden:
                        run.text.append(" ")
                    if run.implicit:
                        run.end = span["end"]
                elif containers and containers[-1] == "Item":
                    run = _Run(bisect_left(ends, span["start"]), [], implicit=True)
                    run.end = span["end"]
                    run.text.append(" ")
                continue
            value = event.get("Text")
            if value is not None:
                if code is not None:
                    code.append(value)
                    continue
                if run is None:
                    if not containers or containers[-1] != "Item":
                        continue
                    run = _Run(bisect_left(ends, span["start"]), [], implicit=True)
                if run.implicit:
                    run.end = span["end"]
                if hidden:
                    continue
                run.text.append(value)
                if not in_link:
                    if run.own is not None:
                        run.own.append(value)
                    if "://" in value:
                        self.add_bare_urls(value, bisect_left(ends, span["start"]))
                continue
            ((kind, value),) = event.items()
            if value == "TableCell":
                # A third of a course page's events: the short way. A cell's text counts as
                # prose (its line is not needed); no tight item's text is open in a table.
                if kind == "Start":
                    run = cell
                    columns += in_head
                else:
                    run = None
                continue
            if kind == "Start":
                tag, attributes = (value, None) if type(value) is str else _only(value)
                if tag in _INLINE_TAGS:
                    if run is None and containers and containers[-1] == "Item":
                        run = _Run(bisect_left(ends, span["start"]), [], implicit=True)
                    if run is not None and run.implicit:
                        run.end = span["end"]
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
                    continue
                if run is not None and run.implicit:
                    self._end_paragraph(run)  # a block after a tight item's text
                    last_block = (run.end - 1, run.end)
                    run = None
                last_block = (span["start"], span["end"])
                start = span["start"]
                if tag == "Paragraph":
                    run = _Run(bisect_left(ends, start), [])
                elif tag == "Heading":
                    run = _Run(bisect_left(ends, start), None)
                    heading_level = int(attributes["level"][1])
                elif tag == "CodeBlock":
                    code, block_at = [], bisect_left(ends, start)
                    info = attributes.get("Fenced", "") if isinstance(attributes, dict) else ""
                elif tag == "HtmlBlock":
                    markup, block_at = [], bisect_left(ends, start)
                elif tag == "Table":
                    table_at, columns, rows = bisect_left(ends, start), 0, 0
                elif tag == "TableHead":
                    in_head = True
                elif tag == "TableRow":
                    rows += 1
                else:
                    containers.append(tag)
            elif kind == "End":
                tag = value if type(value) is str else next(iter(value))
                if tag in _INLINE_TAGS:
                    if tag == "Link":
                        in_link -= 1
                    elif tag == "Image":
                        hidden -= 1
                    if run is not None and run.implicit:
                        run.end = span["end"]
                elif tag == "Paragraph":
                    if run is not None:
                        self._end_paragraph(run)
                    run = None
                elif tag == "Heading":
                    if run is not None:
                        self.add_heading(heading_level, "".join(run.text), run.line)
                    run = None
                elif tag == "TableHead":
                    in_head = False
                elif tag == "Table":
                    self.add_table(table_at, columns, rows)
                elif tag == "CodeBlock":
                    if code is not None:
                        self.add_code(block_at, info, "".join(code))
                    code = None
                elif tag == "HtmlBlock":
                    if markup is not None:
                        self.add_html("".join(markup), block_at)
                    markup = None
                elif tag != "TableRow":
                    if run is not None and run.implicit:
                        self._end_paragraph(run)  # the end of a tight item
                        last_block = (run.end - 1, run.end)
                        run = None
                    if containers:
                        containers.pop()
            elif kind == "Html":
                if markup is not None:
                    markup.append(value)
                else:
                    self.add_html(value, bisect_left(ends, span["start"]))
            elif kind == "InlineHtml" or kind == "Code":
                if run is None and containers and containers[-1] == "Item":
                    run = _Run(bisect_left(ends, span["start"]), [], implicit=True)
                if run is not None and run.implicit:
                    run.end = span["end"]
                if hidden:
                    continue
                if kind == "Code":
                    if run is not None:
                        run.text.append(value)
                else:
                    self.add_html(value, bisect_left(ends, span["start"]))
        if run is not None and run.implicit:
            self._end_paragraph(run)
            last_block = (run.end - 1, run.end)
        if last_block is not None:
            # The line of the last block's last character (a line end belongs to its line).
            start, end = last_block
            self.last_line = self.line(bisect_left(ends, max(end - 1, start)))

    def _end_paragraph(self, run: _Run) -> None:
        self.add_paragraph("".join(run.text), run.own or [], run.line)


def _only(value: dict[str, Any]) -> tuple[str, Any]:
    ((tag, attributes),) = value.items()
    return tag, attributes
