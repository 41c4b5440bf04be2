"""`transync todo`: the work left, most important first, in the three formats."""

from __future__ import annotations

import json

from tests.builders import GitRepo, RepoBuilder
from tests.commands.conftest import SOURCE, Invoke, translated_then_changed
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


def test_list_gives_the_sources_to_translate_stale_first_then_missing_in_course_order(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _work(repo, git)
    before = tree_hash(repo.root)
    result = invoke("todo", str(repo.root), "--lang", "fr", "--format", "list")
    assert result.exit_code == 0, result.output
    # docs/setup.md is linked from the README: the course's next page; the others follow
    # by name.
    assert result.output.splitlines() == [
        "news.md",
        "docs/setup.md",
        "guide/deep/page.md",
        "intro.md",
    ]
    assert (
        invoke("todo", str(repo.root), "--format", "list", "-0").output
        == "news.md\0docs/setup.md\0guide/deep/page.md\0intro.md\0"
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


def test_text_is_a_work_list_per_language_with_words_and_plurals(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _work(repo, git)
    output = invoke("todo", str(repo.root)).output
    assert "fr: 5 pages," in output
    lines = output.splitlines()
    news = next(line for line in lines if "news.md" in line)
    assert "stale" in news and "4 words" in news
    readme = next(line for line in lines if "README.md" in line)
    assert "transync port" in readme
    assert "1 files" not in output and "1 pages" not in output


def test_a_cut_off_page_comes_first_and_meta_files_last_or_out(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    lesson = "# Lesson\n\n" + "A long paragraph of the lesson with many words in it. " * 40 + "\n"
    repo.source(
        "README.md", "# Course\n\n- [Two](lessons/2/README.md)\n- [Ten](lessons/10/README.md)\n"
    )
    for path in ("lessons/2/README.md", "lessons/10/README.md", "lessons/3/README.md"):
        repo.source(path, lesson)
    repo.source("AGENTS.md", "# Agents\n\nRules for agents.\n")
    repo.source(".squad/notes.md", "# Notes\n\nFor the team.\n")
    repo.inline(
        "ko", "README.md", "# 과정\n\n- [둘](lessons/2/README.md)\n- [열](lessons/10/README.md)\n"
    )
    repo.inline("ko", "lessons/3/README.md", "# 수업\n")  # cut off: current, but empty
    git.commit("course")
    lines = invoke("todo", str(repo.root), "--format", "list").stdout.splitlines()
    assert lines == [
        "lessons/3/README.md",
        "lessons/2/README.md",
        "lessons/10/README.md",
        ".squad/notes.md",
        "AGENTS.md",
    ]
    text = invoke("todo", str(repo.root)).stdout
    assert "empty or cut off (" in text.splitlines()[4]
    (korean,) = json.loads(invoke("todo", str(repo.root), "--format", "json").output)["languages"]
    assert [(item["gutted"], item["meta"]) for item in korean["items"]][::4] == [
        (korean["items"][0]["gutted"], False),
        (None, True),
    ]
    assert 'repository files (meta-files = "out" leaves them out):' in text
    repo.write("transync.toml", 'meta-files = "out"\n')
    lines = invoke("todo", str(repo.root), "--format", "list").stdout.splitlines()
    assert lines == ["lessons/3/README.md", "lessons/2/README.md", "lessons/10/README.md"]


def test_languages_with_the_same_work_are_one_block_naming_them(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    repo.source("README.md", "# Course\n\nWelcome.\n")
    for language in ("de", "fr", "ja"):
        repo.inline(language, "README.md", "# Kurs\n\nWillkommen.\n", stale=True)
    git.commit("course")
    output = invoke("todo", str(repo.root)).output
    assert "de, fr, ja (3 languages, each): 1 page, 2 words to translate" in output
    assert output.count("README.md") == 1


def test_languages_translated_a_day_apart_are_still_one_block_giving_the_range() -> None:
    from transync.model import State
    from transync.report.todo_text import render
    from transync.worklist import TRANSLATE, LanguageWork, WorkItem

    def stale(language: str, days: int) -> LanguageWork:
        item = WorkItem(
            language, State.STALE, "README.md", f"translations/{language}/README.md", 504,
            TRANSLATE, days_behind=days, since_translation=True,
        )  # fmt: skip
        return LanguageWork(language, (item,))

    text = render(".", (stale("de", 384), stale("fr", 383), stale("ja", 384)))
    assert "de, fr, ja (3 languages, each): 1 page, 504 words to translate" in text
    assert "README.md  stale, translated 383-384 days ago, 504 words" in text
    alone = render(".", (stale("de", 384),))
    assert "stale, translated 384 days ago" in alone
