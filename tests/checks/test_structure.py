"""heading-count, code-blocks, front-matter, truncated, untranslated."""

from __future__ import annotations

from tests.checks.conftest import Compare
from transync.model import Severity, State

PROSE = "This sentence is long enough to be prose that a translator should have translated. "


def test_a_lost_heading_is_counted_per_level(compare: Compare) -> None:
    end = "\n\n[next](https://next.example)\n"
    [finding] = compare(f"# A\n\n## B\n\n## C{end}", f"# 가\n\n## 나{end}", check="heading-count")
    assert finding.message.startswith("1 level-2 heading, the source has 2")
    assert finding.severity is Severity.WARNING


def test_same_outline_has_no_heading_finding(compare: Compare) -> None:
    assert compare("# A\n\n## B\n", "# 가\n\n## 나\n", check="heading-count") == []


def test_a_lost_code_block_names_the_sources_block(compare: Compare) -> None:
    source = "```bash\nls\n```\n\n```python\nprint(1)\n```\n"
    [finding] = compare(source, "```python\nprint(1)\n```\n", check="code-blocks")
    assert (
        finding.message
        == "1 code block, the source has 2 (the first unpaired is the source's at line 1)"
    )


def test_translated_comments_and_strings_are_not_code_changes(compare: Compare) -> None:
    source = '```python\n# say hello\nprint("Hello")  # greet\n```\n'
    translated = '```python\n# 인사하기\nprint("안녕하세요")  # 인사\n```\n'
    assert compare(source, translated, check="code-blocks") == []


def test_changed_code_is_reported(compare: Compare) -> None:
    [finding] = compare(
        "```python\nrun(fast=True)\n```\n", "```python\nrun(slow=True)\n```\n", check="code-blocks"
    )
    assert finding.line == 1
    assert "beyond comments and strings" in finding.message


def test_prose_blocks_may_be_rewritten(compare: Compare) -> None:
    assert compare("```text\nOutput here\n```\n", "```text\n출력\n```\n", check="code-blocks") == []


def test_front_matter_missing_unclosed_or_lacking_keys(compare: Compare) -> None:
    source = "---\ntitle: Guide\nsidebar: 2\n---\n# Guide\n"
    [missing] = compare(source, "# 안내\n", check="front-matter")
    assert "is missing" in missing.message
    [unclosed] = compare(source, "---\ntitle: 안내\nsidebar: 2\n# 안내\n", check="front-matter")
    assert unclosed.message.startswith("front matter is not closed")
    [lacking] = compare(source, "---\ntitle: 안내\n---\n# 안내\n", check="front-matter")
    assert lacking.message == "front matter lacks the source's keys: sidebar"


def test_front_matter_after_the_metadata_comment_is_front_matter(compare: Compare) -> None:
    translated = "<!--\nCO_OP_TRANSLATOR_METADATA:\n{}\n-->\n---\ntitle: 안내\n---\n# 안내\n"
    found = compare("---\ntitle: Guide\n---\n# Guide\n", translated)
    assert found == []


def test_a_translation_that_stops_before_the_last_section_is_truncated(compare: Compare) -> None:
    source = "# A\n\n[x](https://x.example)\n\n## B\n\ntext\n\n## C\n\n```sh\nrun\n```\n"
    translated = "# 가\n\n[x](https://x.example)\n\n## 나\n\n글\n"
    [finding] = compare(source, translated, check="truncated")
    assert finding.severity is Severity.ERROR
    assert finding.message == "the translation ends here, before the source's section 'C' (line 9)"
    assert (finding.source, finding.source_line) == ("README.md", 9)
    assert finding.line == 7


def test_a_stale_truncated_translation_says_the_source_may_have_grown(compare: Compare) -> None:
    source = "# A\n\n## B\n\n```sh\nrun\n```\n"
    [finding] = compare(source, "# 가\n", check="truncated", state=State.STALE)
    assert "stale" in finding.message


def test_a_far_shorter_translation_is_truncated(compare: Compare) -> None:
    [finding] = compare(PROSE * 30, "짧다.\n", check="truncated")
    assert "expected at least" in finding.message


def test_cjk_text_may_be_much_shorter_than_english(compare: Compare) -> None:
    japanese = "これは十分に長い日本語の文章で、翻訳者が訳したものです。" * 30
    assert compare(PROSE * 30, japanese + "\n", check="truncated") == []


def test_long_english_paragraphs_in_a_translation_are_untranslated(compare: Compare) -> None:
    source = f"# A\n\n{PROSE * 3}\n\nShort.\n"
    [finding] = compare(source, f"# 가\n\n{PROSE * 3}\n\nShort.\n", check="untranslated")
    assert finding.line == 3
    assert finding.message.startswith("1 paragraph is identical to the source")


def test_english_and_link_lists_are_not_untranslated(compare: Compare) -> None:
    links = " | ".join(f"[Language {n}](./translations/l{n}/README.md)" for n in range(30))
    assert compare(links + "\n", links + "\n", check="untranslated") == []
    assert compare(PROSE * 3, PROSE * 3, check="untranslated", language="en-GB") == []
