"""Recall: ten defects planted in current translations of three languages of a generated
course are each reported once, by the check that names them, at the exact line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders import RepoBuilder
from transync.model import Finding
from transync.scan import scan

LANGUAGES = ("de", "ja", "ko")
PROSE = (
    "this lesson explains how the service reads a request and writes a response for every"
    " user of the course, step by step, with the reasons behind each choice we made here"
)
DISCLAIMER = (
    "\n---\n\n**Disclaimer**: translated with [Co-op Translator]"
    "(https://github.com/Azure/co-op-translator).\n"
)


def lesson(n: int) -> list[str]:
    """A source page: sections with prose, a table, lists of links, code."""
    return [
        f"# Lesson {n}",
        "",
        PROSE,
        "",
        "## Overview",
        "",
        f"{PROSE}. See [the guide](https://example.com/guide/{n}) first.",
        "",
        "| Step | What | Link |",
        "| --- | --- | --- |",
        "| 1 | prepare | [one](https://example.com/steps/1) |",
        "| 2 | install | [two](https://example.com/steps/2) |",
        "| 3 | configure | [three](https://example.com/steps/3) |",
        "| 4 | run | [four](https://example.com/steps/4) |",
        "",
        "## Code",
        "",
        PROSE,
        "",
        "```python",
        "def run(value):",
        f"    return value + {n}",
        "```",
        "",
        "## Details",
        "",
        PROSE,
        "",
        "- [Item one](https://example.com/items/1) for the first part",
        "- [Item two](https://example.com/items/2) for the second part",
        "- [Item three](https://example.com/items/3) for the third part",
        "",
        "## More",
        "",
        PROSE,
        "",
        "```bash",
        f"echo {n}",
        "```",
        "",
        PROSE,
        "",
        "## Resources",
        "",
        PROSE,
        "",
        "- [Reference a](https://example.com/ref/a)",
        "- [Reference b](https://example.com/ref/b)",
        "",
        PROSE,
    ]


def translate(lines: list[str]) -> list[str]:
    """Every word outside code and link targets turned into another language's."""
    out, code = [], False
    for line in lines:
        if line.startswith("```"):
            code = not code
        if code or line.startswith("```"):
            out.append(line)
            continue
        pieces = re.split(r"(\]\([^)]*\))", line)
        out.append(
            "".join(
                piece if index % 2 else re.sub(r"[A-Za-z]+", _word, piece)
                for index, piece in enumerate(pieces)
            )
        )
    return out


def _word(match: re.Match[str]) -> str:
    return "ü" + match.group(0)[::-1]


def at(lines: list[str], text: str) -> int:
    """The 0-based index of the first line holding `text`."""
    return next(index for index, line in enumerate(lines) if text in line)


# Each defect: (name, plant it into the translated lines and return the expected 1-based line
# and check).
Plant = Callable[[list[str]], tuple[int, str]]


def dropped_row(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "steps/3")
    del lines[index]
    return index + 1, "table-rows"


def dropped_link(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "items/2")
    lines[index] = lines[index].replace("[", "").replace("](https://example.com/items/2)", "")
    return index + 1, "link-missing"


def dropped_heading(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "## üsliateD")
    del lines[index : index + 2]
    return index + 1, "heading-count"


def dropped_code_block(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "```bash")
    del lines[index : index + 4]
    return index + 1, "code-blocks"


def changed_target(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "example.com/guide/")
    lines[index] = re.sub(r"guide/\d+", "guide/elsewhere", lines[index])
    return index + 1, "link-changed"


def last_third_cut(lines: list[str]) -> tuple[int, str]:
    del lines[len(lines) * 2 // 3 :]
    while not lines[-1].strip():
        lines.pop()
    return len(lines), "truncated"


def leftover_placeholder(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "items/3")
    lines[index] = lines[index].replace("https://example.com/items/3", "@@LINK_DESTINATION_1@@")
    return index + 1, "leftover-placeholder"


def lost_bracket(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "ref/a")
    lines[index] = lines[index].replace("[", "", 1)
    return index + 1, "broken-link"


def english_paragraph(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "## üedoC") + 2
    lines[index] = PROSE
    return index + 1, "untranslated"


def extra_link(lines: list[str]) -> tuple[int, str]:
    index = at(lines, "## üeroM") + 2
    lines[index] += " [ümore](https://extra.example.org/more)"
    return index + 1, "link-extra"


DEFECTS: tuple[Plant, ...] = (
    dropped_row,
    dropped_link,
    dropped_heading,
    dropped_code_block,
    changed_target,
    last_third_cut,
    leftover_placeholder,
    lost_bracket,
    english_paragraph,
    extra_link,
)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    """Ten lessons in three languages; lesson n carries defect n in one language, the others
    are clean. Returns the root and, per planted file, the expected line and check."""
    repo = RepoBuilder(tmp_path_factory.mktemp("course"))
    expected: dict[str, tuple[int, str]] = {}
    for n, plant in enumerate(DEFECTS):
        path = f"lessons/{n:02d}/README.md"
        source = lesson(n)
        repo.source(path, "\n".join(source) + "\n")
        for language in LANGUAGES:
            translated = translate(source)
            if language == LANGUAGES[n % len(LANGUAGES)]:
                expected[f"translations/{language}/{path}"] = plant(translated)
            repo.sidecar_entry(language, path, "\n".join(translated) + "\n" + DISCLAIMER)
    return repo.root, expected


def _findings(root: Path) -> list[Finding]:
    return list(scan(root, content=True, cache=False).findings)


@pytest.mark.parametrize("plant", DEFECTS, ids=lambda plant: plant.__name__)
def test_a_planted_defect_is_reported_once_at_its_line(
    course: tuple[Path, dict[str, tuple[int, str]]], plant: Plant
) -> None:
    root, expected = course
    n = DEFECTS.index(plant)
    path = f"translations/{LANGUAGES[n % len(LANGUAGES)]}/lessons/{n:02d}/README.md"
    found = [(f.check, f.line) for f in _findings(root) if f.path == path]
    line, check = expected[path]
    assert found == [(check, line)]


def test_the_clean_translations_have_no_finding(
    course: tuple[Path, dict[str, tuple[int, str]]],
) -> None:
    root, expected = course
    assert [f for f in _findings(root) if f.path not in expected] == []
