"""Parsing Markdown and notebooks into `Document`s with markdown-it-py (CommonMark + GFM tables).

One `MarkdownIt` instance serves the whole process. What is not the author's content is left
out before parsing, keeping line numbers: co-op-translator's metadata comment and disclaimer,
and YAML front matter (recorded on its own, since CommonMark would read it as a heading).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token

from transync.document import (
    MAX_NESTING,
    CodeBlock,
    Document,
    FrontMatter,
    Heading,
    Link,
    Paragraph,
    Table,
)
from transync.document.lines import LineSigns, scan
from transync.document.slugs import Slugger, slug
from transync.text import decode

_DISCLAIMER = re.compile(
    r"<!-- CO-OP TRANSLATOR DISCLAIMER START -->.*?(?:<!-- CO-OP TRANSLATOR DISCLAIMER END -->|\Z)",
    re.S,
)
_METADATA = re.compile(r"<!--\s*CO_OP_TRANSLATOR_METADATA:.*?-->", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# The unmarked disclaimer co-op-translator appends after a final `---`: short, names the tool.
_THEMATIC_BREAK = re.compile(r"^[ \t]*(?:---|\*\*\*|___)[ \t]*$", re.M)
_DISCLAIMER_TAIL_CHARS = 3000
_TOOL_LINK = "github.com/azure/co-op-translator"
_FRONT_KEY = re.compile(r"^([A-Za-z0-9_][\w.-]*)\s*:")
_YAML_LINE = re.compile(r"^(?:[A-Za-z0-9_][\w.-]*\s*:(?:\s|$)|\s+\S|-\s|#)")
_HTML_ATTR = re.compile(
    r"<(a|img|source|area|link)\b([^>]*)>|<\w+\b[^>]*\bid\s*=\s*[\"']?([^\"'\s>]+)", re.I
)
_ATTR = re.compile(r"\b(href|src|id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.I)
_CUSTOM_ID = re.compile(r"\s*\{#([^\s}]+)\}\s*$")
_CJK = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# The characters at which a CommonMark inline rule other than text and line breaks may start
# (escape, code span, emphasis, link, image, autolink, HTML, entity): a run without any of
# them is plain text whatever its length.
_INLINE_MARKUP = re.compile(r"[\\`*_\[<&]")
_TRAILING_PUNCTUATION = ".,:;!?\"'*_~"

# From a 0-based line of the parsed text to the 1-based line of the file (None: unknown).
LineMap = Callable[[int], "int | None"]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The block parse only: `_Builder` runs the inline parser itself, and only on runs that
    hold markup, since most runs (table cells, headings, plain sentences) do not, and the
    inline parser was 40% of the time of a parse.

    markdown-it drops everything after a construct nested deeper than maxNesting (20 in the
    commonmark preset); 100 keeps real documents whole and stays far from Python's recursion
    limit, and a token at the limit marks the document as incomplete (`too_deep`)."""
    return (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable("table")
        .disable(["inline", "text_join"])
    )


def parse_file(data: bytes, path: str, *, translated: bool) -> Document:
    """Parse a document's bytes; notebooks are recognised by their `.ipynb` suffix."""
    if path.lower().endswith(".ipynb"):
        return parse_notebook(data, translated=translated)
    return parse_markdown(decode(data), translated=translated)


def parse_markdown(text: str, *, translated: bool = False) -> Document:
    builder = _Builder()
    builder.add(text, lambda line: line + 1, translated=translated)
    return builder.build(text.count("\n") + 1)


def parse_notebook(data: bytes, *, translated: bool = False) -> Document:
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
    builder = _Builder()
    for index, source, body in bodies:
        builder.add(
            body, _cell_lines(starts, index, isinstance(source, list)), translated=translated
        )
    return builder.build(text.count("\n") + 1)


def _cell_source_lines(text: str, count: int) -> list[int] | None:
    """The JSON line of each cell's `"source"` key, or None when the file is laid out otherwise."""
    cells = [match.start() for match in re.finditer(r'"cell_type"\s*:', text)]
    if len(cells) != count:
        return None
    lines = []
    for start in cells:
        found = re.compile(r'"source"\s*:').search(text, start)
        if found is None:
            return None
        lines.append(text.count("\n", 0, found.start()) + 1)
    return lines


def _cell_lines(starts: list[int] | None, index: int, listed: bool) -> LineMap:
    if starts is None:
        return lambda line: None
    first = starts[index]
    return (lambda line: first + 1 + line) if listed else (lambda line: first)


class _Builder:
    """Collects one document's structure across one text (or the cells of a notebook)."""

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
        self.signs: list[LineSigns] = []
        self.line_of: LineMap = lambda line: line + 1
        # The block parse's environment: reference definitions the inline parse resolves.
        self.env: dict[str, object] = {}

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
            cjk_chars=len(_CJK.findall(prose)),
            last_line=self.last_line if self.last_line is not None else lines,
            too_deep=self.too_deep,
            signs=LineSigns(
                unclosed_fence=next(
                    (found.unclosed_fence for found in self.signs if found.unclosed_fence), None
                ),
                lost_brackets=tuple(line for found in self.signs for line in found.lost_brackets),
                empty_links=tuple(line for found in self.signs for line in found.empty_links),
                placeholders=tuple(pair for found in self.signs for pair in found.placeholders),
            ),
        )

    def add(self, text: str, line_of: LineMap, *, translated: bool) -> None:
        text = _blank_out(text, _METADATA)
        if translated:
            text = _blank_out(text, _DISCLAIMER)
            text = _without_tail_disclaimer(text)
        text = self._front_matter(text, line_of)
        self.line_of = line_of
        self.signs.append(scan(text, line_of))
        self.env = {}
        tokens = _parser().parse(text, self.env)
        if self.too_deep is None:
            deepest = next((token for token in tokens if token.level >= MAX_NESTING - 1), None)
            if deepest is not None:
                self.too_deep = self._line(deepest.map) or line_of(0) or 1
        self._blocks(tokens)

    def _line(self, map_: Sequence[int] | None, offset: int = 0) -> int | None:
        return self.line_of(map_[0] + offset) if map_ else None

    def _front_matter(self, text: str, line_of: LineMap) -> str:
        """Record front matter and blank it out. Unclosed front matter is recognised only when
        the lines after the opening `---` all read as YAML up to a blank line, so that a
        document that merely starts with a thematic break keeps its content."""
        lines = text.split("\n")
        start = next((index for index, line in enumerate(lines) if line.strip()), None)
        if start is None or lines[start].rstrip() != "---" or self.front_matter is not None:
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

    def _blocks(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if token.map:
                self.last_line = self._line(token.map, max(token.map[1] - token.map[0] - 1, 0))
            if kind == "heading_open":
                self._heading(token, tokens[index + 1])
                index += 3
                continue
            if kind == "table_open":
                index = self._table(tokens, index)
                continue
            if kind in ("fence", "code_block"):
                self.code.append(
                    CodeBlock(self._line(token.map), token.info.strip(), token.content)
                )
            elif kind == "html_block":
                self._html(token.content, token.map, 0)
            elif kind == "inline":
                own: list[str] = []
                text = self._inline(token, own)
                if tokens[index - 1].type == "paragraph_open":
                    words = len(_WORD.findall("".join(own)))
                    self.paragraphs.append(Paragraph(self._line(token.map), text, words))
                self.prose.append(text)
            index += 1

    def _heading(self, opening: Token, inline: Token) -> None:
        text = self._inline(inline)
        self.prose.append(text)
        custom = _CUSTOM_ID.search(text)
        if custom:
            self.anchors.add(custom.group(1).lower())
            self.anchors.add(slug(text[: custom.start()]))
        anchor = self.slugger(text)
        self.anchors.add(anchor)
        self.headings.append(Heading(int(opening.tag[1]), text, self._line(opening.map)))

    def _table(self, tokens: list[Token], index: int) -> int:
        line = self._line(tokens[index].map)
        columns = rows = 0
        in_body = False
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tbody_open":
                in_body = True
            elif token.type == "th_open":
                columns += 1
            elif token.type == "tr_open" and in_body:
                rows += 1
            elif token.type == "inline":
                self.prose.append(self._inline(token))
            index += 1
        self.tables.append(Table(line, columns, rows))
        return index + 1

    def _inline(self, token: Token, own: list[str] | None = None) -> str:
        """Record the links of an inline run; return its visible text (as GitHub slugs it).
        `own` receives the text outside links and inline code."""
        if _INLINE_MARKUP.search(token.content) is None:
            return self._plain(token, own)
        line = 0
        text: list[str] = []
        in_link = 0
        for child in self._children(token):
            kind = child.type
            if kind in ("softbreak", "hardbreak"):
                line += 1
                text.append(" ")
            elif kind == "text":
                text.append(child.content)
                if not in_link:
                    self._bare_urls(child.content, token.map, line)
                    if own is not None:
                        own.append(child.content)
            elif kind == "code_inline":
                text.append(child.content)
            elif kind == "link_open":
                in_link += 1
                self._link(str(child.attrs.get("href", "")), token.map, line, image=False)
            elif kind == "link_close":
                in_link -= 1
            elif kind == "image":
                self._link(str(child.attrs.get("src", "")), token.map, line, image=True)
            elif kind == "html_inline":
                self._html(child.content, token.map, line)
                line += child.content.count("\n")
        return "".join(text)

    def _children(self, token: Token) -> list[Token]:
        """The inline parse of one run, as markdown-it's core `inline` and `text_join` rules
        would have made it."""
        parser = _parser()
        token.children = []
        parser.inline.parse(token.content, parser, self.env, token.children)
        text_join(StateCore("", parser, self.env, [token]))
        return token.children

    def _plain(self, token: Token, own: list[str] | None) -> str:
        """`_inline` for a run without markup, with the inline parser's result: a text per
        line, joined by breaks that drop the line's trailing spaces and the next one's
        indentation."""
        lines = token.content.split("\n")
        last = len(lines) - 1
        text: list[str] = []
        for offset, line in enumerate(lines):
            if offset:
                text.append(" ")
                line = line.lstrip(" \t")
            if offset < last:
                line = line.rstrip(" ")
            if line:
                text.append(line)
                self._bare_urls(line, token.map, offset)
                if own is not None:
                    own.append(line)
        return "".join(text)

    def _link(self, target: str, map_: Sequence[int] | None, offset: int, *, image: bool) -> None:
        if target:
            self.links.append(Link(target, self._line(map_, offset), image))

    def _bare_urls(self, text: str, map_: Sequence[int] | None, offset: int) -> None:
        for match in _BARE_URL.finditer(text):
            url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
            while url.endswith(")") and url.count(")") > url.count("("):
                url = url[:-1].rstrip(_TRAILING_PUNCTUATION)
            self._link(url, map_, offset, image=False)

    def _html(self, markup: str, map_: Sequence[int] | None, offset: int) -> None:
        if "<!--" in markup:  # most markup is a tag: no call per tag
            markup = _blank_out(markup, _COMMENT)
        for match in _HTML_ATTR.finditer(markup):
            line = offset + markup.count("\n", 0, match.start())
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
                    self._link(value.strip(), map_, line, image=tag != "a")


def _blank_out(text: str, pattern: re.Pattern[str]) -> str:
    """Remove what `pattern` matches but keep its line breaks, so later lines keep their number."""
    return pattern.sub(lambda match: "\n" * match.group(0).count("\n"), text)


def _without_tail_disclaimer(text: str) -> str:
    """Blank out the disclaimer paragraph co-op-translator appends (with or without a `---`
    above it): near the end, opening with a bold label, linking to co-op-translator."""
    found = text.lower().rfind(_TOOL_LINK, max(0, len(text) - _DISCLAIMER_TAIL_CHARS))
    if found < 0:
        return text
    start = text.rfind("\n\n", 0, found) + 1
    if not text[start:].lstrip().startswith(("**", "> **", "*", "_")):
        return text
    head = text[:start].rstrip("\n")
    line_start = head.rfind("\n") + 1
    if _THEMATIC_BREAK.fullmatch(head[line_start:]):
        start = line_start  # the `---` co-op-translator puts above it
    return text[:start] + "\n" * text.count("\n", start)
