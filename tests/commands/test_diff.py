"""`transync diff`: the source diff a translator has to port, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli

V1 = "# Guide\n\nIntro.\n\n## Install\n\nUse pip.\n"
V2 = "# Guide\n\nIntro.\n\n## Install\n\nUse pip or uv.\n\n## Usage\n\nRun it.\n"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(repo: RepoBuilder, git: GitRepo) -> RepoBuilder:
    """ja and lt translated from the first version, de from the second; then a third."""
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    repo.inline("lt", "guide.md")
    git.commit("Write the guide")
    repo.source("guide.md", V2)
    repo.inline("de", "guide.md")
    git.commit("Add usage")
    repo.source("guide.md", V2 + "\nMore.\n")
    git.commit("Say more")
    return repo


def test_diff_of_a_translation_shows_the_source_diff_since_it_was_made(
    project: RepoBuilder, git: GitRepo
) -> None:
    code, out, _ = _run("diff", str(project.root / "translations/ja/guide.md"))
    assert code == 0
    assert f"guide.md: ja translated from {git.commits[0][:7]}" in out
    assert f"--- a/guide.md ({git.commits[0][:7]})" in out
    assert "-Use pip.\n+Use pip or uv.\n" in out
    assert "Add usage" in out and "Say more" in out
    assert "\x1b[" not in out  # piped output is plain


def test_diff_lists_the_sections_to_retranslate(project: RepoBuilder) -> None:
    _, out, _ = _run("diff", str(project.root / "translations/ja/guide.md"))
    assert "## Install: changed, 2 words" in out
    assert "## Usage: added, 4 words" in out


def test_diff_stat_shows_counts_instead_of_the_diff(project: RepoBuilder) -> None:
    _, out, _ = _run("diff", "--stat", str(project.root / "translations/ja/guide.md"))
    assert " guide.md | 8 +" in out
    assert "1 file changed, 7 insertions(+), 1 deletion(-)" in out
    assert "+Use pip or uv." not in out


def test_diff_of_a_source_covers_every_language_grouped_by_version(
    project: RepoBuilder, git: GitRepo
) -> None:
    _, out, _ = _run("diff", "--stat", str(project.root / "guide.md"))
    assert f"guide.md: ja, lt translated from {git.commits[0][:7]}" in out
    assert f"guide.md: de translated from {git.commits[1][:7]}" in out
    _, only_de, _ = _run("diff", "--stat", "--lang", "de", str(project.root / "guide.md"))
    assert "ja, lt" not in only_de and "de translated from" in only_de


def test_diff_accounts_for_translations_with_nothing_to_port(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("Write the guide")
    _, out, _ = _run("diff", str(repo.root / "guide.md"))
    assert "ja: translations/ja/guide.md: current, nothing to port" in out


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("nowhere.md", "no such file"),
        ("notes.txt", "neither a translation nor a translated source"),
        ("extra.md", "not translated"),
    ],
)
def test_diff_errors_are_one_line_with_exit_code_2(
    repo: RepoBuilder, git: GitRepo, target: str, message: str
) -> None:
    repo.source("guide.md", V1)
    repo.source("extra.md", V1)
    repo.source("notes.txt", "notes\n")
    repo.inline("ja", "guide.md")
    git.commit("Write")
    code, _, err = _run("diff", str(repo.root / target))
    assert code == 2
    assert err.count("\n") == 1 and message in err


def test_diff_outside_a_git_work_tree_is_an_error(repo: RepoBuilder, tmp_path: Path) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md", stale=True)
    code, _, err = _run("diff", str(tmp_path / "guide.md"))
    assert code == 2
    assert "not in a git work tree" in err


def test_diff_of_an_orphan_whose_source_moved_diffs_against_its_new_path(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("Write the guide")
    (repo.root / "chapter-1").mkdir()
    git.git("mv", "guide.md", "chapter-1/guide.md")
    git.commit("Move into chapters")
    repo.source("chapter-1/guide.md", V2)
    _, out, _ = _run("diff", "--stat", str(repo.root / "translations/ja/guide.md"))
    assert "guide.md (now chapter-1/guide.md): ja translated from" in out
    assert "chapter-1/guide.md | 6 +++++-" in out


def test_diff_names_translations_of_unknown_origin(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md", stale=True)
    git.commit("Write the guide")
    code, out, _ = _run("diff", str(repo.root / "translations/ja/guide.md"))
    assert code == 0
    assert "ja: translations/ja/guide.md: stale, origin unknown: no committed version" in out


def test_diff_reads_a_fence_with_an_info_string_as_code_not_as_the_block_s_end(
    repo: RepoBuilder, git: GitRepo
) -> None:
    """CommonMark: "``` python" inside a block is code, so `# Inside` is no section and the
    block ends before `# Outside`, whose change is listed."""
    page = "# Guide\n\n```\ncode\n``` python\n# Inside\n```\n\n# Outside\n\n{}\n"
    repo.source("guide.md", page.format("Text."))
    repo.inline("ja", "guide.md")
    git.commit("Write the guide")
    repo.source("guide.md", page.format("Text, now longer."))
    _, out, _ = _run("diff", str(repo.root / "translations/ja/guide.md"))
    assert "# Outside: changed, 2 words" in out
    assert "Inside:" not in out
