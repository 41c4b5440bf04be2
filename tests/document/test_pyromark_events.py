"""Golden tests of the pyromark events the pulldown builder relies on.

pyromark's events follow pulldown-cmark's, which change shape between minor versions; the
dependency is pinned to one minor version, and these tests say exactly what the builder
expects, so that raising the pin shows what moved.
"""

from __future__ import annotations

from typing import Any

import pyromark

from transync.document.pulldown import _OPTIONS


def _events(text: str) -> list[tuple[Any, int, int]]:
    return [
        (event, span["start"], span["end"])
        for event, span in pyromark.events_with_range(text, options=_OPTIONS)
    ]


def test_the_pinned_minor_version() -> None:
    assert pyromark.__version__.startswith("0.10.")


def test_ranges_are_utf8_byte_offsets_and_text_is_not_merged() -> None:
    assert _events("é *x*\n") == [
        ({"Start": "Paragraph"}, 0, 7),
        ({"Text": "é "}, 0, 3),
        ({"Start": "Emphasis"}, 3, 6),
        ({"Text": "x"}, 4, 5),
        ({"End": "Emphasis"}, 3, 6),
        ({"End": "Paragraph"}, 0, 7),
    ]


def test_headings_links_images_and_breaks() -> None:
    link = {"link_type": "Inline", "dest_url": "a.md", "title": "", "id": ""}
    image = {"link_type": "Inline", "dest_url": "i.png", "title": "", "id": ""}
    email = {"link_type": "Email", "dest_url": "me@x.org", "title": "", "id": ""}
    heading = {"Heading": {"level": "H2", "id": None, "classes": (), "attrs": ()}}
    assert _events("## T\n[l](a.md)\n![i](i.png)  \n<me@x.org>\n") == [
        ({"Start": heading}, 0, 5),
        ({"Text": "T"}, 3, 4),
        ({"End": {"Heading": "H2"}}, 0, 5),
        ({"Start": "Paragraph"}, 5, 40),
        ({"Start": {"Link": link}}, 5, 14),
        ({"Text": "l"}, 6, 7),
        ({"End": "Link"}, 5, 14),
        ("SoftBreak", 14, 15),
        ({"Start": {"Image": image}}, 15, 26),
        ({"Text": "i"}, 17, 18),
        ({"End": "Image"}, 15, 26),
        ("HardBreak", 26, 29),
        ({"Start": {"Link": email}}, 29, 39),
        ({"Text": "me@x.org"}, 30, 38),
        ({"End": "Link"}, 29, 39),
        ({"End": "Paragraph"}, 5, 40),
    ]


def test_a_tight_list_item_has_no_paragraph_event() -> None:
    assert _events("- a `c`\n") == [
        ({"Start": {"List": None}}, 0, 8),
        ({"Start": "Item"}, 0, 8),
        ({"Text": "a "}, 2, 4),
        ({"Code": "c"}, 4, 7),
        ({"End": "Item"}, 0, 8),
        ({"End": {"List": False}}, 0, 8),
    ]


def test_tables_head_without_a_row_and_body_rows() -> None:
    assert [event for event, _, _ in _events("| a |\n|---|\n| 1 |\n")] == [
        {"Start": {"Table": ("None",)}},
        {"Start": "TableHead"},
        {"Start": "TableCell"},
        {"Text": "a"},
        {"End": "TableCell"},
        {"End": "TableHead"},
        {"Start": "TableRow"},
        {"Start": "TableCell"},
        {"Text": "1"},
        {"End": "TableCell"},
        {"End": "TableRow"},
        {"End": "Table"},
    ]


def test_code_blocks_html_blocks_and_rules() -> None:
    assert _events("```py x\nc\n```\n    i\n<div>\n<a>\n\n***\n") == [
        ({"Start": {"CodeBlock": {"Fenced": "py x"}}}, 0, 13),
        ({"Text": "c\n"}, 8, 10),
        ({"End": "CodeBlock"}, 0, 13),
        ({"Start": {"CodeBlock": "Indented"}}, 18, 20),
        ({"Text": "i\n"}, 18, 20),
        ({"End": "CodeBlock"}, 18, 20),
        ({"Start": "HtmlBlock"}, 20, 30),
        ({"Html": "<div>\n"}, 20, 26),
        ({"Html": "<a>\n"}, 26, 30),
        ({"End": "HtmlBlock"}, 20, 30),
        ("Rule", 31, 35),
    ]
