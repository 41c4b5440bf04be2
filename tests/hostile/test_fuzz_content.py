"""The content parsers and checks survive any document (property-based): Markdown structure,
notebooks, link targets and slugs never raise, whatever a translation holds."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.strategies import any_text, json_values
from tests.reference_markdown import parse_file, parse_markdown
from transync.checks.engine.context import ContentContext
from transync.checks.engine.precedence import Claim
from transync.checks.engine.targets import TargetKind, resolve, tracking_marks, web_key
from transync.checks.registry import CONTENT_CHECKS
from transync.discover import DEFAULT_LAYOUTS
from transync.document.model import Document
from transync.document.slugs import Slugger, normalise_fragment, slug
from transync.model import Finding
from transync.text import BinaryContent

# Pieces of Markdown that open, close and nest constructs, plus URLs urllib cannot split.
PIECES = [
    "# ",
    "## ",
    "\n",
    "\n\n",
    "\r\n",
    "- ",
    "  - ",
    "1. ",
    "> ",
    "    ",
    "\t",
    "`",
    "```",
    "~~~",
    "---\n",
    "***",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "</a>",
    '<a href="',
    '<img src="',
    '">',
    "<!--",
    "-->",
    "| a | b |\n",
    "| --- | --- |\n",
    "|",
    "[^1]",
    "[r]: ",
    "http://[x",
    "https://[::1",
    "//host",
    "mailto:",
    "../",
    "/",
    "#",
    "?",
    "&",
    "%",
    "%E0%A4",
    "WT.mc_id=1",
    "/en-us/",
    "docs/page.md",
    "README.md#intro",
    "\\",
    "\x00",
    "<lang>",
    "日本語",
    "CO-OP TRANSLATOR DISCLAIMER START",
    "co-op-translator",
]
markdown_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join)
urls = st.lists(st.sampled_from(PIECES[-20:]) | st.text(max_size=6), max_size=8).map("".join)


class _Nothing:
    """A repository in which no link target exists."""

    def exists(self, path: str) -> bool:
        return False

    def anchors(self, path: str) -> frozenset[str] | None:
        return None


@given(markdown_text)
def test_markdown_structure_survives_any_text(text: str) -> None:
    document = parse_markdown(text, translated=True)
    assert isinstance(document, Document)
    last = document.last_line or 0
    for item in (*document.headings, *document.links, *document.tables, *document.code_blocks):
        assert item.line is None or 1 <= item.line <= max(last, 1)


@given(st.binary(max_size=200), st.sampled_from(["x.md", "x.ipynb"]))
def test_parse_file_survives_any_bytes(data: bytes, path: str) -> None:
    try:
        assert isinstance(parse_file(data, path, translated=True), Document)
    except BinaryContent:
        assert b"\x00" in data


@given(json_values, markdown_text)
def test_notebooks_of_any_shape_parse(cells: object, text: str) -> None:
    for notebook in (
        {"cells": cells},
        {"cells": [{"cell_type": "markdown", "source": text}, cells]},
        {"cells": [{"cell_type": "markdown", "source": [text, cells]}]},
        cells,
    ):
        parse_file(json.dumps(notebook).encode(), "x.ipynb", translated=False)


@given(markdown_text, markdown_text)
def test_every_content_check_survives_any_pair_of_documents(source: str, translation: str) -> None:
    context = ContentContext(
        language="ja",
        source_path="docs/guide.md",
        translation_path="translations/ja/docs/guide.md",
        source=parse_markdown(source),
        translation=parse_markdown(translation, translated=True),
        repository=_Nothing(),
        layouts=DEFAULT_LAYOUTS,
    )
    for check in CONTENT_CHECKS.values():
        assert all(isinstance(found, Finding | Claim) for found in check(context))


@given(urls | any_text, st.sampled_from(["README.md", "docs/a/b.md", "translations/ja/x.md"]))
def test_link_targets_resolve_or_compare_as_written(raw: str, document: str) -> None:
    target = resolve(raw, document)
    if target.kind is TargetKind.LOCAL:
        assert not target.path.startswith("/")
        assert target.inside or target.path == ".." or target.path.startswith("../")
    else:
        assert isinstance(web_key(raw), str)
        assert isinstance(tracking_marks(raw), frozenset)


@given(st.lists(any_text, max_size=8))
def test_slugs_are_unique_and_plain(headings: list[str]) -> None:
    slugger = Slugger()
    slugs = [slugger(heading) for heading in headings]
    assert len(set(slugs)) == len(slugs)
    for text in headings:
        assert " " not in slug(text)
        assert normalise_fragment(text) == normalise_fragment(text).lower()


@given(st.integers(0, 300), st.sampled_from(["- ", "> ", "1. ", "* > ", "> - "]))
def test_deep_nesting_never_silently_hides_what_follows(depth: int, opener: str) -> None:
    document = parse_markdown(opener * depth + "x\n\n[after](after.md)\n")
    seen = [link.target for link in document.links]
    assert document.too_deep is not None or seen == ["after.md"]
