"""One defect, one finding: the most specific check wins and the others fold into it;
truncation is found however the file ends."""

from __future__ import annotations

from tests.checks.conftest import Compare
from transync.model import Finding


def _defects(compare: Compare, source: str, translated: str) -> list[Finding]:
    """The findings but `untranslated` (the fixtures keep English prose for brevity)."""
    return [f for f in compare(source, translated) if f.check != "untranslated"]


PROSE = "This sentence is long enough to be prose that a translator should have translated. "
SECTIONS = "".join(
    f"## Part {n}\n\n{PROSE * 3}\n\n- [item {n}](https://example.com/{n})\n\n" for n in range(6)
)


def test_a_leftover_link_placeholder_is_one_finding(compare: Compare) -> None:
    source = "# T\n\nSee [the docs](https://docs.example/guide) now.\n"
    translated = "# 가\n\n보기 [문서](@@LINK_DESTINATION_1@@) 지금.\n"
    [finding] = compare(source, translated)
    assert (finding.check, finding.line) == ("leftover-placeholder", 3)


def test_a_link_rewritten_out_of_the_repository_is_only_a_broken_link(compare: Compare) -> None:
    source = "# T\n\nSee [the guide](docs/guide.md).\n"
    translated = "# 가\n\n[안내](../../../docs/guide.md) 보기.\n"
    [finding] = compare(source, translated)
    assert (finding.check, finding.line) == ("broken-link", 3)


def test_a_lost_bracket_is_not_also_a_missing_link(compare: Compare) -> None:
    source = f"# T\n\n{PROSE}\n\nSee [the docs](https://docs.example) now.\n\n## End\n"
    translated = f"# 가\n\n{PROSE}\n\n보기 the docs](https://docs.example) 지금.\n\n## 끝\n"
    [finding] = _defects(compare, source, translated)
    assert (finding.check, finding.line) == ("broken-link", 5)


def test_a_translation_cut_before_a_section_is_only_truncated(compare: Compare) -> None:
    source = f"# T\n\n{SECTIONS}"
    cut = source[: source.index("## Part 4")]
    [finding] = _defects(compare, source, cut.replace("# T", "# 가"))
    assert finding.check == "truncated"
    assert "'Part 4'" in finding.message


def test_a_translation_cut_in_the_middle_of_a_link_is_truncated(compare: Compare) -> None:
    items = "".join(
        f"- [Resource number {n}](https://example.com/r{n}) {PROSE}\n" for n in range(8)
    )
    source = f"# T\n\n{PROSE}\n\n## Where to learn more\n\nSome sources:\n\n{items}"
    translated = f"# 가\n\n{PROSE}\n\n## 더 알아보기\n\n출처:\n\n- [Open Web Application\n"
    [finding] = _defects(compare, source, translated)
    assert finding.check == "truncated"
    assert finding.line == 9


def test_a_translation_cut_in_the_middle_of_a_table_is_truncated(compare: Compare) -> None:
    rows = "".join(f"| row {n} | {PROSE} |\n" for n in range(10))
    source = f"# T\n\n{PROSE}\n\n| a | b |\n| --- | --- |\n{rows}"
    translated = f"# 가\n\n{PROSE}\n\n| a | b |\n| --- | --- |\n{rows[: rows.index('| row 3')]}"
    [finding] = _defects(compare, source, translated)
    assert finding.check == "truncated"


def test_an_ending_that_is_only_shorter_is_not_truncated(compare: Compare) -> None:
    source = f"# T\n\n{PROSE * 2}\n\n- [a](https://a.example) {PROSE}\n"
    translated = f"# 가\n\n{PROSE * 2}\n\n- [a](https://a.example) 짧은 번역.\n"
    assert compare(source, translated, check="truncated") == []


def test_a_translation_cut_in_the_middle_of_a_link_target_is_only_truncated(
    compare: Compare,
) -> None:
    source = f"# T\n\n{SECTIONS}"
    cut = source[: source.index("## Part 4")] + "- [item](https://example.com/ite\n"
    [finding] = _defects(compare, source, cut.replace("# T", "# 가"))
    assert finding.check == "truncated"


def test_a_pages_link_to_itself_is_no_extra_link(compare: Compare) -> None:
    languages = "[English](../../README.md) | [한국어](./README.md) | [Français](../fr/README.md)"
    [finding] = compare("# T\n\ntext\n", f"# 가\n\n{languages}\n\n글\n", check="link-extra")
    assert "../../README.md" in finding.message
