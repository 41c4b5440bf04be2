"""The one reading of Markdown line by line: fenced code and ATX headings, by CommonMark's rules.

Every module that reads Markdown as lines (the line scan, `carry`, the languages block, the
changes of a source, the inline metadata reader) takes what it needs from `lex`, so they all
agree on where code starts and ends. The rules (spec 0.31, 4.2 and 4.5): a fence is a run of
at least three backticks or tildes indented at most three spaces, and a backtick fence's info
string holds no backtick; the block closes at a run of the same character, at least as long,
indented at most three spaces and followed by nothing but spaces or tabs (else it runs to the
end of the text). A heading is 1 to 6 `#` indented at most three spaces, then a space, a tab
or the end of the line; a closing run of `#` after a space is not part of its text.

Without a block parser, one container is followed: list items, since documentation indents
the steps of a numbered list with their code (`1. Run:` then `    ```bash`). Indentation
counts from the content of the list item a line belongs to. Block quotes are not followed.
Imports nothing from the project, so every stage can use it. Linear: no regex, one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import NamedTuple

# What a line is, as `Line.fence` says.
PROSE, OPENING, CODE, CLOSING = "prose", "opening", "code", "closing"
_TAB = 4
_LINE_ENDS = " \t\r\n"
# The first characters of a line that may be more than plain text, and of a list marker.
_MARKUP = frozenset(" \t`~#-+*0123456789\r\n")
_MARKERS = frozenset("-+*0123456789")


class Line(NamedTuple):
    """One line of the text, as given, and what it is."""

    text: str
    # PROSE outside fenced code; OPENING, CODE or CLOSING for the lines of a fenced block
    # (a block never closed has no CLOSING line).
    fence: str = PROSE
    # The opening fence's info string (`python` of "```python"), on every line of its block.
    info: str = ""
    # 1 to 6 for an ATX heading (0 for any other line), and the heading's text.
    heading: int = 0
    title: str = ""

    @property
    def code(self) -> bool:
        """Inside a fenced code block, its fence lines included."""
        return self.fence != PROSE


_BLANK = Line("")


class _Fence(NamedTuple):
    character: str
    length: int
    column: int  # the content column of the list item holding the block (0 at the top)


def lex(lines: Iterable[str]) -> Iterator[Line]:
    """A `Line` for each of `lines` (line ends, if kept, are ignored)."""
    fence: _Fence | None = None
    info = ""
    items: list[int] = []  # the content columns of the list items open here, innermost last
    paragraph = False  # the previous line continues a paragraph (a lazy line keeps the items)
    for text in lines:
        if not text:
            if fence is not None:
                yield Line(text, CODE, info)
            else:
                paragraph = False
                yield _BLANK
            continue
        if text[:1] not in _MARKUP:  # most lines: plain text from the first column
            if fence is not None and fence.column == 0:
                yield Line(text, CODE, info)
                continue
            fence = None  # (in a list item, the line ends the item and its code block)
            if items and not paragraph:
                items.clear()
            paragraph = True
            yield Line(text)
            continue
        column, position = _indent(text, 0, 0)
        blank = position >= len(text) or text[position] in "\r\n"
        if fence is not None:
            if blank or column >= fence.column:
                if _closes(text, column - fence.column, position, fence):
                    yield Line(text, CLOSING, info)
                    fence = None
                else:
                    yield Line(text, CODE, info)
                continue
            fence = None  # a line left of the list item ends the item, and its code block
        if blank:
            paragraph = False
            yield Line(text)
            continue
        if items and column < items[-1]:
            if paragraph and not _starts_block(text, position):
                yield Line(text)  # a lazy line of the item's paragraph: the item goes on
                continue
            while items and column < items[-1]:
                items.pop()
        if text[position] in _MARKERS:
            column, position = _list_items(text, column, position, items)
        if column - (items[-1] if items else 0) > 3:
            yield Line(text)  # indented code, or a paragraph's lazy line: prose either way
            continue
        first = text[position : position + 1]
        opening = _opening(text, position) if first in ("`", "~") else None
        if opening is not None:
            character, length, info = opening
            fence = _Fence(character, length, items[-1] if items else 0)
            paragraph = False
            yield Line(text, OPENING, info)
            continue
        level, title = _heading(text, position) if first == "#" else (0, "")
        paragraph = not level
        yield Line(text, heading=level, title=title) if level else Line(text)


def fences(text: str, lines: list[str]) -> Iterator[str]:
    """The `Line.fence` of each of `lines`, the lines of `text` (split at "\\n"), as `lex`
    reads it, for a reader that needs nothing more, with the lines that cannot change it left
    unread:

    - a line of plain text (no markup in its first column) lexes as the plain line before it
      did and leaves the state as it was: of a run of them only the first is lexed;
    - only a line holding three backticks or tildes opens a fence: while none is open, the
      lines before the next such line are prose, and after an empty line a plain line leaves
      the state as a new `lex` has it after that line alone, so lexing starts afresh at the
      last such line before the next fence (or is done, when no fence is left)."""
    count = len(lines)
    fence_lines = iter(_fence_lines(text))
    upcoming = -1  # the next line that may open or close a fence
    pending: list[str] = []
    lexed = lex(iter(pending.pop, None))  # lexes each line appended to `pending`, when asked
    fence = PROSE
    plain = False
    index = 0
    while index < count:
        if upcoming < index and fence in (PROSE, CLOSING):
            upcoming = next(fence_lines, count)
            if upcoming == count:
                yield from repeat(PROSE, count - index)
                return
            restart = upcoming
            while restart > index and (lines[restart - 1] or not _plain(lines[restart])):
                restart -= 1
            if restart > index:
                yield from repeat(PROSE, restart - index)
                index = restart
                lexed = lex(iter(pending.pop, None))
                plain = False
        line = lines[index]
        index += 1
        if line and line[0] not in _MARKUP:  # (`_plain`, inline: every line is asked)
            if plain:
                yield fence
                continue
            plain = True
        else:
            plain = False
        pending.append(line)
        fence = next(lexed).fence
        yield fence


def _plain(line: str) -> bool:
    """A line of plain text from its first column, as `lex` reads it."""
    return line != "" and line[0] not in _MARKUP


def _fence_lines(text: str) -> list[int]:
    """The lines (0-based, in order) holding a run of three backticks or tildes."""
    found: list[int] = []
    line = counted = 0  # the line of offset `counted`
    backticks, tildes = text.find("```"), text.find("~~~")
    while backticks >= 0 or tildes >= 0:
        at = min(backticks, tildes) if backticks >= 0 and tildes >= 0 else max(backticks, tildes)
        line += text.count("\n", counted, at)
        counted = at
        found.append(line)
        end = text.find("\n", at)
        if end < 0:
            break
        if 0 <= backticks <= end:
            backticks = text.find("```", end)
        if 0 <= tildes <= end:
            tildes = text.find("~~~", end)
    return found


def _indent(text: str, column: int, position: int) -> tuple[int, int]:
    """The column and position of the first character after the spaces and tabs at
    `position` (a tab moves to the next multiple of four)."""
    while position < len(text):
        character = text[position]
        if character == " ":
            column += 1
        elif character == "\t":
            column += _TAB - column % _TAB
        else:
            break
        position += 1
    return column, position


def _list_items(text: str, column: int, position: int, items: list[int]) -> tuple[int, int]:
    """Open the list items that start at `position` (`- `, `1. `, nested `- 1) `), each at
    most three columns right of the one holding it; the column and position of their content."""
    first = True
    while column - (items[-1] if items else 0) <= 3:
        end = _marker_end(text, position, breaks=first)
        first = False
        if end is None:
            break
        after, content = _indent(text, column + end - position, end)
        if content >= len(text) or text[content] in "\r\n":
            items.append(column + end - position + 1)  # an empty item: content one further
            return after, content
        if after - (column + end - position) > 4:  # indented code in the item: one space
            after, content = column + end - position + 1, end + 1
        items.append(after)
        column, position = after, content
    return column, position


def _marker_end(text: str, position: int, *, breaks: bool = True) -> int | None:
    """Where a list marker at `position` ends, if one is there and a space or tab follows.
    With `breaks`, a thematic break is no marker (tested once a line: a linear pass)."""
    if position >= len(text):
        return None
    end = position
    if text[position] in "-+*":
        end += 1
    else:
        while end < len(text) and end - position < 9 and "0" <= text[end] <= "9":
            end += 1
        if end == position or end >= len(text) or text[end] not in ".)":
            return None
        end += 1
    if end < len(text) and text[end] not in " \t\r\n":
        return None
    if breaks and text[position] in "-*" and _is_break(text, position):
        return None  # `- - -` and `***` are thematic breaks
    return end


def _is_break(text: str, position: int) -> bool:
    character = text[position]
    rest = text[position:].rstrip(_LINE_ENDS)
    return rest.count(character) >= 3 and not rest.replace(character, "").strip(" \t")


def _starts_block(text: str, position: int) -> bool:
    """A line that interrupts a paragraph, so it is no lazy continuation of a list item's."""
    return (
        _opening(text, position) is not None
        or _heading(text, position)[0] > 0
        or _marker_end(text, position) is not None
    )


def _opening(text: str, position: int) -> tuple[str, int, str] | None:
    """The character, length and info string of an opening fence at `position`, if one is."""
    character = text[position] if position < len(text) else ""
    if character not in ("`", "~"):
        return None
    end = _run_end(text, position, character)
    if end - position < 3:
        return None
    info = text[end:].strip(_LINE_ENDS)
    if character == "`" and "`" in info:
        return None  # "``` a`b" is inline code, not a fence
    return character, end - position, info


def _closes(text: str, relative: int, position: int, fence: _Fence) -> bool:
    if not 0 <= relative <= 3 or position >= len(text) or text[position] != fence.character:
        return False
    end = _run_end(text, position, fence.character)
    return end - position >= fence.length and not text[end:].strip(_LINE_ENDS)


def _heading(text: str, position: int) -> tuple[int, str]:
    """The level and text of an ATX heading at `position`; (0, "") if there is none."""
    end = _run_end(text, position, "#")
    level = end - position
    if not 1 <= level <= 6 or (end < len(text) and text[end] not in _LINE_ENDS):
        return 0, ""
    content = text[end:].strip(_LINE_ENDS)
    closing = content.rstrip("#")
    if not closing or closing[-1] in " \t":  # a closing run of `#` follows a space
        content = closing
    return level, content.strip(" \t")


def _run_end(text: str, position: int, character: str) -> int:
    end = position
    while end < len(text) and text[end] == character:
        end += 1
    return end
