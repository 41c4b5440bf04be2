"""Content checks on every core and from the cache report exactly what a serial, fresh run does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from benchmarks.make_corpus import Fractions, generate
from click.testing import CliRunner

from tests.builders import settle
from transync import parallel
from transync.cache_dir import cache_dir
from transync.checks.engine import compare as content_module
from transync.cli import cli
from transync.report.json_report import render
from transync.scan import scan


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    generate(root, sources=10, languages=2, seed=21, fractions=Fractions(notebooks=0.2))
    settle(root)  # what changed in the last two seconds is not trusted by the cache
    return root


def _report(root: Path, *, cache: bool = True) -> str:
    return render(scan(root, content=True, cache=cache))


def test_two_workers_report_the_same_bytes_as_one(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    serial = _report(tree, cache=False)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 0)
    assert _report(tree, cache=False) == serial
    assert '"check": "broken-link"' in serial  # the corpus gives the checks work to do


def test_an_unchanged_tree_is_answered_from_the_cache(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _report(tree)

    def not_again(root: str, task: object, known: object = None) -> object:
        raise AssertionError(f"{task} was computed again")

    monkeypatch.setattr(content_module, "content_outcome", not_again)
    assert _report(tree) == first


def test_findings_from_the_cache_keep_their_place_in_the_source(tree: Path) -> None:
    fresh = scan(tree, content=True, cache=False).findings
    scan(tree, content=True)  # fills the cache
    cached = scan(tree, content=True).findings
    assert cached == fresh
    assert any(finding.source_line is not None for finding in cached)


def test_no_cache_neither_reads_nor_writes_it(tree: Path) -> None:
    _report(tree, cache=False)
    assert not any(cache_dir().iterdir())


def _first(tree: Path, pattern: str) -> Path:
    return sorted(tree.glob(pattern))[0]


@pytest.mark.parametrize(
    "change",
    [
        "edit a translation",
        "edit a source",
        "delete a linked image",
        "add the missing link target",
        "rename a heading linked to",
    ],
)
def test_a_change_anywhere_a_result_depends_on_is_seen(
    tree: Path, tmp_path: Path, change: str
) -> None:
    _report(tree)  # fills the cache
    if change == "edit a translation":
        page = _first(tree, "translations/fr/lessons/*/*.md")
        page.write_text(page.read_text().replace("|", "", 3))
    elif change == "edit a source":
        page = _first(tree, "lessons/*/*.md")
        page.write_text(page.read_text() + "\n| extra | table |\n| --- | --- |\n| 1 | 2 |\n")
    elif change == "delete a linked image":
        _first(tree, "lessons/*/images/*.png").unlink()
    elif change == "add the missing link target":
        lesson = _first(tree, "lessons/*")
        for part in range(100):
            (lesson / f"part-{part}.md").touch()
    else:
        for page in sorted(tree.glob("**/README.md")):
            page.write_text(page.read_text().replace("\n## ", "\n## Renamed ", 1))
    fresh = tmp_path / "fresh"
    shutil.copytree(tree, fresh)
    assert _report(tree) == _report(fresh, cache=False).replace(str(fresh), str(tree))


def test_the_cache_lives_where_the_user_said(tree: Path) -> None:
    _report(tree)
    assert list(cache_dir().glob("content.*.json"))
    assert not list(tree.rglob("content.*.json"))


@pytest.mark.parametrize("command", [["status", "--content"], ["check"]])
def test_the_no_cache_flag_leaves_the_cache_alone(tree: Path, command: list[str]) -> None:
    runner = CliRunner()
    runner.invoke(cli, [*command, str(tree), "--no-cache"])
    assert not any(cache_dir().iterdir())
    runner.invoke(cli, [*command, str(tree)])
    assert list(cache_dir().glob("content.*.json"))


def test_results_next_to_folders_changed_just_now_are_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "new"
    generate(root, sources=4, languages=1, seed=3)
    _report(root)
    computed = []
    real = content_module.content_outcome
    monkeypatch.setattr(
        content_module,
        "content_outcome",
        lambda *args, **known: computed.append(1) or real(*args, **known),
    )
    _report(root)
    assert computed  # the tree was written within the last two seconds: nothing trusted


def test_an_entry_whose_stored_findings_are_gone_is_computed_again(tree: Path) -> None:
    first = _report(tree)
    for path in cache_dir().glob("content.*.json"):
        payload = json.loads(path.read_text())
        payload["results"] = {
            key: value for key, value in payload["results"].items() if not key.startswith("f:")
        }
        path.write_text(json.dumps(payload))
    assert _report(tree) == first
