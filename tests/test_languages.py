"""Language codes co-op-translator writes, and what transync knows about them."""

from __future__ import annotations

from transync.languages import COOP_LANGUAGES, ENGLISH_BASED, canonical, looks_like_language


def test_manipuri_is_a_known_language() -> None:
    assert canonical("mni") == "mni"
    assert "mni" in COOP_LANGUAGES


def test_old_short_codes_name_known_languages() -> None:
    assert {canonical(code) for code in ("br", "tw", "zh", "pt")} <= COOP_LANGUAGES


def test_nigerian_pidgin_is_written_largely_in_english() -> None:
    assert "pcm" in ENGLISH_BASED


def test_folder_names_beside_a_source_folder_are_languages_only_when_they_look_like_one() -> None:
    assert all(looks_like_language(code) for code in ("fr", "pt-BR", "zh_tw", "pcm", "sr-Cyrl"))
    assert not any(looks_like_language(name) for name in ("images", "assets", "i18n", "img"))
