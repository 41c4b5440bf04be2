"""Layouts, sources and language folders: what a scan is about."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.builders import RepoBuilder
from transync.config import Config, parse_config
from transync.discover import discover
from transync.discover.flat_image import read_flat_image_name
from transync.errors import TransyncError
from transync.model import Layout


def test_detects_the_root_and_docs_i18n_layouts(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hi\n")
    repo.source("docs/cli.md", "# CLI\n")
    repo.write("translations/ja/README.md", "x")
    repo.write("docs/i18n/ja/cli.md", "x")
    inventory = discover(repo.root, Config())
    assert inventory.layouts == (
        Layout("translations/<lang>", "."),
        Layout("docs/i18n/<lang>", "docs"),
    )
    # docs/ belongs to its own layout only: its pages are not expected under translations/.
    assert inventory.sources[inventory.layouts[0]] == {"README.md"}
    assert inventory.sources[inventory.layouts[1]] == {"docs/cli.md"}


def test_the_language_is_the_folder_name(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hi\n")
    for code in ("pt-BR", "zh-TW", "br"):
        repo.write(f"translations/{code}/README.md", "x")
    assert [folder.code for folder in discover(repo.root, Config()).folders] == [
        "br",
        "pt-BR",
        "zh-TW",
    ]


def test_sources_skip_excluded_folders_and_translation_roots(repo: RepoBuilder) -> None:
    repo.write("translations/ja/README.md", "x")
    for path in (
        "README.md",
        "lesson/a.mdx",
        "nb/n.ipynb",
        "x.markdown",
        "node_modules/p/README.md",
        ".github/ISSUE.md",
        "translated_images/ja/x.md",
        "build/out.md",
        "code.py",
    ):
        repo.source(path, "x")
    (layout,) = discover(repo.root, Config()).layouts
    assert sorted(discover(repo.root, Config()).sources[layout]) == [
        "README.md",
        "lesson/a.mdx",
        "nb/n.ipynb",
        "x.markdown",
    ]


def test_include_and_exclude_globs_select_sources(repo: RepoBuilder) -> None:
    repo.write("translations/ja/README.md", "x")
    for path in ("README.md", "lessons/1/a.md", "lessons/2/b.md", "drafts/c.md"):
        repo.source(path, "x")
    config = parse_config(
        {"include": ["README.md", "lessons/**"], "exclude": ["lessons/2"]}, "test"
    )
    inventory = discover(repo.root, config)
    assert sorted(inventory.sources[inventory.layouts[0]]) == ["README.md", "lessons/1/a.md"]


def test_custom_layouts_with_lang_in_the_middle(repo: RepoBuilder) -> None:
    repo.source("docs/guide.md", "x")
    repo.write("i18n/fr/docs/guide.md", "x")
    config = parse_config(
        {"layouts": [{"translations": "i18n/<lang>/docs", "sources": "docs"}]}, "test"
    )
    inventory = discover(repo.root, config)
    (folder,) = inventory.folders
    assert (folder.code, folder.path) == ("fr", "i18n/fr/docs")
    assert inventory.translations[folder] == ("i18n/fr/docs/guide.md",)


def test_a_file_where_a_language_folder_should_be_is_reported(repo: RepoBuilder) -> None:
    repo.write("translations/ja/README.md", "x")
    repo.write("translations/NOTES", "x")
    (finding,) = discover(repo.root, Config()).findings
    assert finding.check == "skipped-path"
    assert "is a file" in finding.message


def test_no_translations_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TransyncError, match="no translations found"):
        discover(tmp_path, Config())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_never_lead_the_walk_outside(
    repo: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.md").write_text("x")
    repo.write("translations/ja/README.md", "x")
    repo.source("README.md", "x")
    os.symlink(outside, repo.root / "linked-dir")
    os.symlink(outside / "secret.md", repo.root / "leak.md")
    os.symlink(repo.root, repo.root / "loop")
    inventory = discover(repo.root, Config())
    assert inventory.sources[inventory.layouts[0]] == {"README.md"}
    assert sorted(finding.path for finding in inventory.findings) == ["leak.md", "linked-dir"]


def test_legacy_flat_image_names_tell_the_language_they_claim() -> None:
    """Only a claim: discovery accepts it where a language folder has that code."""

    def language(name: str) -> str | None:
        parts = read_flat_image_name(name)
        return parts.language if parts else None

    assert language("cover.eb18d1b9605d754b.ja.png") == "ja"
    assert language("cover.eb18d1b9605d754b.tw.png") == "tw"  # old alias of zh-TW
    assert language("cover.eb18d1b9605d754b.mni.png") == "mni"
    assert language("cover.eb18d1b9605d754b.Ko.png") == "Ko"
    assert language("cover.ja.png") is None  # no hash: not co-op-translator's name


def test_a_legacy_flat_image_name_is_made_from_its_source_path() -> None:
    name = read_flat_image_name(
        "cover.eb18d1b9605d754b30973f4e17c6e11ea4f8473d9686ee378d6e7b44e3c70ac7.ar.png"
    )
    assert name is not None and name.source_name == "cover.png"
    assert name.made_from("imgs/cover.png") and not name.made_from("cover.png")
