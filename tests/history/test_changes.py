"""Classifying a source diff, so that a policy can ignore cosmetic drift."""

from __future__ import annotations

from transync.history.changes import as_text, changed_sections, classify_change, words_changed
from transync.model import Change, ChangeKind

DOC = """# Title

Install the [tool](https://example.org/a) today.

| Name | Use |
| --- | --- |
| one | first |

```python
print("hello")
```
"""


def test_only_whitespace_changes_are_whitespace() -> None:
    assert classify_change(DOC, DOC.replace("today.", "today.   ") + "\n\n") == Change(
        ChangeKind.WHITESPACE
    )


def test_a_rewritten_url_is_links_only() -> None:
    changed = DOC.replace("https://example.org/a", "https://example.org/b?WT.mc_id=x")
    assert classify_change(DOC, changed) == Change(ChangeKind.LINKS_ONLY)


def test_a_changed_badge_image_inside_a_link_is_links_only() -> None:
    old = "[![PyPI](https://img/a.svg)](https://pypi.org/a)\n\nText.\n"
    new = "[![PyPI](https://img/b.svg?color=blue)](https://pypi.org/b)\n\nText.\n"
    assert classify_change(old, new).kind is ChangeKind.LINKS_ONLY


def test_a_change_inside_a_code_fence_is_code_only() -> None:
    assert classify_change(DOC, DOC.replace('"hello"', '"bye"')).kind is ChangeKind.CODE_ONLY


def test_a_changed_table_cell_is_table() -> None:
    assert classify_change(DOC, DOC.replace("first", "second")).kind is ChangeKind.TABLE


def test_changed_words_are_prose_and_counted() -> None:
    change = classify_change(DOC, DOC.replace("Install the", "Please install this"))
    assert change == Change(ChangeKind.PROSE, 3)


def test_prose_outranks_every_other_kind() -> None:
    changed = DOC.replace("first", "second").replace("today", "now").replace("hello", "bye")
    assert classify_change(DOC, changed) == Change(ChangeKind.PROSE, 1)


def test_words_changed_counts_the_longer_side_of_a_replacement() -> None:
    assert words_changed(["a", "b", "c"], ["a", "x", "y", "z", "c"]) == 3
    assert words_changed(["a", "."], ["a", "!"]) == 0  # punctuation is not a word


def test_notebooks_compare_markdown_cells_as_prose_and_code_cells_as_code() -> None:
    def notebook(markdown: str, code: str) -> bytes:
        return (
            '{"cells": [{"cell_type": "markdown", "source": ["'
            + markdown
            + '"]}, {"cell_type": "code", "source": ["'
            + code
            + '"]}], "metadata": {}}'
        ).encode()

    old = as_text(notebook("Some text", "x = 1"), "lesson.ipynb")
    new = as_text(notebook("Some text", "x = 2"), "lesson.ipynb")
    assert old is not None and new is not None
    assert classify_change(old, new).kind is ChangeKind.CODE_ONLY


def test_binary_sources_have_no_text() -> None:
    assert as_text(b"\x89PNG\r\n\x1a\n\x00\x00", "image.png") is None


def test_sections_report_the_words_changed_under_each_heading() -> None:
    old = "# Guide\n\nIntro.\n\n## Install\n\nUse pip.\n\n## Old part\n\nGone soon.\n"
    new = "# Guide\n\nIntro.\n\n## Install\n\nUse pip or uv today.\n\n## Usage\n\nRun it.\n"
    sections = {section.heading: section for section in changed_sections(old, new)}
    assert set(sections) == {"Install", "Usage", "Old part"}
    assert (sections["Install"].status, sections["Install"].words) == ("changed", 3)
    assert sections["Usage"].status == "added" and sections["Usage"].level == 2
    assert sections["Old part"].status == "removed"


def test_text_that_only_moved_under_a_new_heading_is_not_counted() -> None:
    old = "# Tool\n\nBadges.\n\n### Old heading\n\nLong unchanged paragraph about the tool.\n"
    new = "# Tool\n\nBadges.\n\n## New\n\nLong unchanged paragraph about the tool.\n"
    sections = {section.heading: section for section in changed_sections(old, new)}
    assert sections["New"].words == 1
    assert sections["Old heading"].status == "removed"
