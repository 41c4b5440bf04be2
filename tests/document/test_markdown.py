from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import reference_markdown as markdown
from tests.reference_markdown import parse_file, parse_markdown, parse_notebook


def test_links_carry_the_line_they_are_written_on() -> None:
    document = parse_markdown("# T\n\ntext\nmore [a](a.md)\n\n| x |\n|---|\n| ![i](i.png) |\n")
    assert [(link.target, link.line, link.image) for link in document.links] == [
        ("a.md", 4, False),
        ("i.png", 8, True),
    ]


def test_front_matter_is_not_a_heading() -> None:
    document = parse_markdown("---\ntitle: X\nlang: en\n---\n\n# Real\n")
    assert [heading.text for heading in document.headings] == ["Real"]
    assert document.front_matter is not None
    assert document.front_matter.keys == ("title", "lang")
    assert document.front_matter.line == 1


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    assert parse_markdown("---\n\nText\n").front_matter is None


def test_heading_anchors_come_from_visible_text() -> None:
    document = parse_markdown("## Use `transync` with [links](x.md) ![img](i.png)\n")
    assert "use-transync-with-links-" in document.anchors


def test_notebook_markdown_cells_map_to_json_lines() -> None:
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": ["print(1)\n"]},
            {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "\n", "[a](a.md)"]},
        ],
        "metadata": {},
    }
    text = json.dumps(notebook, indent=1)
    document = parse_notebook(text.encode())
    [link] = document.links
    assert link.line is not None
    assert '"[a](a.md)"' in text.splitlines()[link.line - 1]
    assert [heading.text for heading in document.headings] == ["Title"]


def test_a_broken_notebook_has_no_structure() -> None:
    assert parse_notebook(b"{not json").links == ()


@given(st.text(alphabet=st.sampled_from(list("#|-*_[]()<>!`:/.\n ax1한{}\"'=")), max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_parses_and_lines_stay_within_the_file(text: str) -> None:
    document = parse_markdown(text, translated=True)
    last = text.count("\n") + 1
    lines = [link.line for link in document.links] + [h.line for h in document.headings]
    assert all(line is not None and 1 <= line <= last for line in lines)


def test_a_document_opening_with_a_thematic_break_keeps_its_content() -> None:
    document = parse_markdown("---\nThis is prose after a rule.\n\n# Title\n")
    assert document.front_matter is None
    assert [heading.text for heading in document.headings] == ["Title"]


def test_unclosed_front_matter_ends_at_the_first_blank_line() -> None:
    document = parse_markdown("---\ntitle: X\ntags:\n  - a\n\n# Title\n")
    assert document.front_matter is not None
    assert (document.front_matter.closed, document.front_matter.keys) == (False, ("title", "tags"))
    assert [heading.text for heading in document.headings] == ["Title"]


# -- the plain-run shortcut --------------------------------------------------------------
# Runs without inline markup skip markdown-it's inline parser; the document must be the one
# the inline parser would have given. `every_run_parsed` turns the shortcut off.

_MARKDOWN_ALPHABET = [*"#|-*_[]()<>!`:/.\\&;\n \t ax1한{}\"'=~+", "](", "  \n", "http://"]


@pytest.fixture
def every_run_parsed(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    def turn_off() -> None:
        monkeypatch.setattr(markdown, "_INLINE_MARKUP", re.compile(""))

    return turn_off


@given(st.lists(st.sampled_from(_MARKDOWN_ALPHABET), max_size=120).map("".join))
@settings(max_examples=400, deadline=None)
def test_plain_runs_give_the_document_the_inline_parser_gives(text: str) -> None:
    shortcut = parse_markdown(text, translated=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown, "_INLINE_MARKUP", re.compile(""))
        full = parse_markdown(text, translated=True)
    assert shortcut == full


def test_plain_runs_keep_what_the_inline_parser_keeps(
    every_run_parsed: Callable[[], None],
) -> None:
    text = (
        "# Title  with  spaces\n\nA line with trailing spaces   \n   indented next line\t\n"
        "see https://example.com/a.\n\n| a | b |\n| - | - |\n| x y | https://x.org/z) |\n"
        "\nSetext\n===\n\n- item  \n  continued\n"
    )
    shortcut = parse_markdown(text)
    every_run_parsed()
    assert parse_markdown(text) == shortcut


def test_sample_documents_are_the_same_with_and_without_the_shortcut(
    samples: Path, every_run_parsed: Callable[[], None]
) -> None:
    files = sorted(
        path for path in samples.rglob("*") if path.suffix in (".md", ".ipynb") and path.is_file()
    )
    assert files
    shortcut = [parse_file(path.read_bytes(), str(path), translated=True) for path in files]
    every_run_parsed()
    assert [parse_file(path.read_bytes(), str(path), translated=True) for path in files] == (
        shortcut
    )
