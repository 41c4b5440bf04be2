"""Every command on a course whose translations carry no metadata, whose history renames a
lesson folder and then edits sources: each file gets the answer git history gives, labelled
estimated (basis: git)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import (
    UNTRACKED_COURSE_MOVES,
    UNTRACKED_COURSE_VERDICTS,
    GitRepo,
    RepoBuilder,
    build_untracked_course,
)
from transync.cli import cli


@pytest.fixture
def course(repo: RepoBuilder, git: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    build_untracked_course(repo, git)
    monkeypatch.chdir(git.root)
    return git


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "250"})


def _files(root: Path) -> dict[str, dict[str, object]]:
    result = _run("status", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    return {entry["translation"]: entry for entry in json.loads(result.stdout)["files"]}


def test_status_json_gives_every_translation_its_estimate_with_its_basis(course: GitRepo) -> None:
    files = _files(course.root)
    for translation, verdict in UNTRACKED_COURSE_VERDICTS.items():
        entry = files[translation]
        assert entry["state"] == "untracked"
        assert entry["basis"] == "git"
        assert entry["estimate"] == {**entry["estimate"], "state": verdict, "basis": "git"}
    moved = files["translations/fr/01-IntroToGenAI/README.md"]["provenance"]
    assert moved["moved_to"] == UNTRACKED_COURSE_MOVES["01-IntroToGenAI/README.md"]


def test_status_says_first_that_nothing_carries_metadata_and_counts_estimates_apart(
    course: GitRepo,
) -> None:
    result = _run("status", str(course.root), "--details")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("No translation here carries co-op-translator metadata")
    assert "stamp --adopt" in result.stdout
    assert (
        "Estimated from git history (basis: git, no metadata): 3 outdated, 1 up to date,"
        " 4 source moved; counted apart" in result.stdout
    )
    assert "estimated outdated (basis: git)" in result.stdout


def test_check_labels_estimates_and_counts_them_in_the_gate_only_when_configured(
    course: GitRepo,
) -> None:
    apart = _run("check", str(course.root))
    assert "[untracked] README.md: untracked (no metadata) in all 2 languages" in apart.stdout
    assert "(estimated from git: 2 outdated)" in apart.stdout
    assert "[stale]" not in apart.stdout
    (course.root / "transync.toml").write_text('estimates = "count"\n')
    counted = _run("check", str(course.root))
    assert counted.exit_code == 1
    assert "[stale] README.md: stale in all 2 languages (estimated from git: 2 outdated)" in (
        counted.stdout
    )


def test_diff_shows_the_source_changes_since_the_translations_last_commit(
    course: GitRepo,
) -> None:
    result = _run("diff", "translations/fr/02-Prompts/README.md")
    assert result.exit_code == 0, result.output
    assert "estimated from git, no metadata" in result.stdout
    assert "Commits since (1):" in result.stdout
    assert "Lesson 2: the 2026 edition" in result.stdout
    assert "+# Lesson 2 (2026 edition)" in result.stdout
    up_to_date = _run("diff", "translations/de/02-Prompts/README.md")
    assert "estimated up to date (basis: git)" in up_to_date.stdout


def test_diff_of_a_moved_source_covers_the_translations_waiting_at_its_old_path(
    course: GitRepo,
) -> None:
    result = _run("diff", "01-IntroductionToGenerativeAI/README.md")
    assert result.exit_code == 0, result.output
    # One line for both languages: the same cause.
    assert (
        "translations/<lang>/01-IntroToGenAI/README.md in 2 languages (de, fr):"
        " estimated source moved" in result.stdout
    )
    assert "`transync relocate` carries it there" in result.stdout


def test_todo_lists_outdated_and_moved_translations_as_estimated_work(course: GitRepo) -> None:
    result = _run("todo", "--format", "json")
    items = {
        item["translation"]: item
        for language in json.loads(result.stdout)["languages"]
        for item in language["items"]
    }
    assert items["translations/fr/02-Prompts/README.md"]["estimate"] == "outdated"
    assert items["translations/fr/02-Prompts/README.md"]["basis"] == "git"
    assert items["translations/fr/01-IntroToGenAI/README.md"]["action"] == "relocate"
    assert "translations/de/02-Prompts/README.md" not in items  # up to date
    # The new path of a moved translation is not missing work: relocating covers it.
    assert "translations/fr/01-IntroductionToGenerativeAI/README.md" not in items


def test_dashboard_shows_the_estimates_on_the_language_page_and_badges(
    course: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = tmp_path_factory.mktemp("site")
    result = _run("dashboard", str(course.root), "-o", str(site))
    assert result.exit_code == 0, result.output
    page = (site / "fr.html").read_text()
    assert "Estimated from git: translations without metadata to update (4)" in page
    assert "transync relocate" in page
    assert "est. " in json.loads((site / "badges" / "fr.json").read_text())["message"]
    assert (
        "No translation here carries co-op-translator metadata" in (site / "SUMMARY.md").read_text()
    )


def test_relocate_carries_translations_after_their_moved_source(course: GitRepo) -> None:
    dry = _run("relocate", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert not (course.root / "translations/fr/01-IntroductionToGenerativeAI").exists()
    done = _run("relocate")
    assert done.exit_code == 0, done.output
    course.commit("Relocate the translations of lesson 1")
    files = _files(course.root)
    for language in ("de", "fr"):
        for old, new in UNTRACKED_COURSE_MOVES.items():
            assert f"translations/{language}/{old}" not in files
            assert files[f"translations/{language}/{new}"]["state"] == "untracked"
        readme = files[f"translations/{language}/01-IntroductionToGenerativeAI/README.md"]
        assert readme["estimate"]["state"] == "up-to-date"  # the move is not a rewrite


def test_stamp_adopts_a_checked_translation_in_co_op_translators_format(course: GitRepo) -> None:
    refused = _run("stamp", "translations/de/02-Prompts/README.md")
    assert refused.exit_code == 1 and "--adopt" in refused.stderr
    adopted = _run("stamp", "--adopt", "translations/de/02-Prompts/README.md")
    assert adopted.exit_code == 0, adopted.output
    text = (course.root / "translations/de/02-Prompts/README.md").read_text()
    assert text.startswith("<!--\nCO_OP_TRANSLATOR_METADATA:\n{\n")
    assert '"source_file": "02-Prompts/README.md"' in text
    entry = _files(course.root)["translations/de/02-Prompts/README.md"]
    assert entry["state"] == "current" and entry["basis"] == "hash"


def test_stamp_refuses_to_adopt_an_outdated_or_moved_translation_unless_told(
    course: GitRepo,
) -> None:
    outdated = _run("stamp", "--adopt", "translations/fr/02-Prompts/README.md")
    assert outdated.exit_code == 1
    assert "git history estimates it outdated" in outdated.stderr
    moved = _run("stamp", "--adopt", "--force", "translations/fr/01-IntroToGenAI/README.md")
    assert moved.exit_code == 1 and "transync relocate" in moved.stderr
    forced = _run("stamp", "--adopt", "--force", "translations/fr/02-Prompts/README.md")
    assert forced.exit_code == 0, forced.output


def test_without_history_a_course_without_metadata_says_what_to_fetch(course: GitRepo) -> None:
    result = _run("status", str(course.root), "--no-history")
    assert result.stdout.startswith("No translation here carries co-op-translator metadata")
    assert "No git history was read" in result.stdout
    assert "git fetch" in result.stdout


def test_the_readme_badges_add_the_estimated_figure_and_the_last_commit_date(
    course: GitRepo,
) -> None:
    result = _run("badges", "README.md", "--insert", "Course", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "| `fr` French | [![fr: 0% · est. 0% fresh]" in result.stdout
    assert "| 0.0% (est. 25.0%) | 2026-01-04 |" in result.stdout


def test_pages_without_metadata_beside_tracked_ones_say_why_they_have_no_estimate(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("README.md", "# Course\n")
    repo.source("guide.md", "# Guide\n")
    repo.inline("fr", "README.md", "# Cours\n")
    repo.write("translations/fr/guide.md", "# Guide (fr)\n")
    git.commit("One page tracked, one not")
    estimated = _run("status", str(git.root))
    assert "Estimated from git history (basis: git, no metadata): 1 up to date" in estimated.stdout
    plain = _run("status", str(git.root), "--no-history")
    assert "1 translated page without metadata, not estimated: git history was not read" in (
        plain.stdout
    )


def test_the_todo_work_list_says_an_estimate_rests_on_git(course: GitRepo) -> None:
    result = _run("todo")
    line = next(line for line in result.stdout.splitlines() if "02-Prompts/README.md" in line)
    assert "estimated outdated (basis: git)" in line
