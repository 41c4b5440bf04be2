"""Whatever a repository's names hold, output shows them as text and never acts on them
(property-based, over every code point, lone surrogates included)."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.hostile.strategies import any_char
from transync.inert import markdown_code, markdown_text, one_line, printable
from transync.model import Kind, State, TranslationEntry
from transync.report import json_report
from transync.scan import build_report

names = st.text(any_char, min_size=1, max_size=30)
_MARKDOWN = MarkdownIt("commonmark")


def _inline(source: str) -> list[tuple[str, str]]:
    (paragraph,) = (token for token in _MARKDOWN.parse(source) if token.type == "inline")
    return [(token.type, token.content) for token in paragraph.children or []]


@given(names)
def test_printable_text_is_plain_utf8_on_one_line(name: str) -> None:
    shown = printable(name)
    shown.encode("utf-8")  # no lone surrogates left
    assert not set(shown) & set("\n\r\x1b\x00\x85\u2028\u2029\u202e\u2066")
    assert printable(shown) == shown
    assert one_line(name).count(" ") >= name.count(" ")
    assert not set(one_line(name)) & set("\n\r\x85\u2028\u2029")


@given(st.text(alphabet=":#[vsoVSO x\n", max_size=40) | names)
def test_printable_text_holds_no_workflow_command_anywhere(name: str) -> None:
    """No `::` and no `##[`: whatever a wrapped line starts with, the runner sees text."""
    shown = printable(name)
    assert "::" not in shown and "##[" not in shown and "##vso[" not in shown.lower()


@given(names)
def test_a_markdown_code_span_shows_a_name_exactly(name: str) -> None:
    assert _inline(f"x {markdown_code(name)} y") == [
        ("text", "x "),
        ("code_inline", printable(name)),
        ("text", " y"),
    ]


@given(names)
def test_markdown_text_shows_a_message_exactly_with_no_markup(message: str) -> None:
    """Exactly; what GitHub would link or notify (an address, an @mention) as a code span."""
    tokens = _inline(f"x {markdown_text(message)} y")
    assert {kind for kind, _ in tokens} <= {"text", "code_inline"}
    assert "".join(content for _, content in tokens) == f"x {one_line(message)} y"
    for kind, content in tokens:
        if kind == "text":
            assert not _LINKED.search(content), content


# What GitHub links in text: a mention, an e-mail address, an extended autolink.
_LINKED = re.compile(r"@[\w-]|(?:\b(?:https?|ftp)://|\bwww\.)[^\s|`).,;:!?'\"\]]", re.IGNORECASE)


@given(names, names)
def test_json_report_round_trips_any_name(language: str, path: str) -> None:
    entry = TranslationEntry(language, State.UNTRACKED, Kind.MARKDOWN, path, path)
    report = json.loads(json_report.render(build_report(".", (), [entry], [])))
    assert report["files"][0]["translation"] == path
    assert report["languages"][0]["code"] == language
