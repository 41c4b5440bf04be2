"""What a parse hides (a lost `[`, an empty link, an unclosed fence, leftover placeholders)
and faults of the source itself, reported once on the source."""

from __future__ import annotations

from tests.checks.conftest import Compare
from transync.model import Severity


def test_a_link_that_lost_its_bracket_is_a_broken_link(compare: Compare) -> None:
    source = "# T\n\nSee [the docs](https://docs.example) now.\n"
    translated = "# 가\n\n보기 the docs](https://docs.example) 지금.\n"
    [finding] = compare(source, translated, check="broken-link")
    assert finding.severity is Severity.ERROR
    assert finding.line == 3
    assert finding.source_line == 3
    assert "lost its '['" in finding.message


def test_links_and_nested_images_keep_their_brackets(compare: Compare) -> None:
    source = (
        "# T\n\n[![b](https://b.example/x.svg)](https://x.example) and [a\nb](https://a.example)\n"
    )
    assert compare(source, source.replace("# T", "# 가"), check="broken-link") == []


def test_an_empty_link_of_the_source_is_reported_once_on_the_source(compare: Compare) -> None:
    source = "# T\n\nSee [the docs]() now.\n"
    korean = compare(source, "# 가\n\n[문서]() 보기.\n", check="broken-link", language="ko")
    french = compare(source, "# T\n\nVoir [la doc]() .\n", check="broken-link", language="fr")
    assert korean == french
    [finding] = korean
    assert (finding.path, finding.language, finding.line) == ("README.md", None, 3)
    assert finding.severity is Severity.WARNING
    assert "'[text]()'" in finding.message


def test_an_empty_link_only_the_translation_has_is_its_own(compare: Compare) -> None:
    source = "# T\n\nSee [the docs](https://docs.example) now.\n"
    [finding] = compare(source, "# 가\n\n[문서]() 보기.\n", check="broken-link")
    assert (finding.path, finding.line) == ("translations/ko/README.md", 3)


def test_an_unclosed_fence_of_the_source_is_its_own_fault(compare: Compare) -> None:
    source = "# T\n\n```python\nx = 1\n"
    [finding] = compare(source, "# 가\n\n```python\nx = 1\n", check="code-blocks")
    assert (finding.path, finding.language, finding.line) == ("README.md", None, 3)


def test_leftover_placeholders_are_one_error_per_file(compare: Compare) -> None:
    source = "# T\n\nSee [docs](https://d.example) and `x`.\n\n## A\n\ntext\n"
    translated = "# 가\n\n@@LINK_DESTINATION_3@@ 와 @@INLINE_CODE_2@@.\n\n## 나\n\n@@LINE_0042@@\n"
    [finding] = compare(source, translated, check="leftover-placeholder")
    assert finding.severity is Severity.ERROR
    assert (finding.line, finding.count) == (3, 3)
    assert finding.message == (
        "3 co-op-translator placeholders left in the text instead of what it stands for"
        " (the first: @@LINK_DESTINATION_3@@)"
    )


def test_every_placeholder_kind_is_recognised(compare: Compare) -> None:
    translated = (
        "# 가\n\n@@CODE_BLOCK_1@@\n\n@@COOP_CHUNK_START:abc-1@@\n\n```\n@@INLINE_CODE_9@@\n```\n"
    )
    [finding] = compare("# T\n\ntext\n", translated, check="leftover-placeholder")
    assert finding.count == 3


def test_placeholders_the_source_has_are_reported_on_the_source(compare: Compare) -> None:
    source = "# T\n\n@@CODE_BLOCK_1@@\n"
    [finding] = compare(source, "# 가\n\n@@CODE_BLOCK_1@@\n", check="leftover-placeholder")
    assert (finding.path, finding.language) == ("README.md", None)


def test_text_with_at_signs_is_no_placeholder(compare: Compare) -> None:
    translated = "# 가\n\nmail@@example and @@ and @@NOT_OURS@@\n"
    assert compare("# T\n\ntext\n", translated, check="leftover-placeholder") == []
