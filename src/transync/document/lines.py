"""Signs of broken Markdown found by scanning lines, whatever parser builds the `Document`.

A parser sees the result, not the slip: an unclosed code fence swallows the rest of the file
into one code block, a link that lost its `[` is plain text, an empty `[text]()` is no link at
all. These are found here from the text, line by line, so any builder can record them
(`scan` is called on the same text the parser reads, with the same line mapping).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from transync.document.lexer import CODE, OPENING, PROSE, fences

# co-op-translator's placeholders for what it keeps out of the text it translates; left in a
# file when it failed to put the original back.
PLACEHOLDER = re.compile(
    r"@@(?:(?:LINK_DESTINATION|CODE_BLOCK|INLINE_CODE|IMAGE|LINK|URL|LINE)_\d+"
    r"|COOP_CHUNK_(?:START|END)(?::[^@\s]*)?)@@"
)
# An inline link's `(target)` for regexes: at most one pair of parentheses inside, matched
# possessively, so a failed attempt ends at the next `(` (a line of `[a](` stays linear).
INLINE_TARGET = r"\((?:[^()]++|\([^()]*+\))*+\)"
_BACKTICKS = re.compile("`+")
_ESCAPED = re.compile(r"\\[\[\]]")
# A table row whose every cell is blank (`| | |`): no row of the table's content.
_BLANK_ROW = re.compile(r"^[ \t]*+\|(?:[ \t]*+\|)++[ \t]*+$")


@dataclass(frozen=True)
class LineSigns:
    """What the line scan found, as 1-based lines of the file (see `Document`)."""

    # The line of a code fence that is never closed.
    unclosed_fence: int | None = None
    # Lines with `text](target)` whose `[` is gone: shown literally, not as a link.
    lost_brackets: tuple[int, ...] = ()
    # (line, target) of each of them.
    lost_targets: tuple[tuple[int, str], ...] = ()
    # Lines with a link whose target is empty: `[text]()`.
    empty_links: tuple[int, ...] = ()
    # (line, placeholder) of every co-op-translator placeholder left in the text.
    placeholders: tuple[tuple[int, str], ...] = ()
    # Lines of table rows whose every cell is blank.
    blank_rows: tuple[int, ...] = ()
    # The last line of text when it stops inside a link (`- [Open Web Application`,
    # `[docs](./04.SLM`): the file was cut there.
    cut_link: int | None = None
    # (line, text) of each line that starts like a table row; `table_rows` reads them.
    row_texts: tuple[tuple[int, str], ...] = ()

    @cached_property
    def table_rows(self) -> tuple[tuple[int, str], ...]:
        """(line, what of it no translator changes) of each line that starts like a table row:
        per cell its numbers, code spans and link targets (`row_signature`). Computed when a
        check asks: only a table whose rows differ from its source's needs them."""
        return tuple((line, row_signature(row)) for line, row in self.row_texts)


NO_SIGNS = LineSigns()


def scan(text: str, line_of: Callable[[int], int | None]) -> LineSigns:
    """Scan Markdown text; `line_of` maps a 0-based line of `text` to the file's line."""
    unclosed: int | None = None  # the line of the fence opening the code block still open
    depth = 0  # `[` still open in the current paragraph
    lost: list[tuple[int, str]] = []
    empty: list[int] = []
    blank_rows: list[int] = []
    rows: list[tuple[int, str]] = []
    last = -1  # the last line of text outside code
    placeholders: list[tuple[int, str]] = []
    lines = text.split("\n")
    # Substring tests before each regex: most lines hold no placeholder, bracket, code span
    # or backslash, and the scan runs over every line of every file.
    for index, fence in enumerate(fences(text, lines)):
        line = lines[index]
        if "@@" in line:
            placeholders += [(index, match.group(0)) for match in PLACEHOLDER.finditer(line)]
        if fence != PROSE:
            if fence == OPENING:
                unclosed = index
            elif fence != CODE:
                unclosed = None  # closed
            depth = 0
            continue
        unclosed = None  # ended with the list item holding it
        if not line or line.isspace():
            depth = 0
            continue
        last = index
        if "|" in line and line.lstrip().startswith("|"):
            if _BLANK_ROW.match(line):
                blank_rows.append(index)
                continue
            rows.append((index, line))
        if "[" in line or "]" in line:  # else no link ends here and no `[` opens or closes
            if "`" in line:
                line = without_code_spans(line)
            if "\\" in line:
                line = _ESCAPED.sub("", line)
            depth = _links(line, index, depth, lost, empty)
    return LineSigns(
        unclosed_fence=line_of(unclosed) if unclosed is not None else None,
        lost_brackets=_mapped([index for index, _ in lost], line_of),
        lost_targets=tuple(
            (mapped, target) for index, target in lost if (mapped := line_of(index)) is not None
        ),
        empty_links=_mapped(empty, line_of),
        placeholders=tuple(
            (mapped, found) for index, found in placeholders if (mapped := line_of(index))
        ),
        blank_rows=_mapped(blank_rows, line_of),
        cut_link=line_of(last) if last >= 0 and _open_link(lines[last]) else None,
        row_texts=tuple((mapped, row) for index, row in rows if (mapped := line_of(index))),
    )


# What a translator keeps in a table cell: numbers, code spans, link targets.
_KEPT = re.compile(r"\d+(?:[.,:]\d+)*|`[^`]*`|\]\([^)]*\)|https?://[^\s|)]+")


def row_signature(line: str) -> str:
    """A table row as a translation keeps it: per cell, its numbers, code and link targets."""
    return "|".join(" ".join(_KEPT.findall(cell)) for cell in line.strip().strip("|").split("|"))


def _links(line: str, index: int, depth: int, lost: list[tuple[int, str]], empty: list[int]) -> int:
    """Note the line's lost brackets and empty links; return the `[` left open after it."""
    position = 0
    for start, end, target in _link_ends(line):
        before = line[position:start]
        depth += before.count("[") - before.count("]")
        if depth <= 0:
            if target.startswith(("http://", "https://", "./", "../", "#")) or "." in target:
                lost.append((index, target))
            depth = 0
        else:
            depth -= 1
            if not target:
                empty.append(index)
        position = end
    rest = line[position:]
    return max(depth + rest.count("[") - rest.count("]"), 0)


def _link_ends(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, target) of each `](target ...)` in `line`: the end of an inline link, its
    target the first word up to the closing parenthesis. Found with `str.find`, not a regex: a
    line of `[a](` with no `)` made a backtracking pattern retry every `](` to the line's end."""
    start = line.find("](")
    while start >= 0:
        close = line.find(")", start + 2)
        if close < 0:
            return  # no later `](` can be closed either
        words = line[start + 2 : close].split(maxsplit=1)
        yield start, close + 1, words[0] if words else ""
        start = line.find("](", close + 1)


def without_code_spans(line: str) -> str:
    """`line` without its code spans, as CommonMark reads them: a run of backticks opens one
    and the next run of the same length closes it (an unmatched run is literal text). Linear:
    each run's next run of the same length is found in one pass from the right."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    following: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for number in range(len(runs) - 1, -1, -1):
        length = runs[number][1] - runs[number][0]
        following[number] = seen.get(length)
        seen[length] = number
    kept: list[str] = []
    position = number = 0
    while number < len(runs):
        closing = following[number]
        if closing is None:
            number += 1
            continue
        kept.append(line[position : runs[number][0]])
        position = runs[closing][1]
        number = closing + 1
    kept.append(line[position:])
    return "".join(kept)


def _mapped(lines: list[int], line_of: Callable[[int], int | None]) -> tuple[int, ...]:
    return tuple(sorted({mapped for line in lines if (mapped := line_of(line)) is not None}))


def _open_link(line: str) -> bool:
    """A link still open at the end of the line: `[text` with no `]` after it, or `](target`
    with no `)` or blank after it. Only the last `[` and the last `](` can be (and `rfind`
    keeps it linear where a regex retried from every `[`)."""
    bracket = line.rfind("[")
    if bracket >= 0 and "]" not in line[bracket:]:
        return True
    target = line.rfind("](")
    return target >= 0 and not any(char in ")\t " for char in line[target + 2 :])
