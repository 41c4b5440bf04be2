"""The languages block's parts: badge colours, shields.io escaping, hostile language codes."""

from __future__ import annotations

import re

import pytest

from transync.languages import language_name
from transync.report.dashboard.badges import Thresholds, badge
from transync.sync.languages_block import LanguageRow, table_lines


@pytest.mark.parametrize(
    ("percent", "colour"),
    [
        (100.0, "brightgreen"),
        (90.0, "brightgreen"),
        (89.9, "yellow"),
        (50.0, "orange"),
        (0.0, "red"),
    ],
)
def test_the_readme_table_and_the_dashboard_colour_a_figure_alike(
    percent: float, colour: str
) -> None:
    row = LanguageRow(
        "fr", "French", percent, None, "translations/fr", Thresholds().colour(percent)
    )
    (line,) = table_lines([row], None)[2:]
    assert f"-{colour})" in line
    assert badge("fr", percent, Thresholds()).colour == colour


def test_static_badges_double_shields_separators() -> None:
    row = LanguageRow("zh_Hant-TW", "zh_Hant-TW", 12.5, None, "translations/zh_Hant-TW", "red")
    (line,) = table_lines([row], None)[2:]
    assert "https://img.shields.io/badge/zh__Hant--TW-12.5%25-red" in line
    assert line.endswith("| 12.5% | - |")


def test_a_hostile_language_folder_name_cannot_break_the_table_or_inject_html() -> None:
    code = "x|<img src=x onerror=alert(1)>]("
    row = LanguageRow(code, code, 0.0, None, f"translations/{code}", "red")
    (line,) = table_lines([row], "https://example.org")[2:]
    span = f"`{code.replace('|', chr(92) + '|')}`"
    assert line.startswith(f"| {span} |")  # a code span shows it as text
    rest = line.removeprefix(f"| {span} |")
    assert "[![x\\|\\<img src=x onerror=alert(1)\\>\\](: 0% fresh]" in rest  # an escaped alt
    assert re.search(r"(?<!\\)[<>|]", rest.removesuffix(" |").replace(" | ", "")) is None
    assert rest.count(" | ") == 2  # four cells, whatever the name holds
    assert "%3Cimg" in line  # the URLs are percent-encoded


def test_language_name_falls_back_to_the_code() -> None:
    assert language_name("qq-not-a-language") == "qq-not-a-language"


def test_language_name_uses_babel_when_installed() -> None:
    pytest.importorskip("babel")
    assert language_name("pt-BR") == "Portuguese (Brazil)"
    assert language_name("br") == "Portuguese (Brazil)"  # co-op-translator's old alias
