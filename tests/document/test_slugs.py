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
