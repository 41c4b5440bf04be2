"""The figures a maintainer reads first count translated pages; images have their own."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from transync.cli import cli
from transync.config import Config
from transync.discover import SKIPPED_PATH, UNKNOWN_IMAGE_LANGUAGE
from transync.model import Kind, State
from transync.scan import scan

LANGUAGES = ("de", "ja")
IMAGES = 30


def _course(repo: RepoBuilder) -> RepoBuilder:
    """Two pages in two languages, one page stale in each, and 30 legacy flat images (no
    metadata) per language: the shape of a course translated before image metadata."""
    repo.source("README.md", "# Hello\n")
    repo.source("lesson.md", "# Lesson\n")
    for language in LANGUAGES:
        repo.inline(language, "README.md")
        repo.inline(language, "lesson.md", stale=True)
    for index in range(IMAGES):
        source = f"images/figure-{index}.png"
        repo.write(source, b"png")
        digest = hashlib.sha256(source.encode()).hexdigest()
        for language in LANGUAGES:
            repo.write(f"translated_images/figure-{index}.{digest}.{language}.png", b"png")
    return repo


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout


def test_images_without_metadata_do_not_dilute_the_pages_figure(repo: RepoBuilder) -> None:
    report = scan(_course(repo).root)
    assert [(summary.code, summary.fresh_percent) for summary in report.languages] == [
        ("de", 50.0),
        ("ja", 50.0),
    ]
    assert report.totals.files == 4 and report.totals.fresh_percent == 50.0
    assert report.totals.image_files == 2 * IMAGES
    assert report.totals.images[State.UNTRACKED] == 2 * IMAGES
    # The states themselves are unchanged: every image is still an untracked entry.
    images = [entry for entry in report.entries if entry.kind is Kind.IMAGE]
    assert len(images) == 2 * IMAGES and {entry.state for entry in images} == {State.UNTRACKED}


def test_count_images_is_a_setting_that_puts_them_in_the_figures(repo: RepoBuilder) -> None:
    _course(repo).write("transync.toml", "count-images = true\n")
    code, out = _run("status", str(repo.root), "--format", "json")
    assert code == 0
    german = json.loads(out)["languages"][0]
    assert german["files"] == 2 + IMAGES
    assert german["fresh_percent"] == round(100 / (2 + IMAGES), 1)
    assert german["images"]["counted"] is True


def test_the_json_keeps_its_keys_with_the_pages_meaning_and_adds_the_images(
    repo: RepoBuilder,
) -> None:
    code, out = _run("status", str(_course(repo).root), "--format", "json")
    assert code == 0
    totals = json.loads(out)["totals"]
    assert (totals["files"], totals["fresh_percent"]) == (4, 50.0)
    assert totals["counts"]["untracked"] == 0
    assert totals["images"] == {
        "files": 2 * IMAGES,
        "counts": {state.value: 2 * IMAGES if state is State.UNTRACKED else 0 for state in State},
        "fresh_percent": 0.0,
        "counted": False,
    }


def test_status_says_what_the_images_are_in_one_line(repo: RepoBuilder) -> None:
    code, out = _run("status", str(_course(repo).root))
    assert code == 0
    assert "Total: 4 translated pages in 2 languages: 2 current, 2 stale (50.0% fresh)" in out
    assert (
        "Images: 60 translated images, none with metadata to judge them by; not counted above"
        " (count-images = true counts them)" in out
    )


def test_check_rolls_images_without_metadata_into_one_cause(repo: RepoBuilder) -> None:
    code, out = _run("check", str(_course(repo).root), "--no-content")
    assert code == 1  # the stale pages
    untracked = [line for line in out.splitlines() if "[untracked]" in line]
    assert untracked == [
        "  [untracked] translated_images: 60 images in all 2 languages without metadata"
        " (30 source images; legacy flat names: freshness unknown)"
    ]


def test_exclude_takes_images_out_by_their_path_or_their_source(repo: RepoBuilder) -> None:
    _course(repo)
    by_source = scan(repo.root, config=Config(exclude=("images/**",)))
    assert by_source.totals.image_files == 0
    by_name = scan(repo.root, config=Config(exclude=("translated_images/figure-1.*",)))
    assert by_name.totals.image_files == 2 * (IMAGES - 1)


def test_image_names_for_no_language_folder_make_no_language_and_one_finding(
    repo: RepoBuilder,
) -> None:
    """A capitalised `Ko` and a cut-off `ed` in 40 image names: no phantom language at 0%,
    no finding per image, but one that counts them and shows a few."""
    _course(repo)
    for index in range(20):
        digest = hashlib.sha256(f"images/figure-{index}.png".encode()).hexdigest()
        repo.write(f"translated_images/figure-{index}.{digest}.Ko.png", b"png")
        repo.write(f"translated_images/figure-{index}.{digest}.ed.png", b"png")
    report = scan(repo.root)
    assert [summary.code for summary in report.languages] == ["de", "ja"]
    [finding] = [f for f in report.findings if f.check == UNKNOWN_IMAGE_LANGUAGE]
    assert finding.path == "translated_images"
    assert finding.message.startswith(
        "40 images in translated_images are named for languages no language folder has:"
        " 'Ko' (20), 'ed' (20) (e.g. "
    )
    assert not [f for f in report.findings if f.check == SKIPPED_PATH]


def test_stray_files_beside_the_image_folders_are_one_finding(repo: RepoBuilder) -> None:
    _course(repo)
    for index in range(5):
        repo.write(f"translated_images/unnamed-{index}.png", b"png")
    report = scan(repo.root)
    [finding] = [f for f in report.findings if f.check == SKIPPED_PATH]
    assert finding.path == "translated_images"
    assert "holds 5 files that are neither language folders nor images" in finding.message


def test_the_dashboard_and_its_summary_show_the_pages_figure_and_the_images_line(
    repo: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = tmp_path_factory.mktemp("site")
    code, _ = _run("dashboard", str(_course(repo).root), "--output", str(site))
    assert code == 0
    summary = (site / "SUMMARY.md").read_text()
    assert "| **total** | 50% | 2 | 2 | 0 | 0 |" in summary
    assert "Images: 60 translated images, none with metadata to judge them by" in summary
    assert "Images: 60 translated images" in (site / "index.html").read_text()


def test_without_language_folders_flat_image_names_are_read_against_co_op_translators_codes(
    repo: RepoBuilder,
) -> None:
    """No folder to trust: the codes co-op-translator translates into, exactly as it writes
    them, and nothing else."""
    repo.write("images/cover.png", b"png")
    digest = hashlib.sha256(b"images/cover.png").hexdigest()
    for code in ("ja", "Ko", "ed"):
        repo.write(f"translated_images/cover.{digest}.{code}.png", b"png")
    report = scan(repo.root)
    assert [summary.code for summary in report.languages] == ["ja"]
    [finding] = [f for f in report.findings if f.check == UNKNOWN_IMAGE_LANGUAGE]
    assert "'Ko' (1), 'ed' (1)" in finding.message
