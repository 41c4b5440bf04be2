"""Hostile file, folder and language names come out of every report format as plain text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from tests.builders import RepoBuilder
from tests.hostile.names import FILE_NAMES, LANGUAGE_FOLDERS
from transync.inert import printable
from transync.model import Report
from transync.report import json_report, markdown, table
from transync.scan import scan

UNSAFE_OUTPUT = ("\x1b", "\r", "\u202e", "\u2066", "\u2028", "\x07")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Every hostile name as a tracked source and translation, in every hostile language;
    the Japanese ones are stale, so that detailed reports list them."""
    repo = RepoBuilder(tmp_path_factory.mktemp("names"))
    for name in FILE_NAMES:
        repo.source(f"docs/{name}", f"# {name}\n")
    for language in ("ja", *LANGUAGE_FOLDERS):
        for name in FILE_NAMES:
            repo.sidecar_entry(language, f"docs/{name}", stale=language == "ja")
    return scan(repo.root)


def _expected(report: Report) -> set[tuple[str, str]]:
    return {
        (language, f"translations/{language}/docs/{name}")
        for language in ("ja", *LANGUAGE_FOLDERS)
        for name in FILE_NAMES
    }


def test_the_scan_tracks_every_hostile_name(report: Report) -> None:
    assert {(entry.language, entry.translation) for entry in report.entries} == _expected(report)
    assert {entry.state.value for entry in report.entries} == {"current", "stale"}


def test_json_output_round_trips_every_name_exactly(report: Report) -> None:
    files = json.loads(json_report.render(report))["files"]
    assert {(item["language"], item["translation"]) for item in files} == _expected(report)


def test_markdown_output_shows_every_name_as_code_and_nothing_as_markup(report: Report) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown.render(report, details=True))
    kinds = {token.type for token in tokens}
    inline = [child for token in tokens for child in token.children or []]
    kinds |= {child.type for child in inline}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "em_open", "s_open"}
    shown = {child.content for child in inline if child.type == "code_inline"}
    for language, path in _expected(report):
        assert printable(language) in shown
        if language == "ja":
            assert printable(path) in shown
    table_rows = [token for token in tokens if token.type == "tr_open"]
    assert len(table_rows) == 1 + len(report.languages) + 1  # header, languages, total


def test_table_output_shows_names_literally_without_control_codes(report: Report) -> None:
    out = io.StringIO()
    table.render(report, Console(file=out, width=500, force_terminal=True), details=True)
    text = out.getvalue()
    plain = io.StringIO()
    table.render(report, Console(file=plain, width=500, no_color=True), details=True)
    for char in UNSAFE_OUTPUT:
        assert char not in plain.getvalue()
    for name in FILE_NAMES:
        assert printable(f"translations/ja/docs/{name}") in plain.getvalue()
    assert "[red]x" in plain.getvalue()
    assert "\\n:\\:error file=README.md:\\:forged" in plain.getvalue()
    assert "\u202e" not in text and "\x1b]0;" not in text


def test_the_corpus_holds_only_legal_file_names() -> None:
    for name in (*FILE_NAMES, *LANGUAGE_FOLDERS):
        assert "/" not in name and "\x00" not in name and len(name.encode()) <= 255
    assert Path("x").joinpath(*FILE_NAMES[:1]).name == FILE_NAMES[0]
