"""What a course is to its maintainer: its pages in reading order, the repository's own files
apart.

Reading order is the order the course's README links its pages, each page's own links (a
module's table of contents) placed right after it, then the pages no link reaches, by their
lesson numbers ("lesson 2" before "lesson 10"). Repository meta files (agent and contributor
files, anything in a hidden folder) are no part of the course: work lists put them last, or
leave them out (`meta-files = "out"`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator

from transync.checks.engine.targets import resolve

SourceReader = Callable[[str], "bytes | None"]
# The README the course starts from, in each folder a layout's sources sit in.
_START = ("README.md", "readme.md", "Readme.md", "README.MD")
_PAGES = (".md", ".mdx", ".markdown", ".ipynb")
# Files a repository keeps for its contributors and their agents, not for its readers.
META_NAMES = frozenset(
    {
        "agents",
        "claude",
        "gemini",
        "copilot-instructions",
        "contributing",
        "code_of_conduct",
        "security",
        "support",
        "governance",
        "maintainers",
        "codeowners",
        "pull_request_template",
        "issue_template",
    }
)
_NUMBER = re.compile(r"(\d+)")


def is_meta_file(path: str) -> bool:
    """`AGENTS.md`, `CONTRIBUTING.MD`, `.squad/agents/x.md`, `.github/…`: for contributors."""
    parts = path.split("/")
    if any(part.startswith(".") for part in parts[:-1]):
        return True
    stem = posixpath.splitext(parts[-1])[0].lower()
    return stem in META_NAMES


def lesson_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: numbers compared as numbers, so that `2-x/` comes before `10-y/`."""
    return tuple(
        (0, int(piece)) if piece.isdigit() else (1, piece.lower())
        for piece in _NUMBER.split(path)
        if piece
    )


def course_order(
    pages: Iterable[str], read: SourceReader, roots: Iterable[str] = (".",)
) -> dict[str, int]:
    """Each page's place in the course: linked ones in reading order from the README of each
    of `roots`, then the rest by lesson number."""
    known = set(pages)
    parse = _link_reader(read)
    ordered: list[str] = []
    placed: set[str] = set()
    for root in roots:
        start = next(
            (
                path
                for name in _START
                if (path := posixpath.normpath(posixpath.join(root, name))) in known
            ),
            None,
        )
        if start is None or start in placed:
            continue
        placed.add(start)
        ordered.append(start)
        ordered.extend(_reading_order(start, known, placed, parse))
    ordered += sorted(known - placed, key=lesson_key)
    return {page: place for place, page in enumerate(ordered)}


def _reading_order(
    start: str, known: set[str], placed: set[str], links: Callable[[str], list[str]]
) -> Iterator[str]:
    """Depth first, each page's links claimed when it is read: a table of contents keeps its
    order although every lesson links to the next (no recursion: a chain of 5,000 lessons)."""

    def claim(page: str) -> Iterator[str]:
        new = [target for target in links(page) if target in known and target not in placed]
        placed.update(new)
        return iter(new)

    stack = [claim(start)]
    while stack:
        page = next(stack[-1], None)
        if page is None:
            stack.pop()
            continue
        yield page
        stack.append(claim(page))


def _link_reader(read: SourceReader) -> Callable[[str], list[str]]:
    def links(page: str) -> list[str]:
        if not page.lower().endswith(_PAGES):
            return []
        data = read(page)
        if data is None:
            return []
        from transync.document.pulldown import parse_file

        try:
            document = parse_file(data, page, translated=False)
        except ValueError:  # not text (a binary or a broken notebook): it links nothing
            return []
        targets = (resolve(link.target, page) for link in document.links if not link.image)
        return list(dict.fromkeys(target.path for target in targets if target.inside))

    return links
