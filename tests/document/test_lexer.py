"""The one Markdown line lexer reads fences and ATX headings as CommonMark does: one table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transync.document.lexer import Line, fences, lex


def _read(line: Line) -> str:
    """A line as the table writes it: `text`, `open info`, `code`, `close`, `h2 Title`."""
    if line.fence == "opening":
        return f"open {line.info}".rstrip()
    if line.code:
        return "close" if line.fence == "closing" else "code"
    return f"h{line.heading} {line.title}".rstrip() if line.heading else "text"


# name -> (Markdown, what each of its lines is)
CASES: dict[str, tuple[str, list[str]]] = {
    "a backtick fence": ("```\nx\n```\nafter", ["open", "code", "close", "text"]),
    "a tilde fence with an info string": (
        "~~~ python  \nx\n~~~\n",
        ["open python", "code", "close", "text"],
    ),
    "a longer closing fence closes": ("```\nx\n`````", ["open", "code", "close"]),
    "a shorter closing fence does not close": (
        "````\n```\n````",
        ["open", "code", "close"],
    ),
    "the other character does not close": ("```\n~~~\n```", ["open", "code", "close"]),
    "a closing fence with an info string does not close": (
        "```\ncode\n``` python\n# Inside\n```\n# Outside",
        ["open", "code", "code", "code", "close", "h1 Outside"],
    ),
    "a closing fence may be indented three spaces and followed by spaces": (
        "```\nx\n   ```  ",
        ["open", "code", "close"],
    ),
    "a fence indented four spaces is indented code, not a fence": (
        "    ```\n# Heading\n    ```",
        ["text", "h1 Heading", "text"],
    ),
    "a fence indented three spaces is one": ("   ~~~\nx", ["open", "code"]),
    "a closing fence indented four spaces does not close": (
        "```\n    ```\n```",
        ["open", "code", "close"],
    ),
    "an unclosed fence runs to the end": ("```\n# a\n\ntext", ["open", "code", "code", "code"]),
    "backticks in a backtick fence's info string: no fence": (
        "``` a`b\n# Heading",
        ["text", "h1 Heading"],
    ),
    "backticks in a tilde fence's info string are allowed": ("~~~ a`b\nx", ["open a`b", "code"]),
    "two backticks are no fence": ("``\n# a", ["text", "h1 a"]),
    "headings of every level": (
        "# 1\n## 2\n###### 6\n####### 7",
        ["h1 1", "h2 2", "h6 6", "text"],
    ),
    "a heading needs a space or tab after its #s": (
        "#hashtag\n#\tTab\n#5 bolt",
        ["text", "h1 Tab", "text"],
    ),
    "an empty heading": ("#\n### ###", ["h1", "h3"]),
    "closing #s are stripped, when a space precedes them": (
        "## Title ##\n# C#\n# a # b ###   \n## Title \\#",
        ["h2 Title", "h1 C#", "h1 a # b", "h2 Title \\#"],
    ),
    "a heading may be indented three spaces, not four": (
        "   ## Three\n    ## Four",
        ["h2 Three", "text"],
    ),
    "headings inside fences are code": (
        "```\n# Not\n```\n# Yes",
        ["open", "code", "close", "h1 Yes"],
    ),
    "a fence in a numbered list item counts from the item's content": (
        "1. Run:\n\n    ```bash\n    az login\n    ```\n\n2. Next",
        ["text", "text", "open bash", "code", "close", "text", "text"],
    ),
    "a fence too deep in its list item is indented code": (
        "- a\n\n        ```\n- b",
        ["text", "text", "text", "text"],
    ),
    "a line left of its list item ends the item and its fence": (
        "- a\n  ```\n  x\nb\n# c",
        ["text", "open", "code", "text", "h1 c"],
    ),
    "a lazy line keeps its list item": (
        "1. a\nlazy\n\n    ```\n    x\n    ```",
        ["text", "text", "text", "open", "code", "close"],
    ),
    "a thematic break is no list item": ("- - -\n    ```", ["text", "text"]),
    "line ends are ignored": (
        "```py\r\nx\r\n```\r\n## T ##\r\n",
        ["open py", "code", "close", "h2 T"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_lexer_reads_each_line_as_commonmark_does(name: str) -> None:
    text, expected = CASES[name]
    lines = text.splitlines(keepends=True) if "\r" in text else text.split("\n")
    assert [_read(line) for line in lex(lines)] == expected


def test_each_line_of_a_fenced_block_carries_its_info_string() -> None:
    assert [line.info for line in lex(["~~~ js", "x", "~~~", "y"])] == ["js", "js", "js", ""]


# Lines of a few characters that open, continue and close fences and list items.
_LINES = st.lists(st.text(alphabet="``~- 1.\tx\u3000", max_size=8), min_size=1, max_size=20)


@pytest.mark.parametrize("name", CASES)
def test_fences_reads_each_line_as_lex_does(name: str) -> None:
    text = CASES[name][0]
    lines = text.split("\n")
    assert list(fences(text, lines)) == [line.fence for line in lex(lines)]


@given(_LINES)
def test_fences_reads_any_lines_as_lex_does(lines: list[str]) -> None:
    assert list(fences("\n".join(lines), lines)) == [line.fence for line in lex(lines)]
