"""The line scan finds what a parse hides, with lines mapped like the parser's."""

from __future__ import annotations

from transync.document.lines import LineSigns, scan


def _scan(text: str) -> LineSigns:
    return scan(text, lambda line: line + 1)


def test_a_fence_never_closed_is_named_at_its_line() -> None:
    assert _scan("a\n\n```py\nx\n```\n\n~~~~\ny\n~~~\n").unclosed_fence == 7
    assert _scan("````\n```\n````\n").unclosed_fence is None  # a shorter run does not close


def test_a_fence_with_an_info_string_does_not_close() -> None:
    assert _scan("```\nx\n```python\n").unclosed_fence == 1


def test_lost_brackets_and_empty_links_outside_code() -> None:
    text = "a name](https://x.example)\n[ok](a.md) `b](c.md)`\n\n```\nd](e.md)\n```\n[e]()\n"
    found = _scan(text)
    assert (found.lost_brackets, found.empty_links) == ((1,), (7,))


def test_a_link_text_over_two_lines_keeps_its_bracket() -> None:
    assert _scan("[a long\nname](https://x.example)\n").lost_brackets == ()


def test_placeholders_are_found_in_code_too() -> None:
    found = _scan("@@LINE_0042@@\n```\n@@CODE_BLOCK_1@@\n```\n")
    assert found.placeholders == ((1, "@@LINE_0042@@"), (3, "@@CODE_BLOCK_1@@"))


def test_lines_follow_the_mapping() -> None:
    assert scan("x\n@@URL_1@@\n", lambda line: line + 10).placeholders == ((11, "@@URL_1@@"),)
