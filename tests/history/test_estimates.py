"""Estimates: translations without metadata judged from git history, on a generated course
whose lesson folder was renamed and whose sources were then edited."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.builders import (
    UNTRACKED_COURSE_MOVES,
    UNTRACKED_COURSE_VERDICTS,
    GitRepo,
    RepoBuilder,
    build_untracked_course,
    lesson,
    translate,
)
from transync.config import Config
from transync.model import EstimatedState, State, TranslationEntry
from transync.scan import scan


@pytest.fixture
def git(tmp_path: Path) -> GitRepo:
    git = GitRepo(tmp_path)
    build_untracked_course(RepoBuilder(tmp_path), git)
    return git


@pytest.fixture
def course(git: GitRepo) -> Path:
    return git.root


def _by_translation(root: Path, config: Config | None = None) -> dict[str, TranslationEntry]:
    report = scan(root, history=True, config=config)
    return {entry.translation: entry for entry in report.entries}


def test_every_untracked_translation_gets_the_state_git_history_gives_it(course: Path) -> None:
    entries = _by_translation(course)
    for translation, verdict in UNTRACKED_COURSE_VERDICTS.items():
        entry = entries[translation]
        assert entry.state is State.UNTRACKED, translation
        assert entry.estimate is not None and entry.estimate.state.value == verdict, translation
        assert entry.basis == "git"


def test_an_outdated_translation_names_the_source_commits_it_missed(course: Path) -> None:
    entry = _by_translation(course)["translations/fr/02-Prompts/README.md"]
    assert entry.provenance is not None and entry.estimate is not None
    assert [commit.subject for commit in entry.provenance.missed] == ["Lesson 2: the 2026 edition"]
    assert entry.provenance.translated_from is not None
    assert entry.provenance.translated_from.subject.startswith("Course and its translations")
    assert entry.estimate.translation_commit is not None
    assert entry.estimate.translation_commit.subject.startswith("Course and its translations")


def test_a_retranslation_after_the_source_change_is_up_to_date(course: Path) -> None:
    entry = _by_translation(course)["translations/de/02-Prompts/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UP_TO_DATE
    assert entry.provenance is not None and entry.provenance.missed == ()


def test_a_translation_whose_source_folder_was_renamed_is_moved_with_the_new_path(
    course: Path,
) -> None:
    entries = _by_translation(course)
    for old, new in UNTRACKED_COURSE_MOVES.items():
        provenance = entries[f"translations/fr/{old}"].provenance
        assert provenance is not None and provenance.moved_to == new
    renamed = entries["translations/fr/01-IntroToGenAI/README.md"].provenance
    rewritten = entries["translations/fr/01-IntroToGenAI/setup.md"].provenance
    assert renamed is not None and renamed.moved_by == "rename"
    assert rewritten is not None and rewritten.moved_by == "folder-moved"


def test_a_translation_moved_by_git_keeps_the_date_it_was_written(
    course: Path, git: GitRepo
) -> None:
    git.git("mv", "translations/fr/02-Prompts", "translations/fr/02-Prompting")
    git.git("mv", "02-Prompts", "02-Prompting")
    git.commit("Rename lesson 2 everywhere")
    entry = _by_translation(course)["translations/fr/02-Prompting/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.OUTDATED


def test_estimates_are_counted_apart_by_default_and_in_the_figures_when_configured(
    course: Path,
) -> None:
    report = scan(course, history=True)
    assert report.totals.counts[State.CURRENT] == 0
    assert report.estimated["total"].counts[EstimatedState.OUTDATED] == 3
    counted = scan(course, history=True, config=Config(estimates="count"))
    assert counted.totals.counts[State.CURRENT] == 1
    assert counted.totals.counts[State.STALE] == 3
    off = scan(course, history=True, config=Config(estimates="off"))
    assert not off.estimated
    assert all(entry.estimate is None for entry in off.entries)


def test_a_translation_not_yet_committed_is_unknown_and_says_so(course: Path) -> None:
    (course / "translations/fr/extra.md").write_text("# Extra\n")
    (course / "extra.md").write_text("# Extra\n")
    entry = _by_translation(course)["translations/fr/extra.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UNKNOWN
    assert entry.estimate.detail is not None and "not committed" in entry.estimate.detail


def test_a_shallow_clone_makes_boundary_translations_unknown_and_says_what_to_fetch(
    course: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{course}", str(shallow)], check=True
    )
    entry = _by_translation(shallow)["translations/fr/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UNKNOWN
    assert entry.estimate.detail is not None and "git fetch" in entry.estimate.detail


def test_tracked_translations_get_no_estimate(tmp_path: Path) -> None:
    repo, git = RepoBuilder(tmp_path), GitRepo(tmp_path)
    repo.source("README.md", lesson(1))
    repo.inline("fr", "README.md", translate(lesson(1), "fr"))
    git.commit("Tracked")
    repo.source("README.md", lesson(1, " v2"))
    git.commit("Edit")
    entry = _by_translation(tmp_path)["translations/fr/README.md"]
    assert entry.state is State.STALE and entry.estimate is None and entry.basis == "hash"


def test_a_shallow_clone_knows_the_translations_written_after_its_boundary(
    course: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{course}", str(shallow)], check=True
    )
    entries = _by_translation(shallow)
    german = entries["translations/de/02-Prompts/README.md"].estimate
    french = entries["translations/fr/02-Prompts/README.md"].estimate
    assert german is not None and german.state is EstimatedState.UP_TO_DATE
    assert french is not None and french.state is EstimatedState.UNKNOWN


def test_a_translation_of_a_source_never_committed_is_unknown(course: Path, git: GitRepo) -> None:
    (course / "translations/fr/new.md").write_text("# Nouveau\n")
    git.commit("A translation ahead of its source")
    (course / "new.md").write_text("# New\n")
    entry = _by_translation(course)["translations/fr/new.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UNKNOWN
    assert entry.estimate.detail == "new.md was never committed"


def test_translations_history_that_cannot_be_read_leaves_estimates_unknown_not_a_failure(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transync.errors import TransyncError
    from transync.history import git_log

    reading = git_log.open_history

    def unreadable(root: Path, excluded: object, *, only: object = None) -> object:
        if only is not None:
            raise TransyncError(f"{root}: git log failed: fatal: unable to read 1234abcd")
        return reading(root, excluded)  # type: ignore[arg-type]

    monkeypatch.setattr(git_log, "open_history", unreadable)
    entry = _by_translation(course)["translations/fr/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UNKNOWN
    assert entry.estimate.detail == (
        "the translations' git history cannot be read"
        " (git log failed: fatal: unable to read 1234abcd)"
    )


def test_a_source_edited_but_not_committed_makes_its_translations_outdated(course: Path) -> None:
    (course / "02-Prompts/README.md").write_text(lesson(2, " (2027 draft)"))
    entry = _by_translation(course)["translations/de/02-Prompts/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.OUTDATED
    assert entry.estimate.detail == (
        "the source has uncommitted changes since the translation's last commit"
    )
    assert entry.provenance is not None and entry.provenance.change is not None


def test_a_crlf_checkout_of_an_unchanged_source_is_no_edit(course: Path) -> None:
    source = course / "02-Prompts/README.md"
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    entry = _by_translation(course)["translations/de/02-Prompts/README.md"]
    assert entry.estimate is not None and entry.estimate.state is EstimatedState.UP_TO_DATE
