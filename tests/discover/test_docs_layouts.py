"""The common layouts of translated docs (Docusaurus, Hugo, `docs/<lang>/` beside
`docs/en/`, mkdocs-static-i18n's `page.fr.md`): detected, and every command works from git
alone where nothing carries metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import (
    DOCS_COURSE_VERDICTS,
    DOCS_LAYOUTS,
    GitRepo,
    build_docs_course,
    docs_translation,
)
from transync.cli import cli
from transync.model import Layout
from transync.scan import scan

LANGUAGES = ("de", "fr")


@pytest.fixture(params=sorted(DOCS_LAYOUTS))
def site(
    request: pytest.FixtureRequest, git: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> tuple[GitRepo, str, str]:
    translations, sources = DOCS_LAYOUTS[request.param]
    build_docs_course(git.root, git, translations, sources, LANGUAGES)
    monkeypatch.chdir(git.root)
    return git, translations, sources


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "250"})


def test_the_layout_is_detected_with_its_languages_and_not_its_source_folder(
    site: tuple[GitRepo, str, str],
) -> None:
    git, translations, sources = site
    report = scan(git.root)
    suffix = translations.endswith("*.{lang}")
    expected = sources if suffix else translations.format(lang="<lang>")
    assert report.layouts == (Layout(expected, sources, suffix=suffix),)
    assert [summary.code for summary in report.languages] == list(LANGUAGES)


def test_status_estimates_every_translation_from_git(site: tuple[GitRepo, str, str]) -> None:
    git, translations, _ = site
    result = _run("status", str(git.root), "--format", "json")
    files = {entry["translation"]: entry for entry in json.loads(result.stdout)["files"]}
    for (language, page), verdict in DOCS_COURSE_VERDICTS.items():
        entry = files[docs_translation(translations, language, page)]
        assert entry["estimate"]["state"] == verdict, (language, page)
        assert entry["basis"] == "git"


def test_check_diff_todo_and_dashboard_work_from_git_alone(
    site: tuple[GitRepo, str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    git, translations, _ = site
    check = _run("check", str(git.root))
    assert "(estimated from git: 1 outdated, 1 up to date)" in check.stdout
    diff = _run("diff", docs_translation(translations, "fr", "intro.md"))
    assert "+Welcome to the tool, now with plugins." in diff.stdout
    assert "Intro: plugins" in diff.stdout
    todo = json.loads(_run("todo", "--format", "json").stdout)
    actions = {
        item["translation"]: item["action"] for lang in todo["languages"] for item in lang["items"]
    }
    assert actions[docs_translation(translations, "fr", "intro.md")] == "translate"
    assert actions[docs_translation(translations, "fr", "guide/setup.md")] == "relocate"
    site_folder = tmp_path_factory.mktemp("site")
    assert _run("dashboard", str(git.root), "-o", str(site_folder)).exit_code == 0
    assert "Estimated from git" in (site_folder / "fr.html").read_text()


def test_relocate_and_stamp_work_from_git_alone(site: tuple[GitRepo, str, str]) -> None:
    git, translations, sources = site
    relocated = _run("relocate")
    assert relocated.exit_code == 0, relocated.output
    setup = docs_translation(translations, "fr", "tutorial/setup.md")
    assert (git.root / setup).is_file()
    assert not (git.root / docs_translation(translations, "fr", "guide/setup.md")).exists()
    git.commit("Relocate")
    german = docs_translation(translations, "de", "intro.md")
    adopted = _run("stamp", "--adopt", german)
    assert adopted.exit_code == 0, adopted.output
    git.commit("Adopt the German intro")
    files = {
        entry["translation"]: entry
        for entry in json.loads(_run("status", str(git.root), "--format", "json").stdout)["files"]
    }
    assert files[german]["state"] == "current"
    assert files[setup]["estimate"]["state"] == "up-to-date"
    assert files[setup]["source"] == f"{sources}/tutorial/setup.md"


def test_docusaurus_blog_and_pages_are_layouts_of_their_own(tmp_path: Path) -> None:
    for path in (
        "docs/intro.md",
        "blog/2026-01-01-hello.md",
        "src/pages/about.md",
        "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
        "i18n/fr/docusaurus-plugin-content-blog/2026-01-01-hello.md",
        "i18n/fr/docusaurus-plugin-content-pages/about.md",
        "i18n/fr/docusaurus-theme-classic/navbar.json",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# Page\n")
    report = scan(tmp_path)
    assert {entry.translation: entry.source for entry in report.entries} == {
        "i18n/fr/docusaurus-plugin-content-docs/current/intro.md": "docs/intro.md",
        "i18n/fr/docusaurus-plugin-content-blog/2026-01-01-hello.md": "blog/2026-01-01-hello.md",
        "i18n/fr/docusaurus-plugin-content-pages/about.md": "src/pages/about.md",
    }


def test_folders_beside_the_source_folder_that_name_no_language_are_not_languages(
    tmp_path: Path,
) -> None:
    for path in ("docs/en/a.md", "docs/fr/a.md", "docs/images/a.md", "docs/README.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# Page\n")
    report = scan(tmp_path)
    assert [summary.code for summary in report.languages] == ["fr"]
    assert not report.findings
