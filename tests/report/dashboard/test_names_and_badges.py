"""Language names from CLDR, and badges coloured by thresholds."""

from __future__ import annotations

import pytest

from transync.report.dashboard.badges import Badge, Thresholds, badge, percent
from transync.report.dashboard.names import language_name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("fr", "French"),
        ("pt-BR", "Portuguese (Brazil)"),
        ("pcm", "Nigerian Pidgin"),
        ("mni", "Manipuri"),
        # co-op-translator's old short codes mean its languages, not CLDR's Twi and Breton.
        ("tw", "Chinese (Traditional, Taiwan)"),
        ("br", "Portuguese (Brazil)"),
        ("sr-Cyrl", "Serbian (Cyrillic)"),
    ],
)
def test_codes_have_their_english_names(code: str, name: str) -> None:
    assert language_name(code) == name


@pytest.mark.parametrize("code", ["xx", "", "<img>", "en-??"])
def test_an_unknown_code_has_no_name_rather_than_a_guess(code: str) -> None:
    assert language_name(code) is None


@pytest.mark.parametrize(
    ("fresh", "colour"),
    [
        (100.0, "brightgreen"),
        (90.0, "brightgreen"),
        (89.9, "yellow"),
        (50.0, "orange"),
        (0.0, "red"),
    ],
)
def test_default_thresholds(fresh: float, colour: str) -> None:
    assert badge("fr", fresh, Thresholds()) == Badge("fr", percent(fresh), colour)


def test_percentages_show_a_decimal_only_where_it_says_something() -> None:
    assert [percent(value) for value in (100.0, 97.5, 0.0)] == ["100%", "97.5%", "0%"]
