"""What a source diff touched: its kind (whitespace ... prose), words changed, sections changed.

This reads Markdown line by line, which is all it needs: fenced code, table rows and prose are
told apart by their first characters, and links are reduced to their text before prose is
compared, so that a rewritten URL is not mistaken for a sentence to retranslate. Notebooks are
compared as Markdown (markdown cells as prose, code cells as fenced code).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transync.document.lexer import Line, lex
from transync.document.lines import INLINE_TARGET
from transync.matching import SequenceMatcher
from transync.model import Change, ChangeKind

PROSE, CODE, TABLE = "prose", "code", "table"
TOP_SECTION = "(before the first heading)"

_TABLE_ROW = re.compile(r"^\s*\|")
# Link text holds no bracket (the target: INLINE_TARGET); a URL in `<>`
# and a tag hold no `<`: so every attempt ends at the next opening, instead of searching to
# the end of a line of `[a](` or `<<<` that never closes.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + INLINE_TARGET)
_LINK = re.compile(r"\[([^\[\]]*)\]" + INLINE_TARGET + r"|\[([^\[\]]*)\]\[[^\[\]]*\]")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<[a-z]+://[^<>]*>|\b[a-z]+://\S+", re.IGNORECASE)
_TAG = re.compile(r"<[^<>\n]+>")
# Badges nest an image in a link; deeper nesting is left as written (each level is a pass).
_NESTED_LINKS = 4
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SectionChange:
    """One heading's section that differs; `status` is changed, added or removed."""

    heading: str
    level: int
    status: str
    words: int


def as_text(data: bytes, path: str) -> str | None:
    """The comparable text of a source version; None for binary files such as images."""
    if b"\0" in data:
        return None
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return _notebook_as_markdown(text) if path.lower().endswith(".ipynb") else text


def classify_change(old: str, new: str) -> Change:
    """The most significant kind of change between two versions, and prose words changed."""
    before, after = _lines(old), _lines(new)
    prose_before = _tokens(_unlinked(before))
    prose_after = _tokens(_unlinked(after))
    if prose_before != prose_after:
        return Change(ChangeKind.PROSE, words_changed(prose_before, prose_after))
    if _normalised(before, TABLE) != _normalised(after, TABLE):
        return Change(ChangeKind.TABLE)
    if _normalised(before, CODE) != _normalised(after, CODE):
        return Change(ChangeKind.CODE_ONLY)
    if _normalised(before, PROSE) != _normalised(after, PROSE):
        return Change(ChangeKind.LINKS_ONLY)
    return Change(ChangeKind.WHITESPACE)


def changed_sections(old: str, new: str) -> list[SectionChange]:
    """The sections (by heading) that a line diff touches, with the words it changes in each.

    A changed run of lines counts towards the section it lands in (in the new text; a pure
    deletion towards the section it was taken from), so that text which merely now sits under
    a new heading is not counted as changed. Sections only in the new text are "added", only in
    the old one "removed".
    """
    before, after = _outline(old), _outline(new)
    words: dict[tuple[str, int], int] = {}
    matcher = SequenceMatcher(None, before.lines, after.lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # Within a changed run, compare the parts that belong to the same section.
        old_parts, new_parts = before.parts(i1, i2), after.parts(j1, j2)
        for key in {**old_parts, **new_parts}:
            words[key] = words.get(key, 0) + words_changed(
                _tokens(_unlinked(old_parts.get(key, []))),
                _tokens(_unlinked(new_parts.get(key, []))),
            )
    changes = []
    for key, level in after.levels.items():
        if key not in before.levels:
            changes.append(SectionChange(key[0], level, "added", words.get(key, 0)))
        elif key in words:
            changes.append(SectionChange(key[0], level, "changed", words[key]))
    changes += [
        SectionChange(key[0], level, "removed", words.get(key, 0))
        for key, level in before.levels.items()
        if key not in after.levels
    ]
    return changes


def words_changed(before: Sequence[str], after: Sequence[str]) -> int:
    """Words inserted, deleted or replaced (a replacement counts its longer side)."""
    total = 0
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            total += max(_count_words(before[i1:i2]), _count_words(after[j1:j2]))
    return total


def _count_words(tokens: Sequence[str]) -> int:
    return sum(1 for token in tokens if _WORD.fullmatch(token))


def _lines(text: str) -> list[tuple[str, str]]:
    """Each line with its kind: inside a code fence, a table row, or prose."""
    return [(_kind(line), line.text) for line in lex(text.split("\n"))]


def _kind(line: Line) -> str:
    if line.code:
        return CODE
    return TABLE if _TABLE_ROW.match(line.text) else PROSE


def _unlinked(lines: list[tuple[str, str]]) -> str:
    """Prose with every link, image, URL and HTML tag reduced to the words a reader sees."""
    kept = []
    for kind, line in lines:
        if kind != PROSE or _REFERENCE.match(line):
            continue
        previous = None
        # Most lines hold no link: each pattern is tried only where its first character is.
        for _ in range(_NESTED_LINKS if "[" in line else 0):
            if previous == line:
                break
            previous = line
            line = _IMAGE.sub(r"\1", line)
            line = _LINK.sub(lambda match: match.group(1) or match.group(2) or "", line)
        if ":" in line:
            line = _AUTOLINK.sub(" ", line)
        kept.append(_TAG.sub(" ", line) if "<" in line else line)
    return "\n".join(kept)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _normalised(lines: list[tuple[str, str]], kind: str) -> list[str]:
    return [
        " ".join(line.split()) for line_kind, line in lines if line_kind == kind and line.strip()
    ]


@dataclass
class _Outline:
    """Non-blank lines (whitespace collapsed), the section owning each, and section levels.

    `readable` pairs each line with the kind words are counted in: table cells are text to
    translate like prose; code is not.
    """

    lines: list[str]
    readable: list[tuple[str, str]]
    owner: list[tuple[str, int]]
    levels: dict[tuple[str, int], int]

    def parts(self, start: int, end: int) -> dict[tuple[str, int], list[tuple[str, str]]]:
        """Lines `start:end` split by the section that owns them."""
        parts: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for index in range(start, end):
            parts.setdefault(self.owner[index], []).append(self.readable[index])
        return parts


def _outline(text: str) -> _Outline:
    outline = _Outline([], [], [], {})
    seen: dict[str, int] = {}
    key = (TOP_SECTION, 0)
    for read in lex(text.split("\n")):
        line, kind = read.text, _kind(read)
        if not line.strip():
            continue
        if read.heading:
            title = " ".join(_unlinked([(PROSE, read.title)]).split())
            seen[title] = seen.get(title, -1) + 1
            key = (title, seen[title])
            outline.levels[key] = read.heading
        elif key not in outline.levels:
            outline.levels[key] = 0
        outline.lines.append(" ".join(line.split()))
        outline.readable.append((CODE if kind == CODE else PROSE, line))
        outline.owner.append(key)
    return outline


def _notebook_as_markdown(text: str) -> str:
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
        parts = []
        for cell in cells:
            source = cell.get("source", "")
            body = "".join(source) if isinstance(source, list) else str(source)
            parts.append(body if cell.get("cell_type") == "markdown" else f"```\n{body}\n```")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return text
    return "\n\n".join(parts)
