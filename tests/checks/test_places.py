"""Every content finding says where it is in the translation and in the source, so that one
defect in many languages groups as one: (check, source, source_line)."""

from __future__ import annotations

from tests.checks.conftest import Compare
from transync.model import Severity

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
TOC_SOURCE = (
    "# Guide\n\n"
    "1. [Install](#install)\n2. [Use](#use)\n3. [Help](#help)\n\n"
    "## Install\n\ntext\n\n## Use\n\ntext\n\n## Help\n\ntext\n"
)


def test_a_changed_link_is_placed_at_the_source_link(compare: Compare) -> None:
    source = "# T\n\ntext\n\n[docs](https://a.example)\n"
    [finding] = compare(source, "# 제목\n\n글\n\n[문서](https://b.example)\n", check="link-")
    assert (finding.source, finding.source_line, finding.line) == ("README.md", 5, 5)


def test_the_same_defect_in_two_languages_shares_its_source_place(compare: Compare) -> None:
    source = "# T\n\n[a](https://a.example)\n\n## S\n\n[b](https://b.example)\n"
    korean = compare(source, "# 가\n\n[a](https://a.example)\n\n## 나\n\n", language="ko")
    french = compare(source, "# T\n\n[a](https://a.example)\n\n## S\n\ntexte\n", language="fr")
    places = {(f.check, f.source, f.source_line) for f in korean + french}
    assert places == {("link-missing", "README.md", 7)}


def test_a_missing_link_is_placed_after_the_nearest_shared_construct(compare: Compare) -> None:
    source = "# T\n\n## A\n\ntext\n\n## B\n\nsee [x](https://x.example)\n"
    translated = "# 가\n\n## 나\n\n글\n\n\n\n## 다\n\n글\n"
    [finding] = compare(source, translated, check="link-missing")
    assert finding.line == 11  # two lines after '## 다' (counterpart of '## B'), as in the source
    assert finding.source_line == 9


def test_rewritten_table_of_contents_anchors_are_one_finding_with_a_count(
    compare: Compare,
) -> None:
    # co-op-translator's rewrite: to the source's folder, from the translation's. A translated
    # anchor is no change (`broken-anchor` checks it).
    translated = TOC_SOURCE.replace("(#install)", "(../../../guide)")
    translated = translated.replace("(#use)", "(../../../guide)").replace("(#help)", "(#도움)")
    [finding] = compare(TOC_SOURCE, translated, check="link-", path="guide/README.md")
    assert finding.check == "link-changed"
    assert finding.count == 2
    assert (finding.line, finding.source_line) == (3, 3)
    assert finding.message.startswith("2 links to the page's own headings")
    assert "(all to ../../../guide;" in finding.message


def test_table_of_contents_stand_ins_are_counted_when_entries_were_dropped(
    compare: Compare,
) -> None:
    translated = TOC_SOURCE.replace("1. [Install](#install)\n", "")
    for anchor in ("(#use)", "(#help)"):
        translated = translated.replace(anchor, "(../../../guide)")
    findings = compare(TOC_SOURCE, translated, check="link-", path="guide/README.md")
    # the dropped entry is missing; the two rewritten are one cause
    assert sorted((f.check, f.count) for f in findings) == [
        ("link-changed", 2),
        ("link-missing", 1),
    ]


def test_a_dropped_table_is_reported_where_it_was_dropped(compare: Compare) -> None:
    other = "| x | y |\n|---|---|\n| 1 | 2 |\n"
    source = f"# T\n\n## A\n\n{TABLE}\n## B\n\n{other}\n## C\n\n{TABLE}"
    translated = f"# 가\n\n## 나\n\n{TABLE}\n## 다\n\n글\n\n## 라\n\n{TABLE}"
    [finding] = compare(source, translated, check="table-")
    assert "the source's table at line 12" in finding.message
    assert finding.source_line == 12
    assert (
        finding.line == 12
    )  # two lines after '## 다' (the translation's '## B'), as in the source


def test_heading_count_names_the_heading_that_is_missing(compare: Compare) -> None:
    source = (
        "# T\n\n## One\n\n[a](https://a.example)\n\n### Detail\n\n[b](https://b.example)\n\n"
        "## Two\n\n[c](https://c.example)\n"
    )
    translated = "# 가\n\n## 하나\n\n[a](https://a.example)\n\n## 둘\n\n[c](https://c.example)\n"
    [finding] = compare(source, translated, check="heading-count")
    assert finding.message.endswith(
        "the first without counterpart is the source's 'Detail' (line 7)"
    )
    assert finding.source_line == 7
    assert finding.line == 6  # after [a], before the next heading both share


def test_an_extra_heading_is_named_at_its_own_line(compare: Compare) -> None:
    source = "# T\n\n## A\n\ntext\n"
    [finding] = compare(source, "# 가\n\n## 나\n\n## 덤\n\n글\n", check="heading-count")
    assert finding.line == 5
    assert finding.message.endswith("is the heading here, which the source does not have")


def test_an_unclosed_fence_is_named_at_its_own_line(compare: Compare) -> None:
    source = "# T\n\n```python\nx = 1\n```\n\n## A\n\n```python\ny = 2\n```\n"
    translated = "# 가\n\n```python\nx = 1\n```\n\n## 나\n\n```python\ny = 2\n"
    [finding] = compare(source, translated, check="code-blocks")
    assert finding.line == 9
    assert "never closed" in finding.message


def test_an_anchor_is_printed_as_written(compare: Compare) -> None:
    source = "# Title\n\n[see](#title)\n"
    [finding] = compare(source, "# 제목\n\n[보기](#개요)\n", check="broken-anchor")
    assert finding.message.startswith("#개요 matches no heading")
    assert finding.source_line == 3


def test_a_file_that_loses_a_long_stretch_in_the_middle_is_content_lost(
    compare: Compare,
) -> None:
    middle = "".join(
        f"## Part {n}\n\n[p{n}](https://p{n}.example)\n" + "text\n" * 40 + "\n" for n in range(5)
    )
    source = f"# T\n\n## Start\n\ntext\n\n{middle}## End\n\n[z](https://z.example)\n"
    translated = "# 가\n\n## 시작\n\n글\n\n## 끝\n\n[z](https://z.example)\n"
    [finding] = compare(source, translated, check="content-lost")
    assert finding.severity is Severity.ERROR
    # Same-level headings pair in order: 'Part 0' with '끝', whose content is what went.
    assert "from the section 'Part 0'" in finding.message
    assert finding.source_line == 9  # the first construct lost: Part 0's link
    assert finding.line == 7
    assert compare(source, translated, check="truncated") == []
    # The count is the lines between the two shared places, and the range names them.
    count, _, rest = finding.message.partition(" lines of the source (lines ")
    first, _, last = rest.partition(" ")[0].partition("-")
    assert int(count) == int(last) - int(first) + 1


def test_a_short_gap_is_not_content_lost(compare: Compare) -> None:
    source = "# T\n\n## A\n\n" + "text\n" * 20 + "\n## B\n\ntext\n"
    assert compare(source, "# 가\n\n## 가\n\n글\n\n## 나\n\n글\n", check="content-lost") == []


def test_something_only_the_translation_has_before_everything_is_at_the_source_top(
    compare: Compare,
) -> None:
    source = "Intro text.\n\n## A\n\n[a](https://a.example)\n"
    translated = "[홈](https://home.example)\n\n## 가\n\n[a](https://a.example)\n"
    [finding] = compare(source, translated, check="link-extra")
    assert (finding.line, finding.source_line) == (1, 1)


def test_a_dropped_section_is_one_heading_finding_for_all_its_levels(compare: Compare) -> None:
    source = (
        "# T\n\n## A\n\n[a](https://a.example)\n\n## B\n\n### B1\n\n[b](https://b.example)\n\n"
        "## C\n\n[c](https://c.example)\n"
    )
    translated = "# 가\n\n## 가\n\n[a](https://a.example)\n\n## 다\n\n[c](https://c.example)\n"
    [finding] = compare(source, translated, check="heading-count")
    assert finding.count == 2
    # Same-level headings pair in order: 'B' with '다'; its sub-heading is the first left over.
    assert finding.message == (
        "2 level-2 headings, the source has 3; 0 level-3 headings, the source has 1:"
        " the first without counterpart is the source's 'B1' (line 9)"
    )
    assert (finding.line, finding.source_line) == (8, 9)


def test_a_source_heading_before_everything_is_placed_at_the_translations_first_construct(
    compare: Compare,
) -> None:
    source = "# Title\n\ntext\n\n## A\n\n[a](https://a.example)\n"
    translated = "<!-- note -->\n\n## 제목\n\n글\n\n## 가\n\n[a](https://a.example)\n"
    [finding] = compare(source, translated, check="heading-count")
    assert (finding.line, finding.source_line) == (3, 1)
