"""The reference `Document` builder, on markdown-it-py (CommonMark + GFM tables).

transync parses with pulldown-cmark (`transync.document.pulldown`); this builder is kept as
the reference the tests hold it to (docs/checks.md lists where the two differ and why), and
needs markdown-it-py, which only the `test` extra installs. One `MarkdownIt` instance serves
the whole process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token

from transync.document import build
from transync.document.model import MAX_NESTING, Document

# The characters at which a CommonMark inline rule other than text and line breaks may start
# (escape, code span, emphasis, link, image, autolink, HTML, entity): a run without any of
# them is plain text whatever its length.
_INLINE_MARKUP = re.compile(r"[\\`*_\[<&]")


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
    return build.parse_file(data, path, _Builder, translated=translated)


def parse_markdown(text: str, *, translated: bool = False) -> Document:
    return build.parse_markdown(text, _Builder, translated=translated)


def parse_notebook(data: bytes, *, translated: bool = False) -> Document:
    return build.parse_notebook(data, _Builder, translated=translated)


class _Builder(build.Collector):
    def __init__(self) -> None:
        super().__init__()
        # The block parse's environment: reference definitions the inline parse resolves.
        self.env: dict[str, object] = {}

    def walk(self, text: str) -> None:
        self.env = {}
        tokens = _parser().parse(text, self.env)
        if self.too_deep is None:
            deepest = next((token for token in tokens if token.level >= MAX_NESTING - 1), None)
            if deepest is not None:
                self.too_deep = self.line(_first(deepest)) or self.line_of(0) or 1
        self._blocks(tokens)

    def _blocks(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if token.map:
                self.last_line = self.line(token.map[0] + max(token.map[1] - token.map[0] - 1, 0))
            if kind == "heading_open":
                self.add_heading(int(token.tag[1]), self._inline(tokens[index + 1]), _first(token))
                index += 3
                continue
            if kind == "table_open":
                index = self._table(tokens, index)
                continue
            if kind in ("fence", "code_block"):
                self.add_code(_first(token), token.info, token.content)
            elif kind == "html_block":
                self.add_html(token.content, _first(token))
            elif kind == "inline":
                own: list[str] = []
                text = self._inline(token, own)
                if tokens[index - 1].type == "paragraph_open":
                    self.add_paragraph(text, own, _first(token))
                else:
                    self.prose.append(text)
            index += 1

    def _table(self, tokens: list[Token], index: int) -> int:
        line = _first(tokens[index])
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
        self.add_table(line, columns, rows)
        return index + 1

    def _inline(self, token: Token, own: list[str] | None = None) -> str:
        """Record the links of an inline run; return its visible text (as GitHub slugs it).
        `own` receives the text outside links and inline code."""
        if _INLINE_MARKUP.search(token.content) is None:
            return self._plain(token, own)
        first = _first(token)
        line = 0
        text: list[str] = []
        in_link = 0
        for child in self._children(token):
            kind = child.type
            at = None if first is None else first + line
            if kind in ("softbreak", "hardbreak"):
                line += 1
                text.append(" ")
            elif kind == "text":
                text.append(child.content)
                if not in_link:
                    self.add_bare_urls(child.content, at)
                    if own is not None:
                        own.append(child.content)
            elif kind == "code_inline":
                text.append(child.content)
            elif kind == "link_open":
                in_link += 1
                self.add_link(str(child.attrs.get("href", "")), at, image=False)
            elif kind == "link_close":
                in_link -= 1
            elif kind == "image":
                self.add_link(str(child.attrs.get("src", "")), at, image=True)
            elif kind == "html_inline":
                self.add_html(child.content, at)
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
        first = _first(token)
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
                self.add_bare_urls(line, None if first is None else first + offset)
                if own is not None:
                    own.append(line)
        return "".join(text)


def _first(token: Token) -> int | None:
    """The 0-based first line of a block token (None for tokens without a position)."""
    return token.map[0] if token.map else None
