"""What a source diff touched: its kind (whitespace ... prose), words changed, sections changed.

This reads Markdown line by line, which is all it needs: fenced code, table rows and prose are
told apart by their first characters, and links are reduced to their text before prose is
compared, so that a rewritten URL is not mistaken for a sentence to retranslate. Notebooks are
compared as Markdown (markdown cells as prose, code cells as fenced code).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transync.model import Change, ChangeKind

PROSE, CODE, TABLE = "prose", "code", "table"
TOP_SECTION = "(before the first heading)"

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TABLE_ROW = re.compile(r"^\s*\|")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<[a-z]+://[^>]*>|\b[a-z]+://\S+", re.IGNORECASE)
_TAG = re.compile(r"<[^>\n]+>")
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
    """The sections (by heading) whose text differs, in the new document's order; sections
    only in the old one come last, as removed."""
    before, after = _sections(old), _sections(new)
    changes: list[SectionChange] = []
    for key, (level, lines) in after.items():
        heading = key[0]
        if key not in before:
            changes.append(SectionChange(heading, level, "added", len(_words(lines))))
            continue
        old_tokens, new_tokens = _section_tokens(before[key][1]), _section_tokens(lines)
        if old_tokens != new_tokens or before[key][1] != lines:
            changes.append(
                SectionChange(heading, level, "changed", words_changed(old_tokens, new_tokens))
            )
    for key, (level, lines) in before.items():
        if key not in after:
            changes.append(SectionChange(key[0], level, "removed", len(_words(lines))))
    return changes


def words_changed(before: Sequence[str], after: Sequence[str]) -> int:
    """Words inserted, deleted or replaced (a replacement counts its longer side)."""
    total = 0
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            total += max(_count_words(before[i1:i2]), _count_words(after[j1:j2]))
    return total


def _count_words(tokens: Sequence[str]) -> int:
    return sum(1 for token in tokens if _WORD.fullmatch(token))


def _lines(text: str) -> list[tuple[str, str]]:
    """Each line with its kind: inside a code fence, a table row, or prose."""
    kinds: list[tuple[str, str]] = []
    fence: str | None = None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            kinds.append((CODE, line))
            if opening and opening.group(1).startswith(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
            kinds.append((CODE, line))
        elif _TABLE_ROW.match(line):
            kinds.append((TABLE, line))
        else:
            kinds.append((PROSE, line))
    return kinds


def _unlinked(lines: list[tuple[str, str]]) -> str:
    """Prose with every link, image, URL and HTML tag reduced to the words a reader sees."""
    kept = []
    for kind, line in lines:
        if kind != PROSE or _REFERENCE.match(line):
            continue
        previous = None
        while previous != line:  # badges nest an image inside a link
            previous = line
            line = _IMAGE.sub(r"\1", line)
            line = _LINK.sub(lambda match: match.group(1) or match.group(2) or "", line)
        kept.append(_TAG.sub(" ", _AUTOLINK.sub(" ", line)))
    return "\n".join(kept)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _words(lines: list[str]) -> list[str]:
    return _WORD.findall(_unlinked(_lines("\n".join(lines))))


def _section_tokens(lines: list[str]) -> list[str]:
    return _tokens(_unlinked(_lines("\n".join(lines))))


def _normalised(lines: list[tuple[str, str]], kind: str) -> list[str]:
    return [" ".join(line.split()) for line_kind, line in lines if line_kind == kind]


def _sections(text: str) -> dict[tuple[str, int], tuple[int, list[str]]]:
    """Sections keyed by (heading, occurrence), each with its level and non-blank lines."""
    sections: dict[tuple[str, int], tuple[int, list[str]]] = {}
    seen: dict[str, int] = {}
    current: list[str] = []
    sections[(TOP_SECTION, 0)] = (0, current)
    for kind, line in _lines(text):
        heading = _HEADING.match(line) if kind == PROSE else None
        if heading:
            title = heading.group(2)
            seen[title] = seen.get(title, -1) + 1
            current = []
            sections[(title, seen[title])] = (len(heading.group(1)), current)
        elif line.strip():
            current.append(" ".join(line.split()))
    if not sections[(TOP_SECTION, 0)][1]:
        del sections[(TOP_SECTION, 0)]
    return sections


def _notebook_as_markdown(text: str) -> str:
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
        parts = []
        for cell in cells:
            source = cell.get("source", "")
            body = "".join(source) if isinstance(source, list) else str(source)
            parts.append(body if cell.get("cell_type") == "markdown" else f"```\n{body}\n```")
    except (ValueError, KeyError, TypeError, AttributeError):
        return text
    return "\n\n".join(parts)
