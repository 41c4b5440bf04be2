"""co-op-translator's own text is found where it is, whatever the page's characters."""

from __future__ import annotations

import pytest

from transync.document.tool_text import COMMENT, DISCLAIMER, METADATA, block_spans, tail_disclaimer

_DISCLAIMER = (
    "**Disclaimer**: translated with [Co-op Translator]"
    "(https://github.com/Azure/co-op-translator).\n"
)


@pytest.mark.parametrize("before", ["Text", "İstanbul İzmir", "ΟΔΟΣ"])
def test_the_tail_disclaimer_starts_at_its_paragraph_whatever_comes_before(before: str) -> None:
    text = f"# {before}\n\n{before} " * 50 + "\n\n" + _DISCLAIMER
    assert tail_disclaimer(text) == text.rindex("\n\n**Disclaimer") + 1


def test_a_page_without_the_tool_link_has_no_tail_disclaimer() -> None:
    assert tail_disclaimer("# İ\n\n**Disclaimer**: none here.\n") is None


def test_every_block_opening_starts_a_comment() -> None:
    """`block_spans` finds each opening from the `<!--` it must start with."""
    assert all(opening.pattern.startswith("<!--") for opening, _ in (METADATA, DISCLAIMER, COMMENT))


def test_blocks_are_found_after_comments_that_open_none() -> None:
    text = "<!-- a -->\n<!--x-->\n<!--\nCO_OP_TRANSLATOR_METADATA:\n{}\n-->\nText\n"
    assert list(block_spans(text, *METADATA)) == [(20, text.index("\nText"))]
