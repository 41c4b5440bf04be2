"""What a maintainer called noise: equal URLs, helpful extra links, English-like languages,
reference lists; and links that climb to a file directly under the translation root."""

from __future__ import annotations

import pytest

from tests.builders import RepoBuilder
from tests.checks.conftest import Compare
from tests.checks.test_structure import PROSE
from transync.checks.engine.targets import web_key
from transync.model import Severity


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "https://img.shields.io/badge/License-MIT-blue",
            "https://img.shields.io/badge/License-MIT-blue.svg",
        ),
        (
            "https://img.shields.io/badge/AI%20(JS)-E879F9?style=flat",
            "https://img.shields.io/badge/Generat%C3%ADv%20AI%20(JS)-E879F9?style=flat",
        ),
        ("http://example.com/docs", "https://example.com/docs"),
        ("https://example.com/docs/", "https://example.com/docs"),
        ("https://www.example.com/docs", "https://example.com/docs"),
    ],
)
def test_urls_that_serve_the_same_thing_have_one_key(one: str, other: str) -> None:
    assert web_key(one) == web_key(other)


def test_different_badges_and_pages_keep_different_keys() -> None:
    assert web_key("https://img.shields.io/badge/x-red") != web_key(
        "https://img.shields.io/badge/x-blue"
    )
    assert web_key("https://example.com/a") != web_key("https://example.org/a")


def test_a_badge_without_its_svg_suffix_is_no_changed_link(compare: Compare) -> None:
    source = "![l](https://img.shields.io/badge/License-MIT-blue.svg)\n"
    translated = "![l](http://img.shields.io/badge/Licenc-MIT-blue)\n"
    assert compare(source, translated, check="link-") == []


def test_an_extra_link_to_a_page_that_exists_is_a_note(compare: Compare, repo: RepoBuilder) -> None:
    repo.source("guide.md", "# Guide\n")
    [finding] = compare(
        "# T\n\nSee the guide.\n", "# 가\n\n[가이드](../../guide.md) 보기.\n", check="link-"
    )
    assert (finding.check, finding.severity) == ("link-extra", Severity.NOTE)


def test_an_extra_web_link_stays_a_warning(compare: Compare) -> None:
    [finding] = compare("# T\n\ntext\n", "# 가\n\n[x](https://x.example)\n", check="link-")
    assert finding.severity is Severity.WARNING


def test_a_link_up_to_a_file_directly_under_the_translation_root_is_checked(
    compare: Compare,
) -> None:
    source = "# T\n\n[other](other.md)\n"
    [finding] = compare(source, "# 가\n\n[다른](../other.md)\n", check="broken-link")
    assert finding.message.startswith("../other.md does not exist (translations/other.md)")


def test_a_link_into_an_absent_language_folder_is_still_not_checked(compare: Compare) -> None:
    source = "# T\n\n[fr](translations/fr/README.md)\n"
    assert compare(source, "# 가\n\n[fr](../fr/README.md)\n", check="broken-link") == []


def test_a_reference_list_item_is_not_untranslated(compare: Compare) -> None:
    item = (
        "Microsoft Learn documentation for Azure AI Foundry Local and the ONNX Runtime GenAI"
        " samples repository: https://learn.microsoft.com/azure/ai-foundry/foundry-local/"
        "get-started https://github.com/microsoft/onnxruntime-genai/tree/main/examples\n"
    )
    assert compare(f"# T\n\n{item}", f"# 가\n\n{item}", check="untranslated") == []


def test_a_list_of_product_names_is_not_untranslated(compare: Compare) -> None:
    names = (
        "Phi-4 Mini, Qwen2.5 Coder, Gemma 3, Llama 3.2 Vision, Mistral NeMo, BitNET, "
        "Foundry Local, Ollama, VLLM, ONNX Runtime, OpenVINO, Apple MLX, Windows ML, "
        "Azure AI Foundry, Visual Studio Code, GitHub Copilot, Hugging Face Transformers\n"
    )
    assert compare(f"# T\n\n{names}", f"# 가\n\n{names}", check="untranslated") == []


def test_english_based_languages_are_reported_only_for_a_file_left_in_english(
    compare: Compare,
) -> None:
    source = f"# A\n\n{PROSE * 3}\n\n## B\n\n{PROSE * 2} Again.\n\n## C\n\n{PROSE * 2} More.\n"
    one_kept = f"# A\n\n{PROSE * 3}\n\n## B\n\nDis one na pidgin.\n\n## C\n\nAnd dis one.\n"
    assert compare(source, one_kept, check="untranslated", language="pcm") == []
    [finding] = compare(source, source, check="untranslated", language="pcm")
    assert finding.count == 3
    assert compare(source, one_kept, check="untranslated", language="ko") != []
