"""The pulldown-cmark builder against the reference, markdown-it-py.

Both builders must give the same `Document` for the same file, except where docs/checks.md
("Parsing") says they differ and why; each of those differences is pinned below, so that a
new one cannot slip in unnoticed and a listed one cannot silently go away.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from tests import reference_markdown as markdown
from transync.document import pulldown
from transync.document.build import normalise_target
from transync.document.model import Document

CORPUS = Path(__file__).resolve().parents[1] / "data" / "markdown"


def _both(data: bytes, path: str, *, translated: bool) -> tuple[Document, Document]:
    return (
        markdown.parse_file(data, path, translated=translated),
        pulldown.parse_file(data, path, translated=translated),
    )


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.md")), ids=lambda path: path.name)
@pytest.mark.parametrize("translated", [False, True])
def test_the_fixture_corpus_gives_the_same_documents(path: Path, translated: bool) -> None:
    reference, document = _both(path.read_bytes(), path.name, translated=translated)
    assert document.links and document.paragraphs  # the corpus exercises the builder
    assert document == reference


def test_a_notebook_of_the_corpus_gives_the_same_document() -> None:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": path.read_text().splitlines(True)}
        for path in sorted(CORPUS.glob("*.md"))
    ]
    cells.insert(1, {"cell_type": "code", "metadata": {}, "source": ["x = 1\n"], "outputs": []})
    data = json.dumps({"cells": cells, "metadata": {}}, indent=1).encode()
    reference, document = _both(data, "corpus.ipynb", translated=True)
    assert document.headings and all(heading.line for heading in document.headings)
    assert document == reference


def test_translated_files_lose_the_same_metadata_and_disclaimer() -> None:
    text = (
        '<!--\nCO_OP_TRANSLATOR_METADATA:\n{"source_file": "a.md"}\n-->\n# Titre\n\n'
        "[lien](a.md)\n\n---\n\n**Avertissement** : traduit par "
        "[co-op-translator](https://github.com/Azure/co-op-translator).\n"
    )
    reference, document = _both(text.encode(), "a.md", translated=True)
    assert [link.target for link in document.links] == ["a.md"]
    assert document == reference


def test_sample_documents_are_the_same_with_both_parsers(samples: Path) -> None:
    files = sorted(
        path for path in samples.rglob("*") if path.suffix in (".md", ".ipynb") and path.is_file()
    )
    assert files
    differing = [
        str(path)
        for path in files
        if (pair := _both(path.read_bytes(), str(path), translated=True))[0] != pair[1]
    ]
    assert differing == []


def test_link_targets_are_normalised_as_the_rendered_href() -> None:
    text = "[a](<spaced name.md>) [b](日本語.md) [c](https://例え.jp/a) <me@example.com>\n"
    assert [link.target for link in pulldown.parse_markdown(text).links] == [
        "spaced%20name.md",
        "%E6%97%A5%E6%9C%AC%E8%AA%9E.md",
        "https://xn--r8jz45g.jp/a",
        "mailto:me@example.com",
    ]
    assert pulldown.parse_markdown(text).links == markdown.parse_markdown(text).links


_PATH_PARTS = [*"ab/.?#%&=:-_()[]|\\`{}^\"'~ ", "%20", "%zz", "é", "例え"]
_URLS = st.tuples(
    st.sampled_from(["", "https://", "HTTP://", "//", "mailto:me@", "ftp://"]),
    st.sampled_from(["", "example.com", "例え.jp", "docs.例え.jp", "例.jp:80"]),
    st.lists(st.sampled_from(_PATH_PARTS), max_size=10).map(lambda parts: "/" + "".join(parts)),
).map("".join)


@given(_URLS)
@example("//é:a")  # no port of digits: `é:a` is no host, so it is percent-encoded
def test_targets_are_normalised_as_markdown_it_does(url: str) -> None:
    assert normalise_target(url) == normalizeLink(url)


# -- the documented differences (docs/checks.md, "Parsing") ---------------------------------


def test_links_after_a_code_span_over_two_lines_get_their_exact_line() -> None:
    text = "a `code\nspan` https://example.com\n"
    assert [link.line for link in pulldown.parse_markdown(text).links] == [2]
    assert [link.line for link in markdown.parse_markdown(text).links] == [1]


def test_any_scheme_is_a_link_as_github_shows_it() -> None:
    text = "[x](javascript:void(0))\n"
    assert [link.target for link in pulldown.parse_markdown(text).links] == ["javascript:void(0)"]
    assert markdown.parse_markdown(text).links == ()


def test_a_lone_pipe_line_ends_a_table_as_on_github() -> None:
    text = "| a |\n|---|\n| 1 |\n|\n"
    assert pulldown.parse_markdown(text).tables[0].rows == 1
    assert markdown.parse_markdown(text).tables[0].rows == 2


def test_line_end_whitespace_is_dropped_before_a_line_break() -> None:
    assert pulldown.parse_markdown("a\t\nb\n").paragraphs[0].text == "a b"
    assert markdown.parse_markdown("a\t\nb\n").paragraphs[0].text == "a\t b"


def test_an_indented_code_block_at_the_end_keeps_no_added_line_end() -> None:
    assert pulldown.parse_markdown("x\n\n    code").code_blocks[0].code == "code"
    assert markdown.parse_markdown("x\n\n    code").code_blocks[0].code == "code\n"


@pytest.mark.parametrize("opener", ["> ", "- ", "1. ", "* > "])
def test_over_nested_lines_are_marked_before_parsing(opener: str) -> None:
    """pulldown-cmark follows any depth (markdown-it stops at its limit), but in time that
    grows with the square of the depth: a line opening more containers than `MAX_NESTING`
    marks the file as too deep, and content checks skip it."""
    text = "# Title\n\n" + opener * 150 + "x\n\n[after](after.md)\n"
    assert pulldown.parse_markdown(text).too_deep == 3
    assert markdown.parse_markdown(text).too_deep is not None
    assert pulldown.parse_markdown(opener * 40 + "x\n").too_deep is None
