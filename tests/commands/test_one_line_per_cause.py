"""A cause that holds in many languages is said once, naming them: `diff`'s translations
without a diff and the write commands' files left untouched."""

from __future__ import annotations

from tests.builders import GitRepo, RepoBuilder, md5, record
from tests.commands.conftest import SOURCE, TRANSLATION, Invoke
from transync.rollup import by_cause

LANGUAGES = ("de", "fr", "ja")


def test_the_same_sentence_in_three_languages_is_one_cause_with_its_languages() -> None:
    said = [
        ("de", "translations/de/a.md: stale"),
        ("fr", "translations/fr/a.md: stale"),
        ("ja", "translations/ja/a.md: orphan"),
        (None, "the repository: odd"),
    ]
    assert by_cause(said) == [
        ("translations/<lang>/a.md: stale", ("de", "fr")),
        ("translations/ja/a.md: orphan", ("ja",)),
        ("the repository: odd", ()),
    ]


def _stale_from_an_uncommitted_edit(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", SOURCE)
    for language in LANGUAGES:
        repo.sidecar_entry(language, "README.md", TRANSLATION)
        # Made from a version of the source nobody committed: origin unknown.
        never = record("README.md", md5("never committed"), language)
        repo.update_sidecar(language, {"README.md": never})
    git.commit("translations")


def test_diff_says_a_cause_of_every_language_once(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _stale_from_an_uncommitted_edit(repo, git)
    result = invoke("diff", str(repo.root / "README.md"), "--root", str(repo.root))
    lines = [line for line in result.output.splitlines() if "origin unknown" in line]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("translations/<lang>/README.md in 3 languages (de, fr, ja): stale")


def test_port_says_why_it_left_a_page_once_for_every_language(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    repo.source("README.md", SOURCE)
    for language in LANGUAGES:
        repo.sidecar_entry(language, "README.md", TRANSLATION)
    git.commit("translate")
    repo.source("README.md", SOURCE.replace("# Guide", "# Guide\n\nA new paragraph of prose."))
    git.commit("new prose")
    result = invoke("port", str(repo.root))
    left = [line for line in result.output.splitlines() if line.startswith("left ")]
    assert len(left) == 1, result.output
    assert left[0].startswith("left translations/<lang>/README.md in 3 languages (de, fr, ja): ")


def test_port_says_a_change_made_alike_in_every_language_once(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    repo.source("README.md", SOURCE)
    for language in LANGUAGES:
        repo.inline(language, "README.md", TRANSLATION)
    git.commit("translate")
    repo.source("README.md", SOURCE.replace("tool==1.0", "tool==2.0"))  # code only: portable
    git.commit("new version")
    result = invoke("port", str(repo.root))
    assert result.exit_code == 0, result.output
    wrote = [line for line in result.output.splitlines() if line.startswith("wrote ")]
    assert wrote == ["wrote translations/<lang>/README.md in 3 languages (de, fr, ja)"]
