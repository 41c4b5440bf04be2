from __future__ import annotations

from transync.document.slugs import Slugger, slug


def test_github_slugs_keep_letters_of_every_script() -> None:
    assert slug("Savarankiško Mokymosi Ištekliai") == "savarankiško-mokymosi-ištekliai"
    assert slug("はじめに「セットアップ」") == "はじめにセットアップ"
    assert slug("البدء السريع") == "البدء-السريع"
    assert slug("1. What's new? (v2.0)") == "1-whats-new-v20"
    assert slug("🌐 Multi-Language Support") == "-multi-language-support"


def test_repeated_headings_are_numbered_like_github() -> None:
    slugger = Slugger()
    assert [slugger("Setup"), slugger("Setup"), slugger("Setup-1"), slugger("Setup")] == [
        "setup",
        "setup-1",
        "setup-1-1",
        "setup-2",
    ]


def test_slugs_match_tables_of_contents_written_for_github() -> None:
    """Heading -> anchor pairs as real Japanese READMEs link them."""
    assert slug("Module 1: Azure AI Foundry プロジェクト作成") == (
        "module-1-azure-ai-foundry-プロジェクト作成"
    )
    assert (
        slug("2. 信頼できるセットアップ (Powers of Tau)")
        == "2-信頼できるセットアップ-powers-of-tau"
    )
    assert slug("📚 目次") == "-目次"
