"""Roll-ups in words: every line names its languages, the place first."""

from __future__ import annotations

from transync.report.rollup_text import languages_phrase, plural

CODES = tuple(f"l{index:02d}" for index in range(54))


def test_a_few_languages_are_named() -> None:
    assert languages_phrase(("ar", "hu", "ja"), 8) == "in 3 of 8 languages (ar, hu, ja)"


def test_every_language_is_said_so() -> None:
    assert languages_phrase(CODES, 54) == "in all 54 languages"


def test_a_long_list_is_cut_with_a_count_unless_every_name_is_wanted() -> None:
    assert languages_phrase(CODES[:40], 54) == (
        "in 40 of 54 languages (l00, l01, l02, l03, l04, l05, l06, l07, … 32 more)"
    )
    assert languages_phrase(CODES[:40], 54, listed=None).endswith("l38, l39)")


def test_a_fault_of_the_source_is_inherited_by_every_language() -> None:
    assert languages_phrase((), 54) == "in the source, inherited by its 54 languages"


def test_a_fault_of_no_source_is_the_repository_s() -> None:
    assert languages_phrase((), 0) == "in the repository"


def test_one_language_of_one_is_named() -> None:
    assert languages_phrase(("lt",), 1) == "in 1 of 1 language (lt)"


def test_plural_counts_with_thousands() -> None:
    assert (plural(1, "cause"), plural(1185, "translation")) == ("1 cause", "1,185 translations")
