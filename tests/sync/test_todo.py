"""`transync todo`: the work left, most important first, in the three formats."""

from __future__ import annotations

import json

from tests.builders import GitRepo, RepoBuilder
from tests.sync.conftest import SOURCE, Invoke, translated_then_changed
from tests.treehash import tree_hash

CODE_ONLY = SOURCE.replace("tool==1.0", "tool==2.0")


def _work(repo: RepoBuilder, git: GitRepo) -> None:
    """fr: README stale by code only (port), guide/deep/page.md and intro.md missing, and
    a stale page changed in prose."""
    translated_then_changed(repo, git, CODE_ONLY, sidecar=True)
    repo.source("guide/deep/page.md", "# Deep\n\nOne two three four five.\n")
    repo.source("intro.md", "# Intro\n\nOne two.\n")
    repo.source("news.md", "# News\n\nOld.\n")
    repo.sidecar_entry("fr", "news.md", "# Nouvelles\n")
    git.commit("more pages")
    repo.source("news.md", "# News\n\nSomething new happened today.\n")
    git.commit("news")


def test_list_gives_the_sources_to_translate_prose_changes_first_then_top_level_missing(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _work(repo, git)
    before = tree_hash(repo.root)
    result = invoke("todo", str(repo.root), "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "news.md",
        "intro.md",
        "docs/setup.md",
        "guide/deep/page.md",
    ]
    assert (
        invoke("todo", str(repo.root), "-0").output
        == "news.md\0intro.md\0docs/setup.md\0guide/deep/page.md\0"
    )
    assert tree_hash(repo.root) == before  # read-only


def test_json_counts_words_and_marks_what_port_can_do(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _work(repo, git)
    document = json.loads(invoke("todo", str(repo.root), "--format", "json").output)
    assert document["schema"] == "transync.todo/1"
    (french,) = document["languages"]
    items = {item["source"]: item for item in french["items"]}
    assert items["README.md"]["action"] == "port" and items["README.md"]["words"] == 0
    assert items["news.md"]["change"] == "prose" and items["news.md"]["words"] == 4
    assert items["guide/deep/page.md"]["words"] == 6  # the heading and five words
    assert french["words"] == sum(item["words"] for item in french["items"])


def test_markdown_has_a_table_per_language(repo: RepoBuilder, git: GitRepo, invoke: Invoke) -> None:
    _work(repo, git)
    output = invoke("todo", str(repo.root), "--format", "markdown").output
    assert "### fr: 5 files," in output
    # Stale the longest first: README (portable, no words), then news.md.
    rows = [
        line for line in output.splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")
    ]
    assert rows[0].startswith("| 1 | `README.md` | stale (code-only) | 0 |") and rows[0].endswith(
        "| port |"
    )
    assert rows[1].startswith("| 2 | `news.md` | stale (prose) | 4 |")
