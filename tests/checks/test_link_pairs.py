"""Links pair with their like: images with images, links with links, by place and target."""

from __future__ import annotations

from tests.checks.conftest import Compare


def test_a_badge_image_and_an_unrelated_text_link_are_missing_and_extra(compare: Compare) -> None:
    source = "# T\n\n[![Stars](https://img.shields.io/github/stars/o/r)](https://github.com/o/r)\n"
    translated = "# 가\n\n[가이드](https://docs.example/guide)\n"
    found = sorted(finding.check for finding in compare(source, translated, check="link-"))
    assert "link-changed" not in found
    assert found.count("link-missing") == 1
    assert found.count("link-extra") == 1


def test_a_link_changed_on_its_site_is_one_changed_link(compare: Compare) -> None:
    source = "# T\n\n[a](https://a.example/x) [b](https://b.example/one) [c](https://c.example)\n"
    translated = (
        "# 가\n\n[a](https://a.example/x) [b](https://b.example/two) [c](https://c.example)\n"
    )
    [finding] = compare(source, translated, check="link-")
    assert finding.check == "link-changed"
    assert "https://b.example/two" in finding.message


def test_the_only_link_of_a_place_replaced_by_another_is_changed(compare: Compare) -> None:
    source = "# T\n\n[a](https://a.example) then [b](https://b.example/old).\n\n## U\n"
    translated = "# 가\n\n[a](https://a.example) 그리고 [b](https://new.example/b).\n\n## 나\n"
    [finding] = compare(source, translated, check="link-")
    assert finding.check == "link-changed"


def test_several_unrelated_links_at_one_place_are_not_paired_by_order(compare: Compare) -> None:
    source = "# T\n\n[a](https://a.example) [b](https://b.example) [z](https://z.example)\n"
    translated = "# 가\n\n[c](https://c.example) [d](https://d.example) [z](https://z.example)\n"
    found = sorted(finding.check for finding in compare(source, translated, check="link-"))
    assert "link-changed" not in found
