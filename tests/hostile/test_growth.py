"""Every pass over file content is linear (issue 19, items 3 and 11): hostile inputs of
growing size, n and 4n, cost about 4 times as much, never 16 (quadratic) or 64 (the
backtracking that made a 16 KB line of `[a](` take 221 s). See growth.py for the method."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder, record
from tests.hostile.growth import LINEAR_RATIO, calls, cpu_ratio
from transync.checks import code_blocks
from transync.classify.sidecars import DANGLING_LISTED
from transync.cli import cli
from transync.document.lexer import lex
from transync.document.pulldown import parse_markdown
from transync.document.tool_text import tool_spans
from transync.history.changes import changed_sections
from transync.metadata.inline import read_inline
from transync.metadata.own_text import text_amount
from transync.sync.anchors import heading_anchors
from transync.sync.carry import parts
from transync.sync.records import inline_fields

N = 10_000

# name -> (the pass, a hostile text of size n)
CONTENT_PASSES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "link openers never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n" + "[a](" * n + "\n",
    ),
    "link ends without a target": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n" + "![a](" + "a." * n + "\n",
    ),
    "backtick runs of unequal length": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n[x] " + "`a``" * n + "\n",
    ),
    "HTML comments never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n<div>" + "<!--a" * n + "\n",
    ),
    "metadata blocks never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "<!-- CO_OP_TRANSLATOR_METADATA:" * n + "\n",
    ),
    "tags never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n<div " + "<a " * n + "\n",
    ),
    "custom heading ids never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# h " + "{#" * n + "\t" * n + "\n",
    ),
    "strings and comments never closed in code": (
        code_blocks._code_skeleton.__wrapped__,  # uncached, so each run does the work
        lambda n: '\\\'a/*<!--"""`' * n,
    ),
    "links, images and tags in a changed source": (
        lambda text: changed_sections("# T\n", text),
        lambda n: "# T\n\n" + "[a](" * n + "![a(" * n + "[[" * n + "<<a" * n + "\n",
    ),
    "links in a heading whose anchor is carried": (
        heading_anchors,
        lambda n: "# " + "[a](" * n + "[[" * n + "\n",
    ),
    "link targets carried by port": (parts, lambda n: "](a" * n + "](a '" * n + "\n"),
    "inline blocks never closed, read by a write command": (
        inline_fields,
        lambda n: "<!--\nCO_OP_TRANSLATOR_METADATA:" * n,
    ),
    "co-op-translator's marker comments never paired": (
        tool_spans,
        lambda n: "<!-- CO-OP -->" + "<!-- CO-OP" * n,
    ),
    "a small page's own text measured past unclosed metadata and disclaimers": (
        lambda text: text_amount(text.encode()),
        lambda n: (
            "<!-- CO_OP_TRANSLATOR_METADATA:" * n
            + "<!-- CO-OP TRANSLATOR DISCLAIMER START -->x" * n
        ),
    ),
    "a last line of brackets and targets never closed": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n" + "[" * n + "](" * n,
    ),
    "a table row of blank cells that never ends": (
        lambda text: parse_markdown(text, translated=True),
        lambda n: "# T\n\n" + "| " * n + " " * n + "x\n",
    ),
    "a line of nested list items, fences and headings read by the line lexer": (
        lambda text: list(lex(text.split("\n"))),
        lambda n: "- " * n + "1. " * n + "`" * n + " a" + "`" * n + "\n" + "# " + " #" * n + "\n",
    ),
    "list items opened and closed line after line, around fences, by the line lexer": (
        lambda text: list(lex(text.split("\n"))),
        lambda n: ("- " * 50 + "a\nb\n  ~~~" + "~" * 50 + "\n" + "~" * 40 + "\n") * (n // 50),
    ),
    "inline metadata blocks counted": (
        lambda text: read_inline(text.encode(), "x.md"),
        lambda n: "# x\n" + "<!--\nCO_OP_TRANSLATOR_METADATA:\n{}\n-->\n" * (n // 4),
    ),
}


@pytest.mark.parametrize("name", list(CONTENT_PASSES))
def test_a_content_pass_is_linear_in_a_hostile_input(name: str) -> None:
    run, make = CONTENT_PASSES[name]
    assert cpu_ratio(run, make(N), make(4 * N)) < LINEAR_RATIO


def _anchors_page(repo: RepoBuilder, headings: int) -> None:
    body = "".join(
        f"## Heading {n}\n\n[go](#heading-{n}) [gone](#nowhere-{n})\n\n" for n in range(headings)
    )
    repo.source("README.md", body)
    repo.inline("fr", "README.md", body)


def _check_calls(root: Path, cache: Path) -> int:
    def run() -> None:
        arguments = ["check", str(root), "--format", "json"]
        result = CliRunner().invoke(cli, arguments, env={"TRANSYNC_CACHE_DIR": str(cache)})
        assert result.exit_code in (0, 1), result.output

    return calls(run)


def test_broken_anchors_on_a_page_of_many_anchor_links_cost_linear_work(tmp_path: Path) -> None:
    """10,000 headings with anchor links took 22.5 s: each broken anchor went through every
    link into the page (its twins) and copied the page's anchors."""
    counted = []
    for size in (150, 600):
        repo = RepoBuilder(tmp_path / str(size))
        _anchors_page(repo, size)
        _check_calls(repo.root, tmp_path / f"warm-{size}")  # imports and caches aside
        counted.append(_check_calls(repo.root, tmp_path / f"cache-{size}"))
    assert counted[1] < 5 * counted[0], counted


def test_dangling_records_past_the_cap_are_counted_in_one_finding(tmp_path: Path) -> None:
    repo = RepoBuilder(tmp_path)
    repo.source("README.md", "# a\n")
    repo.sidecar_entry("fr", "README.md", "# b\n")
    sidecar = tmp_path / "translations/fr/.co-op-translator.json"
    entries = json.loads(sidecar.read_text())
    dangling = DANGLING_LISTED + 2_000
    entries |= {f"gone-{n}.md": record(f"gone-{n}.md", "0" * 32, "fr") for n in range(dangling)}
    sidecar.write_text(json.dumps(entries))
    result = CliRunner().invoke(cli, ["status", str(tmp_path), "--format", "json"])
    findings = [f for f in json.loads(result.stdout)["findings"] if f["check"] == "dangling-record"]
    assert len(findings) == DANGLING_LISTED + 1
    assert "2,000 more records have no translated file and no source (capped" in str(findings)
