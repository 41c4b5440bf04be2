"""Language codes co-op-translator writes, and what transync knows about them."""

from __future__ import annotations

from transync.languages import COOP_LANGUAGES, ENGLISH_BASED, canonical


def test_manipuri_is_a_known_language() -> None:
    assert canonical("mni") == "mni"
    assert "mni" in COOP_LANGUAGES


def test_old_short_codes_name_known_languages() -> None:
    assert {canonical(code) for code in ("br", "tw", "zh", "pt")} <= COOP_LANGUAGES


def test_nigerian_pidgin_is_written_largely_in_english() -> None:
    assert "pcm" in ENGLISH_BASED
