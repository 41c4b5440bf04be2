from __future__ import annotations

import pytest

from tests.builders import RepoBuilder
from tests.checks.conftest import Compare
from transync.model import Severity


def test_coop_translator_relative_rewrites_are_not_findings(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("docs/guide.md", "# Guide\n")
    repo.write("code/app.py", "print()\n")
    repo.write("translations/ko/docs/guide.md", "# 안내\n")
    source = "[guide](docs/guide.md) [app](code/app.py) [self](#title)\n\n# Title\n"
    translated = "[안내](docs/guide.md) [앱](../../code/app.py) [자신](#제목)\n\n# 제목\n"
    assert compare(source, translated, path="lesson/README.md".replace("lesson/", "")) == []


def test_translated_images_stand_for_their_source_image(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("lesson/images/hero.png", b"png")
    repo.write("translated_images/ko/hero.0123456789abcdef.webp", b"webp")
    found = compare(
        "![hero](images/hero.png)\n",
        "![영웅](../../../translated_images/ko/hero.0123456789abcdef.webp)\n",
        path="lesson/README.md",
    )
    assert found == []


def test_a_languages_table_linking_to_this_language_is_not_changed(compare: Compare) -> None:
    found = compare(
        "[Korean](./translations/ko/README.md)\n", "[한국어](./README.md)\n", check="link-"
    )
    assert found == []


def test_a_dropped_link_is_an_error_at_its_neighbours_line(compare: Compare) -> None:
    source = "[a](https://a.example) [b](https://b.example)\n\n[c](https://c.example)\n"
    translated = "[a](https://a.example)\n\n[c](https://c.example)\n"
    [finding] = compare(source, translated, check="link-")
    assert finding.check == "link-missing"
    assert finding.severity is Severity.ERROR
    assert finding.line == 1
    assert "https://b.example (source line 1)" in finding.message


def test_an_added_link_is_extra(compare: Compare) -> None:
    [finding] = compare("text\n", "글 [x](https://x.example)\n", check="link-")
    assert (finding.check, finding.line) == ("link-extra", 1)


def test_a_different_target_in_the_same_place_is_changed(compare: Compare) -> None:
    source = "[a](https://a.example)\n[b](https://b.example/new)\n"
    translated = "[a](https://a.example)\n[b](https://b.example/old)\n"
    [finding] = compare(source, translated, check="link-")
    assert finding.check == "link-changed"
    assert finding.line == 2
    assert "https://b.example/old" in finding.message and "https://b.example/new" in finding.message


def test_a_moved_link_is_still_paired(compare: Compare) -> None:
    source = "[a](https://a.example) [b](https://b.example)\n"
    assert compare(source, "[b](https://b.example) [a](https://a.example)\n", check="link-") == []


def test_tracking_parameters_are_summed_up_once_per_file(compare: Compare) -> None:
    source = "[a](https://a.example/x) [b](https://b.example/y?tabs=1#part)\n"
    translated = (
        "[a](https://a.example/x?WT.mc_id=academic-1)\n"
        "[b](https://b.example/y?tabs=1#part?WT.mc_id=academic-1)\n"
    )
    [finding] = compare(source, translated, check="link-")
    assert finding.check == "link-tracking"
    assert finding.line == 1
    assert finding.message == (
        "WT.mc_id=academic-1 on 2 links (the first here) where the source has none"
    )


def test_a_locale_segment_on_one_side_only_is_tracking(compare: Compare) -> None:
    [finding] = compare(
        "[d](https://learn.microsoft.com/en-us/training/x)\n",
        "[d](https://learn.microsoft.com/training/x)\n",
        check="link-",
    )
    assert finding.message == "/en-us/ missing from 1 link where the source has it"


def test_two_different_locales_are_a_choice_not_a_finding(compare: Compare) -> None:
    found = compare(
        "[d](https://learn.microsoft.com/en-us/x)\n",
        "[d](https://learn.microsoft.com/ko-kr/x)\n",
        check="link-",
    )
    assert found == []


@pytest.mark.parametrize(
    ("markup", "target"),
    [
        ("[r][ref]\n\n[ref]: https://ref.example\n", "https://ref.example"),
        ("<https://auto.example>\n", "https://auto.example"),
        ("see https://bare.example/x.\n", "https://bare.example/x"),
        ('<a href="https://html.example">h</a>\n', "https://html.example"),
        ('<img src="https://img.example/p.png">\n', "https://img.example/p.png"),
    ],
)
def test_every_kind_of_link_is_compared(compare: Compare, markup: str, target: str) -> None:
    [finding] = compare(markup, "번역\n", check="link-missing")
    assert f" to {target} (source line 1)" in finding.message


def test_links_lost_together_are_one_finding(compare: Compare) -> None:
    source = "# T\n\n## A\n\n[a](https://a.example) [b](https://b.example)\n\n## B\n\ntext\n"
    [finding] = compare(source, "# 가\n\n## 가\n\n글\n\n## 나\n\n글\n", check="link-missing")
    assert finding.count == 2
    assert finding.line == 5  # the translation's paragraph where they are missing
    assert finding.message == (
        "the source's 2 links on line 5 (the first to https://a.example)"
        " have no counterpart in the translation"
    )


def test_links_lost_in_two_sections_are_two_findings(compare: Compare) -> None:
    source = "# T\n\n## A\n\n[a](https://a.example)\n\n## B\n\n[b](https://b.example)\n"
    found = compare(source, "# 가\n\n## 가\n\n글\n\n## 나\n\n글\n", check="link-missing")
    assert [(finding.line, finding.source_line) for finding in found] == [(5, 5), (9, 9)]


def test_links_inside_code_blocks_are_not_links(compare: Compare) -> None:
    source = "```md\n[a](https://a.example)\n```\n\n    <a href='https://b.example'>\n"
    assert compare(source, "```md\n[x](https://x.example)\n```\n", check="link-") == []


def test_the_disclaimer_co_op_translator_appends_is_not_an_extra_link(compare: Compare) -> None:
    translated = (
        "# 제목\n\n---\n\n**면책 조항**: [Co-op Translator](https://github.com/Azure/co-op-translator)"
        "를 사용하여 번역되었습니다.\n"
    )
    assert compare("# Title\n", translated, check="link-") == []


def test_legacy_flat_translated_image_names_stand_for_their_source_image(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("images/fig.1.png", b"png")
    name = "fig.1." + "ab" * 32 + ".ko.png"
    repo.write(f"translated_images/{name}", b"png")
    found = compare("![f](images/fig.1.png)\n", f"![f](../../translated_images/{name})\n")
    assert found == []


def test_the_languages_table_is_left_to_co_op_translator(compare: Compare) -> None:
    source = "[Français](./translations/fr/README.md) [Korean](./translations/ko/README.md)\n"
    assert compare(source, "[한국어](./README.md)\n", check="link-") == []


def test_a_disclaimer_without_a_rule_above_it_is_not_an_extra_link(compare: Compare) -> None:
    translated = (
        "# 제목\n\n본문.\n\n**면책 조항**:  \n이 문서는 [Co-op Translator]"
        "(https://github.com/Azure/co-op-translator)를 사용하여 번역되었습니다.\n"
    )
    assert compare("# Title\n\nText.\n", translated, check="link-") == []


def test_a_closing_paragraph_that_links_co_op_translator_is_content(compare: Compare) -> None:
    source = "# Title\n\nMade with [Co-op Translator](https://github.com/Azure/co-op-translator).\n"
    translated = "# 제목\n\n[Co-op Translator](https://github.com/Azure/co-op-translator)로 만듦.\n"
    assert compare(source, translated, check="link-") == []


def test_a_lesson_translated_the_way_co_op_translator_did_in_2025_has_no_findings(
    repo: RepoBuilder, compare: Compare
) -> None:
    """Modelled on a real course: a lesson folder, images with a tracking query in the
    source, legacy flat translated image names, `../../../` prefixes, a sibling lesson link."""
    digest = "2424cfd092f43366707ee2d15749f62f76f80ea3cb0816f4f31d0abd5ffd4dd1"
    repo.write("01-intro/images/banner.png", b"png")
    repo.write(f"translated_images/banner.{digest}.ko.png", b"png")
    repo.source("02-next/README.md", "# Next\n")
    repo.write("translations/ko/02-next/README.md", "# 다음\n")
    source = (
        "# Intro\n\n[![Intro](./images/banner.png?WT.mc_id=academic-1)](https://aka.ms/x)\n\n"
        "Go to [the next lesson](../02-next/README.md?WT.mc_id=academic-1)!\n"
    )
    translated = (
        f"# 소개\n\n[![소개](../../../translated_images/banner.{digest}.ko.png)]"
        "(https://aka.ms/x)\n\n[다음 수업](../02-next/README.md?WT.mc_id=academic-1)으로!\n\n"
        "**면책 조항**:  \n[Co-op Translator](https://github.com/Azure/co-op-translator)\n"
    )
    assert compare(source, translated, path="01-intro/README.md") == []


def test_a_replaced_linked_badge_is_one_change(compare: Compare) -> None:
    source = "[![chat](https://badge.example/a)](https://chat.example/a)\n"
    translated = "[![채팅](https://badge.example/b)](https://chat.example/b)\n"
    [finding] = compare(source, translated, check="link-")
    assert finding.count == 2
    assert finding.message == (
        "link points to https://chat.example/b where the source (line 1) has"
        " https://chat.example/a (and 1 other link of the line)"
    )


def test_a_long_changed_address_is_shown_where_it_differs(compare: Compare) -> None:
    """Two 300-character tracking addresses that differ in one letter read as that letter."""
    query = "&".join(f"p{number}=a2NvZmZjaWFsd2Vic2l0ZQ{number}" for number in range(12))
    source = f"See [the search](https://www.bing.com/ck/a?{query}&ntb=1).\n"
    translated = source.replace("p5=a2Nv", "p5=a2tv").replace("See", "Voir")
    [finding] = compare(source, translated, check="link-")
    assert finding.message == (
        "link points to https://www.bing.com/ck/a?p0=a2N…2l0ZQ4&p5=a2tvZmZjaWFsd2V… where the"
        " source (line 1) has https://www.bing.com/ck/a?p0=a2N…2l0ZQ4&p5=a2NvZmZjaWFsd2V…"
    )
