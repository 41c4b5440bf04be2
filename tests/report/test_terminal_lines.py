"""Lines are cut only where a reader sees no further than the window: on a terminal. Written to
a pipe, a file or a CI log, every line is whole; on a terminal, a commit's subject gives way
before the counts and languages do; `trend` shows every language, in further tables."""

from __future__ import annotations

import io

from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli
from transync.history.trend import TrendPoint
from transync.model import LanguageSummary, State
from transync.report import table, trend_table
from transync.report.terminal import Terminal
from transync.scan import scan

LONG_SUBJECT = "Rewrite the introduction " + "with many more words " * 8
LANGUAGES = tuple(f"l{n:02d}" for n in range(30))


def stale_in_thirty_languages(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Hello\n")
    for language in LANGUAGES:
        repo.inline(language, "README.md")
    git.commit("translations")
    repo.source("README.md", "# Hello, world\n")
    git.commit(LONG_SUBJECT)


def test_a_cause_line_written_to_a_file_is_whole(repo: RepoBuilder, git: GitRepo) -> None:
    stale_in_thirty_languages(repo, git)
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["status", str(repo.root)])
    line = next(line for line in result.output.splitlines() if "changed in" in line)
    assert LONG_SUBJECT.strip() in line
    assert line.endswith("30 translations stale, in all 30 languages")
    assert "…" not in result.output


def test_a_finding_line_in_a_ci_log_names_every_listed_language(
    repo: RepoBuilder, git: GitRepo
) -> None:
    stale_in_thirty_languages(repo, git)
    result = CliRunner(env={"COLUMNS": "80", "FORCE_COLOR": "1"}).invoke(
        cli, ["check", str(repo.root)]
    )
    assert "\u2026" not in result.output.replace("… 1 more cause", "")
    assert "Total: 30 translated pages in 30 languages: 30 stale (0.0% fresh)" in result.output


def test_on_a_terminal_the_subject_is_shortened_before_the_counts(
    repo: RepoBuilder, git: GitRepo
) -> None:
    stale_in_thirty_languages(repo, git)
    report = scan(repo.root, history=True)
    buffer = io.StringIO()
    terminal = Terminal(file=buffer, width=100, soft_wrap=False)  # as on a terminal
    table.render(report, terminal)
    line = next(line for line in buffer.getvalue().splitlines() if "changed in" in line)
    assert len(line) <= 100
    assert "'Rewrite the intro" in line and "…'" in line
    assert line.endswith("30 translations stale, in all 30 languages")


def _point(commit: str, codes: tuple[str, ...]) -> TrendPoint:
    counts = {State.CURRENT: 1}
    languages = tuple(LanguageSummary(code, counts, 100.0) for code in codes)
    return TrendPoint(commit * 40, "2026-01-02T00:00:00Z", LONG_SUBJECT, languages, languages[0])


def test_trend_shows_every_language_at_80_columns_in_further_tables() -> None:
    buffer = io.StringIO()
    trend_table.render(
        "course",
        [_point("a", LANGUAGES), _point("b", LANGUAGES)],
        Terminal(file=buffer, width=80, soft_wrap=False),
    )
    text = buffer.getvalue()
    assert all(len(line) <= 80 for line in text.splitlines())
    for code in LANGUAGES:
        assert f" {code} " in text
    assert "Fresh % by language (1 of " in text


def test_details_say_a_one_source_cause_once(repo: RepoBuilder, git: GitRepo) -> None:
    stale_in_thirty_languages(repo, git)
    result = CliRunner().invoke(cli, ["status", "--details", str(repo.root)])
    lines = [line for line in result.output.splitlines() if "README.md" in line and "stale" in line]
    assert len(lines) == 1, lines


def test_check_written_to_a_file_with_output_keeps_every_line_whole(
    repo: RepoBuilder, git: GitRepo
) -> None:
    stale_in_thirty_languages(repo, git)
    for language in LANGUAGES[20:]:  # brought up to date: stale in 20 of 30, a long line
        repo.inline(language, "README.md")
    git.commit("ten languages up to date")
    target = repo.root.parent / f"{repo.root.name}-check.txt"
    CliRunner().invoke(cli, ["check", str(repo.root), "--output", str(target)])
    line = next(line for line in target.read_text().splitlines() if "[stale]" in line)
    assert len(line) > 100 and line.endswith("1 commit behind)"), line
