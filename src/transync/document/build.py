"""What every parser's `Document` builder shares: the text it is given and what it records.

A parser module (`transync.document.pulldown`, and `tests/reference_markdown.py` as the
reference) walks its own syntax tree and reports headings, links, tables, code, paragraphs
and HTML to a `Collector`; everything that does not depend on the parser is here, so the two
builders cannot drift apart. What is not the author's content is left out before parsing,
keeping line numbers: co-op-translator's metadata comment and disclaimer, and YAML front
matter (recorded on its own, since CommonMark would read it as a heading).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from urllib.parse import quote

from transync.document.lines import LineSigns, scan
from transync.document.model import (
    CodeBlock,
    Document,
    FrontMatter,
    Heading,
    Link,
    Paragraph,
    Table,
)
from transync.document.slugs import Slugger, slug
from transync.document.tool_text import (
    COMMENT,
    DISCLAIMER,
    METADATA,
    blank_out,
    without_tail_disclaimer,
)
from transync.text import decode

_FRONT_KEY = re.compile(r"^([A-Za-z0-9_][\w.-]*)\s*:")
_YAML_LINE = re.compile(r"^(?:[A-Za-z0-9_][\w.-]*\s*:(?:\s|$)|\s+\S|-\s|#)")
# A tag's attributes stop at the next `<`: with `[^>]*`, each `<` of a run that is never
# closed was searched to the end of the markup.
_HTML_ATTR = re.compile(
    r"<(a|img|source|area|link)\b([^<>]*)>|<\w+\b[^<>]*\bid\s*=\s*[\"']?([^\"'\s>]+)", re.I
)
_ATTR = re.compile(r"\b(href|src|id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.I)
# No leading `\s*` and no `{` in the id: either made each start rescan the same run.
_CUSTOM_ID = re.compile(r"\{#([^\s{}]+)\}\s*$")
_CJK = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_TRAILING_PUNCTUATION = ".,:;!?\"'*_~"
# What a link destination keeps as written when normalised (CommonMark's reference renderer,
# markdown-it and GitHub's href): these characters and valid percent escapes.
_URL_KEPT = r"A-Za-z0-9;/?:@&=+$,\-_.!~*'()#"
# A character a destination does not keep as written (a valid escape is kept as well, and
# `_URL_TO_ENCODE` keeps it: one search finds what nearly every link lacks).
_URL_CHANGED = re.compile(rf"[^{_URL_KEPT}]")
_URL_TO_ENCODE = re.compile(rf"%[0-9A-Fa-f]{{2}}|[^{_URL_KEPT}]")
# The host of a web address (or of a protocol-relative `//host`, or an address after
# `mailto:`), whose non-ASCII labels are written in punycode.
_URL_HOST = re.compile(
    r"^((?:https?:)?//(?:[^/?#@]*@)?)([\w+.-]+)"
    # a `:` ends the host only before a port of digits, as markdown-it's mdurl reads it
    r"(?=[%/?;#<>\"`\s{}|\\^']|:\d*+(?:[/?#]|$)|$)"
)
_MAILTO_HOST = re.compile(r"^(mailto:[^@/?#]*@)([\w+.-]+)(?=[%/?;#<>\"`\s{}|\\^':]|$)")

# A notebook cell's keys, found in the JSON text to map its lines.
_CELL_TYPE = re.compile(r'"cell_type"\s*:')
_SOURCE = re.compile(r'"source"\s*:')

# From a 0-based line of the parsed text to the 1-based line of the file (None: unknown).
LineMap = Callable[[int], "int | None"]


class Collector:
    """Collects one document's structure across one text (or the cells of a notebook).

    A parser's builder subclasses it and implements `walk`, which parses one prepared text
    and calls the `add_*` methods with 0-based lines of that text."""

    def __init__(self) -> None:
        self.slugger = Slugger()
        self.headings: list[Heading] = []
        self.anchors: set[str] = set()
        self.links: list[Link] = []
        self.tables: list[Table] = []
        self.code: list[CodeBlock] = []
        self.paragraphs: list[Paragraph] = []
        self.front_matter: FrontMatter | None = None
        self.prose: list[str] = []
        self.last_line: int | None = None
        self.too_deep: int | None = None
        # What the line scan saw in each text (see `transync.document.lines`).
        self.signs: list[LineSigns] = []
        self.line_of: LineMap = lambda line: line + 1

    def walk(self, text: str) -> None:
        raise NotImplementedError

    def build(self, lines: int) -> Document:
        prose = "".join(self.prose)
        return Document(
            headings=tuple(self.headings),
            anchors=frozenset(self.anchors),
            links=tuple(self.links),
            tables=tuple(self.tables),
            code_blocks=tuple(self.code),
            front_matter=self.front_matter,
            paragraphs=tuple(self.paragraphs),
            prose_chars=len(prose),
            # (`isascii` reads a flag of the string: an ASCII text is not searched; `subn`
            # counts without a string per character found)
            cjk_chars=0 if prose.isascii() else _CJK.subn("", prose)[1],
            last_line=self.last_line if self.last_line is not None else lines,
            too_deep=self.too_deep,
            signs=self._signs(),
        )

    def _signs(self) -> LineSigns:
        """What the line scans of the texts found (a Markdown file's one scan is itself)."""
        if len(self.signs) == 1:
            return self.signs[0]
        return LineSigns(
            unclosed_fence=next(
                (found.unclosed_fence for found in self.signs if found.unclosed_fence), None
            ),
            lost_brackets=tuple(line for found in self.signs for line in found.lost_brackets),
            lost_targets=tuple(pair for found in self.signs for pair in found.lost_targets),
            empty_links=tuple(line for found in self.signs for line in found.empty_links),
            placeholders=tuple(pair for found in self.signs for pair in found.placeholders),
            blank_rows=tuple(line for found in self.signs for line in found.blank_rows),
            row_texts=tuple(pair for found in self.signs for pair in found.row_texts),
            cut_link=next(
                (found.cut_link for found in reversed(self.signs) if found.cut_link), None
            ),
        )

    def add(self, text: str, line_of: LineMap, *, translated: bool) -> None:
        text = blank_out(text, *METADATA)
        if translated:
            text = blank_out(text, *DISCLAIMER, unclosed_to_end=True)
            text = without_tail_disclaimer(text)
        text = self._front_matter(text, line_of)
        self.line_of = line_of
        self.signs.append(scan(text, line_of))
        self.walk(text)

    def line(self, line: int | None) -> int | None:
        return self.line_of(line) if line is not None else None

    def add_heading(self, level: int, text: str, line: int | None) -> None:
        self.prose.append(text)
        custom = _CUSTOM_ID.search(text)
        if custom:
            self.anchors.add(custom.group(1).lower())
            self.anchors.add(slug(text[: custom.start()].rstrip()))
        self.anchors.add(self.slugger(text))
        self.headings.append(Heading(level, text, self.line(line)))

    def add_paragraph(self, text: str, own: list[str], line: int | None) -> None:
        """A paragraph's visible text; `own` is its text outside links and inline code."""
        self.paragraphs.append(Paragraph(self.line(line), text, "".join(own)))
        self.prose.append(text)

    def add_table(self, line: int | None, columns: int, rows: int) -> None:
        self.tables.append(Table(self.line(line), columns, rows))

    def add_code(self, line: int | None, info: str, code: str) -> None:
        self.code.append(CodeBlock(self.line(line), info.strip(), code))

    def add_link(self, target: str, line: int | None, *, image: bool) -> None:
        if target:
            self.links.append(Link(target, self.line(line), image))

    def add_bare_urls(self, text: str, line: int | None) -> None:
        """The `http(s)://` addresses in plain text (GitHub links them too)."""
        if "://" not in text:
            return
        for match in _BARE_URL.finditer(text):
            url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
            while url.endswith(")") and url.count(")") > url.count("("):
                url = url[:-1].rstrip(_TRAILING_PUNCTUATION)
            self.add_link(url, line, image=False)

    def add_html(self, markup: str, line: int | None) -> None:
        """Links and anchors in HTML (`<a href>`, `<img src>`, `id=`, `<a name>`)."""
        if "<!--" in markup:  # most markup is a tag: no call per tag
            markup = blank_out(markup, *COMMENT)
        breaks = counted = 0  # the line ends before offset `counted`, counted on match by match
        for match in _HTML_ATTR.finditer(markup):
            breaks += markup.count("\n", counted, match.start())
            counted = match.start()
            at = None if line is None else line + breaks
            if match.group(3):
                self.anchors.add(match.group(3).lower())
                continue
            tag = match.group(1).lower()
            for attr in _ATTR.finditer(match.group(2)):
                name = attr.group(1).lower()
                value = next(group for group in attr.groups()[1:] if group is not None)
                value = html.unescape(value)
                if name == "id" or (name == "name" and tag == "a"):
                    self.anchors.add(value.lower())
                elif (name == "href" and tag in ("a", "area")) or (
                    name == "src" and tag in ("img", "source")
                ):
                    self.add_link(value.strip(), at, image=tag != "a")

    def _front_matter(self, text: str, line_of: LineMap) -> str:
        """Record front matter and blank it out. Unclosed front matter is recognised only when
        the lines after the opening `---` all read as YAML up to a blank line, so that a
        document that merely starts with a thematic break keeps its content."""
        if self.front_matter is not None or not text.lstrip().startswith("---"):
            return text  # the common case: no split of the whole text
        lines = text.split("\n")
        start = next((index for index, line in enumerate(lines) if line.strip()), None)
        if start is None or lines[start].rstrip() != "---":
            return text
        end = next(
            (
                index
                for index in range(start + 1, len(lines))
                if lines[index].rstrip() in ("---", "...")
            ),
            None,
        )
        closed = end is not None
        if end is None:
            end = next(
                (index for index in range(start + 1, len(lines)) if not lines[index].strip()),
                len(lines),
            )
            if end == start + 1 or not all(
                _YAML_LINE.match(line) for line in lines[start + 1 : end]
            ):
                return text  # a thematic break, not front matter
        keys = tuple(
            match.group(1) for line in lines[start + 1 : end] if (match := _FRONT_KEY.match(line))
        )
        self.front_matter = FrontMatter(line_of(start), closed, keys)
        stop = end + 1 if closed else end
        return "\n".join([""] * stop + lines[stop:])


def normalise_target(url: str) -> str:
    """A Markdown link's destination as the rendered page's href has it (and as findings and
    baselines have always named it): non-ASCII hosts in punycode, other characters outside
    URL syntax percent-encoded as UTF-8, existing escapes kept, surrounding spaces dropped."""
    if _URL_CHANGED.search(url) is None:
        return url  # nearly every link: nothing to do
    url = url.strip()
    host = _URL_HOST.match(url) or _MAILTO_HOST.match(url)
    if host is not None and not host.group(2).isascii():
        labels = [
            label if label.isascii() else "xn--" + label.encode("punycode").decode()
            for label in host.group(2).split(".")
        ]
        url = host.group(1) + ".".join(labels) + url[host.end() :]
    return _URL_TO_ENCODE.sub(_percent_encoded, url)


def _percent_encoded(match: re.Match[str]) -> str:
    found = match.group()
    if found.startswith("%") and len(found) == 3:
        return found
    if "\ud800" <= found <= "\udfff":
        found = "\ufffd"  # a lone surrogate (from a file that is not valid UTF-8)
    return quote(found, safe="")


def parse_file(data: bytes, path: str, builder: type[Collector], *, translated: bool) -> Document:
    """Parse a document's bytes; notebooks are recognised by their `.ipynb` suffix."""
    if path.lower().endswith(".ipynb"):
        return parse_notebook(data, builder, translated=translated)
    return parse_markdown(decode(data), builder, translated=translated)


def parse_markdown(text: str, builder: type[Collector], *, translated: bool = False) -> Document:
    collector = builder()
    collector.add(text, lambda line: line + 1, translated=translated)
    return collector.build(text.count("\n") + 1)


def parse_notebook(data: bytes, builder: type[Collector], *, translated: bool = False) -> Document:
    """A notebook's Markdown cells, each parsed on its own (as Jupyter renders them), with
    lines mapped back to the JSON file when its layout allows (one source line per JSON line)."""
    try:
        text = decode(data)
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return Document()
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return Document()
    starts = _cell_source_lines(text, len(cells))
    markdown = [
        (index, cell.get("source", ""))
        for index, cell in enumerate(cells)
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown"
    ]
    bodies = [
        (index, source, "".join(map(str, source)) if isinstance(source, list) else str(source))
        for index, source in markdown
    ]
    if translated and bodies and "co-op-translator" in bodies[-1][2].lower():
        bodies.pop()  # the disclaimer cell co-op-translator appends
    collector = builder()
    for index, source, body in bodies:
        collector.add(
            body, _cell_lines(starts, index, isinstance(source, list)), translated=translated
        )
    return collector.build(text.count("\n") + 1)


def _cell_source_lines(text: str, count: int) -> list[int] | None:
    """The JSON line of each cell's `"source"` key, or None when the file is laid out otherwise.
    Lines are counted on from the last key found (they come in order): counting from the top
    for each cell made a notebook cost the square of its length."""
    cells = [match.start() for match in _CELL_TYPE.finditer(text)]
    if len(cells) != count:
        return None
    lines = []
    line = counted = 0  # the 0-based line of offset `counted`
    for start in cells:
        found = _SOURCE.search(text, start)
        if found is None:
            return None
        line += text.count("\n", counted, found.start())
        counted = found.start()
        lines.append(line + 1)
    return lines


def _cell_lines(starts: list[int] | None, index: int, listed: bool) -> LineMap:
    if starts is None:
        return lambda line: None
    first = starts[index]
    return (lambda line: first + 1 + line) if listed else (lambda line: first)
