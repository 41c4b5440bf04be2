"""Carrying link targets and code blocks: written as the translation writes them, or not at all."""

from __future__ import annotations

import pytest

from transync.sync.anchors import heading_anchors, translated_anchor
from transync.sync.carry import CannotCarry, apply, carry, parts

OLD = "# Guide\n\nRead [setup](setup.md#install) or <https://x.org/a>.\n\n```sh\nrun 1\n```\n"
TRANSLATED = (
    "# Guide (ja)\n\n[設定](../../setup.md#インストール)または<https://x.org/a>。\n\n"
    "```sh\nrun 1\n```\n"
)


def _carried(new: str, translation: str = TRANSLATED) -> str:
    return apply(translation, carry(OLD, new, translation))


def test_a_relative_link_keeps_the_translations_depth_and_translated_anchor() -> None:
    new = OLD.replace("setup.md#install", "guide/setup.md#install")
    assert "](../../guide/setup.md#インストール)" in _carried(new)


def test_an_autolink_and_a_code_block_are_carried_verbatim() -> None:
    new = OLD.replace("x.org/a", "x.org/b").replace("run 1", "run 2")
    carried = _carried(new)
    assert "<https://x.org/b>" in carried and "```sh\nrun 2\n```" in carried
    assert carried.startswith("# Guide (ja)\n\n[設定]")  # prose untouched


def test_a_code_block_with_translated_comments_is_refused() -> None:
    translation = TRANSLATED.replace("run 1", "run 1  # 実行")
    with pytest.raises(CannotCarry, match=r"code block 1 .* is not the source's old block"):
        _carried(OLD.replace("run 1", "run 2"), translation)


def test_a_changed_anchor_under_a_translated_one_needs_the_headings() -> None:
    with pytest.raises(CannotCarry, match="anchor is translated"):
        _carried(OLD.replace("#install", "#usage"))


def test_a_change_outside_links_and_code_is_refused() -> None:
    with pytest.raises(CannotCarry, match="changed outside its link targets and code blocks"):
        _carried(OLD.replace("Read", "Please read"))


def test_a_link_added_is_refused() -> None:
    with pytest.raises(CannotCarry, match="from 2 to 3 links"):
        _carried(OLD.replace("or <https", "or [b](b.md) <https"))


def test_links_inside_code_are_code_not_links() -> None:
    found = parts("[a](a.md)\n\n```\n[b](b.md)\n```\n")
    assert [link.text for link in found.links] == ["a.md"]
    assert [block.text for block in found.code] == ["```\n[b](b.md)\n```\n"]


def test_translated_anchors_pair_headings_by_position() -> None:
    source = "# Setup\n\n## Install\n\n## Usage\n"
    translation = "# セットアップ\n\n## インストール\n\n## 使い方\n"
    assert heading_anchors(translation) == ["セットアップ", "インストール", "使い方"]
    assert (
        translated_anchor(source, translation, "#install", "#インストール", "#usage") == "#使い方"
    )
    # The translation's link disagrees with the pairing: nothing is derived.
    assert translated_anchor(source, translation, "#install", "#セットアップ", "#usage") is None


def test_the_disclaimer_co_op_translator_appends_is_outside_the_carrying() -> None:
    disclaimer = (
        "\n---\n\n**免責事項**: この文書は [Co-op Translator](https://github.com/Azure/co-op-translator)"
        " を使用して翻訳されています。\n"
    )
    new = OLD.replace("x.org/a", "x.org/b")
    carried = _carried(new, TRANSLATED + disclaimer)
    assert "<https://x.org/b>" in carried
    assert carried.endswith(disclaimer)


def test_co_op_translators_languages_table_is_outside_the_carrying() -> None:
    table = (
        "<!-- CO-OP TRANSLATOR LANGUAGES TABLE START -->\n[French](../fr/README.md)"
        " | [German](../de/README.md)\n<!-- CO-OP TRANSLATOR LANGUAGES TABLE END -->\n\n"
    )
    new = OLD.replace("x.org/a", "x.org/b")
    assert "<https://x.org/b>" in _carried(new, table + TRANSLATED)


def test_a_languages_table_with_translated_markers_is_outside_the_carrying() -> None:
    table = (
        "<!-- TABELA DE LÍNGUAS DO TRADUTOR CO-OP INÍCIO -->\n[Francês](../fr/README.md)\n"
        "<!-- TABELA DE LÍNGUAS DO TRADUTOR CO-OP FIM -->\n\n"
    )
    new = OLD.replace("x.org/a", "x.org/b")
    assert "<https://x.org/b>" in _carried(new, table + TRANSLATED)
