"""`empty`: a translation with no text of its own, or one that lost most of it, is current by
its hash but needs work before anything else."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from transync.cli import cli
from transync.config import Config
from transync.model import Severity, State
from transync.scan import scan

DISCLAIMER = (
    "\n---\n\n**免責聲明**\uff1a\n本文件已使用 AI 翻譯服務 [Co-op Translator]"
    "(https://github.com/Azure/co-op-translator) 進行翻譯。\n"
)
SOURCE = "# Lesson\n\n" + "".join(
    f"## Part {index}\n\nThis part explains one idea in a few plain sentences. " * 3 + "\n\n"
    for index in range(12)
)


def _translated(text: str) -> str:
    return text.replace("This part explains one idea", "Diese Folge erklärt einen Gedanken")


@pytest.fixture
def course(repo: RepoBuilder) -> RepoBuilder:
    repo.source("lesson.md", SOURCE)
    repo.source("README.md", "# Hello\n")
    repo.inline("de", "lesson.md", _translated(SOURCE))
    repo.inline("de", "README.md", "# Hallo\n")
    repo.inline("tw", "lesson.md", "\n" + DISCLAIMER)  # only metadata and the disclaimer
    repo.inline("tw", "README.md", "# 你好\n" + DISCLAIMER)
    return repo


def _empty(report_root: RepoBuilder, config: Config | None = None) -> list[str]:
    report = scan(report_root.root, config=config, content=True, cache=False)
    return [f"{f.language} {f.path}" for f in report.findings if f.check == "empty"]


def test_a_translation_of_only_metadata_and_disclaimer_is_current_and_empty(
    course: RepoBuilder,
) -> None:
    report = scan(course.root)
    [entry] = [e for e in report.entries if e.translation == "translations/tw/lesson.md"]
    assert entry.state is State.CURRENT  # the hash is exact
    [finding] = [f for f in report.findings if f.check == "empty"]
    assert (finding.language, finding.path, finding.severity) == (
        "tw",
        "translations/tw/lesson.md",
        Severity.ERROR,
    )
    assert finding.message.startswith(
        "the translation has no text of its own, only co-op-translator's metadata and disclaimer"
    )


def test_a_translation_that_lost_most_of_its_text_is_empty_too(repo: RepoBuilder) -> None:
    repo.source("lesson.md", SOURCE)
    repo.inline("de", "lesson.md", _translated(SOURCE)[:300] + DISCLAIMER)
    assert _empty(repo) == ["de translations/de/lesson.md"]


def test_short_pages_and_scripts_of_few_characters_are_not_empty(course: RepoBuilder) -> None:
    """A short page whose source is short too, and a CJK translation (fewer characters, three
    bytes each) keep their text."""
    chinese = "# 課程\n\n" + "".join(
        f"## 第{i}部分\n\n這一部分用幾句話解釋一個想法。\n\n" for i in range(12)
    )
    course.inline("ja", "lesson.md", chinese + DISCLAIMER)
    course.inline("ja", "README.md", "# こんにちは\n" + DISCLAIMER)
    assert _empty(course) == ["tw translations/tw/lesson.md"]


def test_an_empty_page_is_one_finding_not_a_truncation_and_every_loss(
    course: RepoBuilder,
) -> None:
    report = scan(course.root, content=True, cache=False)
    on_it = {f.check for f in report.findings if f.path == "translations/tw/lesson.md"}
    assert on_it == {"empty"}


def test_empty_can_be_turned_off_and_the_content_checks_then_see_the_page(
    course: RepoBuilder,
) -> None:
    report = scan(course.root, config=Config(severities={"empty": None}), content=True, cache=False)
    on_it = {f.check for f in report.findings if f.path == "translations/tw/lesson.md"}
    assert "empty" not in on_it and "truncated" in on_it


def test_check_lists_the_empty_translation_first(course: RepoBuilder) -> None:
    course.inline("de", "README.md", "# Hallo\n", stale=True)
    result = CliRunner().invoke(cli, ["check", str(course.root)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    causes = [line for line in result.stdout.splitlines() if line.startswith("  [")]
    assert causes[0].startswith("  [empty] lesson.md in 1 of 2 languages (tw)")


def test_the_dashboard_matrix_marks_an_empty_translation_as_needing_work(
    course: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(cli, ["dashboard", str(course.root), "--output", str(site)])
    assert result.exit_code == 0
    page = (site / "index.html").read_text()
    assert 'title="tw: current, but its text is lost (empty)">\u2205</a>' in page
    assert "1 \u2205 text lost" in page
