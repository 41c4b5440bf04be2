"""The `Document` builder transync parses with: pulldown-cmark (through pyromark).

pulldown-cmark is a pull parser in Rust: it yields start, end and text events, each with the
byte range of the source it came from, inline events included, so every link gets the exact
line it is written on. It parses CommonMark with GFM tables (the same dialect as the
reference builder, `transync.document.markdown`) about ten times faster than markdown-it-py.
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

    __slots__ = ("implicit", "last", "line", "own", "text")

    def __init__(self, line: int, own: list[str] | None, *, implicit: bool = False) -> None:
        self.line = line
        self.text: list[str] = []
        self.own = own
        # A tight list item's text: a paragraph the events do not mark, ending at the next
        # block; `last` is the 0-based line of its last character so far.
        self.implicit = implicit
        self.last = line


class _Builder(build.Collector):
    def walk(self, text: str) -> None:
        if self.too_deep is None:
            deep = _OVER_NESTED.search(text)
            if deep is not None:
                self.too_deep = self.line(text.count("\n", 0, deep.start())) or 1
                return
        data = text.encode("utf-8", "surrogatepass")
        # Byte offsets of line ends: a range's line is found by bisection (most files are
        # ASCII or nearly, but a UTF-8 offset is not a character offset in general).
        ends = [match.start() for match in re.finditer(b"\n", data)]

        def line(offset: int) -> int:
            return bisect_left(ends, offset)

        def last(start: int, end: int) -> int:
            """The line of a range's last character (a line end belongs to its line)."""
            return line(max(end - 1, start))

        containers: list[str] = []  # the open block quotes, lists and items
        run: _Run | None = None  # the heading, paragraph or cell being read
        pending: list[str] = []  # consecutive text outside links, searched for bare URLs
        pending_at = 0
        hidden = 0  # inside an image: its alt text is neither text nor links
        in_link = 0
        code: list[str] | None = None
        markup: list[str] | None = None
        info = ""
        block_at = heading_level = table_at = columns = rows = 0
        in_head = False

        def end_paragraph(run: _Run) -> None:
            if run.implicit:
                self.last_line = self.line(run.last)
            self.add_paragraph("".join(run.text), run.own or [], run.line)

        # Events are typed as a union of TypedDicts; the walk narrows them by their keys.
        events: Iterator[tuple[Any, Any]] = pyromark.events_with_range(text, options=_OPTIONS)
        kind: str
        value: Any
        attributes: Any
        for event, span in events:
            start = span["start"]
            if pending and not (type(event) is dict and "Text" in event):
                self.add_bare_urls("".join(pending), line(pending_at))
                pending = []
            if type(event) is str:  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    self.last_line = self.line(last(start, span["end"]))
                    continue
                kind, value, tag, attributes = event, None, "", None
            else:
                ((kind, value),) = event.items()
                tag, attributes = "", None
                if kind == "Start":
                    tag, attributes = (value, None) if type(value) is str else _only(value)
                elif kind == "End":
                    tag = value if type(value) is str else next(iter(value))
            if code is not None and kind == "Text":
                code.append(value)
                continue
            inline = tag in _INLINE_TAGS if tag else kind != "Html"
            if inline and run is None and containers[-1:] == ["Item"]:
                run = _Run(line(start), [], implicit=True)  # a tight list item's text
            if run is not None and run.implicit:
                if inline:
                    run.last = last(start, span["end"])
                elif kind == "Start" or tag == "Item":
                    end_paragraph(run)  # a block after a tight item's text, or its end
                    run = None
            if kind == "Text" or kind == "Code":
                if run is None or hidden:
                    continue
                run.text.append(value)
                if kind == "Text" and not in_link:
                    if not pending:
                        pending_at = start
                    pending.append(value)
                    if run.own is not None:
                        run.own.append(value)
            elif kind == "SoftBreak" or kind == "HardBreak":
                if run is not None and not hidden:
                    run.text.append(" ")
            elif kind == "InlineHtml":
                if not hidden:
                    self.add_html(value, line(start))
            elif kind == "Html":
                if markup is not None:
                    markup.append(value)
                else:
                    self.add_html(value, line(start))
            elif kind == "Start":
                if tag == "Link" or tag == "Image":
                    if not hidden:
                        target = attributes["dest_url"]
                        if attributes["link_type"] == "Email":
                            target = "mailto:" + target
                        self.add_link(
                            build.normalise_target(target), line(start), image=tag == "Image"
                        )
                    if tag == "Image":
                        hidden += 1
                    else:
                        in_link += 1
                    continue
                if tag in _SPANS:
                    continue
                self.last_line = self.line(last(start, span["end"]))
                if tag == "Paragraph":
                    run = _Run(line(start), [])
                elif tag == "Heading":
                    run = _Run(line(start), None)
                    heading_level = int(attributes["level"][1])
                elif tag == "TableCell":
                    run = _Run(line(start), None)
                    columns += in_head
                elif tag == "CodeBlock":
                    code, block_at = [], line(start)
                    info = attributes.get("Fenced", "") if isinstance(attributes, dict) else ""
                elif tag == "HtmlBlock":
                    markup, block_at = [], line(start)
                elif tag == "Table":
                    table_at, columns, rows = line(start), 0, 0
                elif tag == "TableHead":
                    in_head = True
                elif tag == "TableRow":
                    rows += 1
                else:
                    containers.append(tag)
            elif kind == "End":
                if tag == "Link":
                    in_link -= 1
                elif tag == "Image":
                    hidden -= 1
                elif tag == "Paragraph":
                    if run is not None:
                        end_paragraph(run)
                    run = None
                elif tag == "Heading":
                    if run is not None:
                        self.add_heading(heading_level, "".join(run.text), run.line)
                    run = None
                elif tag == "TableCell":
                    if run is not None:
                        self.prose.append("".join(run.text))
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
                elif tag not in _SPANS and tag != "TableRow" and containers:
                    containers.pop()
        if pending:
            self.add_bare_urls("".join(pending), line(pending_at))
        if run is not None and run.implicit:
            end_paragraph(run)


def _only(value: dict[str, Any]) -> tuple[str, Any]:
    ((tag, attributes),) = value.items()
    return tag, attributes
