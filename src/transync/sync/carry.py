"""Carrying a source's mechanical changes (link targets, code blocks) over to a translation.

A page is cut into the parts a translator leaves alone: the targets of its links and images
(inline, reference definitions, HTML `href`/`src`, autolinks and bare URLs, outside code) and
its fenced code blocks. The old and new source must have the same parts in the same order;
each one that changed is carried to the translation's part at the same position, written the
way co-op-translator wrote that part there (its `../` prefix, its translated anchor). Before
touching the translation, the same carrying is applied to the old source itself: unless it
gives the new source (up to whitespace), the change holds something this model does not see,
and nothing is carried.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from transync.document.lexer import CLOSING, CODE, OPENING, PROSE, lex
from transync.document.tool_text import tool_spans

_TARGET = re.compile(
    r"""(?:href|src)\s*=\s*["'](?P<html>[^"'\s]+)["']"""
    r"""|\]\(\s*<?(?P<inline>[^)\s>\]]++)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)"""
    r"""|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)"""
    r"""|<(?P<auto>[a-z][a-z0-9+.-]*://[^>\s]+)>"""
    r"""|(?P<bare>\b(?:https?|ftp)://[^\s<>()\[\]"'`]+[^\s<>()\[\]"'`.,;:!?])""",
    re.IGNORECASE | re.MULTILINE,
)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """A link target or a whole code block: its text and where it is (character offsets)."""

    text: str
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Parts:
    links: tuple[Part, ...]
    code: tuple[Part, ...]


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str


# (the source link's new path, the translation's anchor now, the source's old anchor, its new
# anchor) -> the translation's new anchor, or None when it cannot be derived
AnchorFinder = Callable[[str, str, str, str], "str | None"]
# (the source link's new path, the translation's target now) -> the translated image's path
# written as the translation writes it, or None when that image has no translation
ImageFinder = Callable[[str, str], "str | None"]
TRANSLATED_IMAGES = "translated_images/"


@dataclass(frozen=True)
class Finders:
    """What the translation's links are written with that this text alone does not say."""

    anchors: AnchorFinder | None = None
    images: ImageFinder | None = None


class CannotCarry(Exception):
    """Why a change cannot be carried over exactly: the file is left untouched."""


def parts(text: str) -> Parts:
    """The link targets (outside code) and fenced code blocks of LF text, in order; none of
    what co-op-translator adds itself (its disclaimer's link, its languages table)."""
    links: list[Part] = []
    code: list[Part] = []
    spans = tool_spans(text)
    for kind, start, end, line in _segments(text):
        if kind == "code":
            code.append(Part(text[start:end], start, end, line))
            continue
        for match in _TARGET.finditer(text, start, end):
            name = match.lastgroup or "bare"
            offset = match.start(name)
            if any(first <= offset < last for first, last in spans):
                continue
            links.append(
                Part(
                    match.group(name),
                    offset,
                    match.end(name),
                    line + text.count("\n", start, offset),
                )
            )
    return Parts(tuple(links), tuple(code))


def _segments(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Runs of prose and fenced code blocks (fence lines included): kind, start, end, line."""
    offset, line, run_start, run_line = 0, 1, 0, 1
    kind = "prose"
    for read in lex(text.splitlines(keepends=True)):
        # A block ends at its closing fence, or before a line that ends its list item.
        ended = kind == "code" and read.fence == PROSE
        if (read.fence == OPENING or ended) and offset > run_start:
            yield kind, run_start, offset, run_line
            run_start, run_line = offset, line
        if read.fence != CODE:
            kind = "code" if read.fence in (OPENING, CLOSING) else "prose"
        offset += len(read.text)
        line += 1
        if read.fence == CLOSING:
            yield "code", run_start, offset, run_line
            run_start, run_line, kind = offset, line, "prose"
    if offset > run_start:
        yield kind, run_start, offset, run_line


def carry(old: str, new: str, translation: str, finders: Finders = Finders()) -> list[Replacement]:
    """The replacements that bring `translation` from `old` to `new`; raises CannotCarry.
    `finders` find translated anchors and translated images."""
    before, after, translated = parts(old), parts(new), parts(translation)
    if len(before.links) != len(after.links):
        raise CannotCarry(
            f"the source went from {len(before.links)} to {len(after.links)} links: a link was"
            " added or removed, which needs a translator"
        )
    if len(before.code) != len(after.code):
        raise CannotCarry(
            f"the source went from {len(before.code)} to {len(after.code)} code blocks"
        )
    changed_links = [
        i
        for i, (a, b) in enumerate(zip(before.links, after.links, strict=True))
        if a.text != b.text
    ]
    changed_code = [
        i for i, (a, b) in enumerate(zip(before.code, after.code, strict=True)) if a.text != b.text
    ]
    # The same carrying applied to the old source must give the new one.
    own = [
        Replacement(before.links[i].start, before.links[i].end, after.links[i].text)
        for i in changed_links
    ]
    own += [
        Replacement(before.code[i].start, before.code[i].end, after.code[i].text)
        for i in changed_code
    ]
    if _squeezed(apply(old, own)) != _squeezed(new):
        raise CannotCarry("the source changed outside its link targets and code blocks")
    replacements = []
    if changed_links and len(translated.links) != len(before.links):
        raise CannotCarry(
            f"the translation has {len(translated.links)} links where the source had"
            f" {len(before.links)}: cannot tell which one to change"
        )
    for i in changed_links:
        target = translated.links[i]
        replacements.append(
            Replacement(
                target.start,
                target.end,
                carry_link(before.links[i].text, after.links[i].text, target, finders),
            )
        )
    if changed_code and len(translated.code) != len(before.code):
        raise CannotCarry(
            f"the translation has {len(translated.code)} code blocks where the source had"
            f" {len(before.code)}"
        )
    for i in changed_code:
        block = translated.code[i]
        if block.text != before.code[i].text:
            raise CannotCarry(
                f"code block {i + 1} (line {block.line}) is not the source's old block"
                " verbatim (translated comments?)"
            )
        replacements.append(Replacement(block.start, block.end, after.code[i].text))
    return replacements


def carry_link(old: str, new: str, translated: Part, finders: Finders = Finders()) -> str:
    """The new target as co-op-translator would have written it where the translation had
    `translated` for the source's `old`."""
    if translated.text == old:
        return new
    old_path, old_anchor = _split(old)
    new_path, new_anchor = _split(new)
    path, anchor = _split(translated.text)
    where = f"line {translated.line}: the translation links {translated.text!r} for {old!r}"
    if path == old_path:
        carried_path = new_path
    elif (
        old_path
        and path.endswith(old_path)
        and _is_relative(old_path)
        and _is_prefix(path[: -len(old_path)])
    ):
        carried_path = path[: -len(old_path)] + new_path if _is_relative(new_path) else new_path
    elif old_path == new_path:
        carried_path = path  # only the anchor changed; the path is the translator's
    elif TRANSLATED_IMAGES in path:
        image = finders.images(new_path, path) if finders.images else None
        if image is None:
            raise CannotCarry(f"{where}: {new_path!r} has no translated image yet")
        carried_path = image
    else:
        raise CannotCarry(f"{where}: cannot tell how to write {new!r} there")
    if old_anchor == new_anchor:
        carried_anchor = anchor
    elif anchor == old_anchor:
        carried_anchor = new_anchor
    elif (
        finders.anchors
        and (found := finders.anchors(new_path, anchor, old_anchor, new_anchor)) is not None
    ):
        carried_anchor = found
    else:
        raise CannotCarry(
            f"{where}: its anchor is translated and the source's anchor changed to"
            f" {new_anchor!r}; the translated heading's anchor cannot be derived"
        )
    return carried_path + carried_anchor


def apply(text: str, replacements: list[Replacement]) -> str:
    for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
        text = text[: replacement.start] + replacement.text + text[replacement.end :]
    return text


def _split(target: str) -> tuple[str, str]:
    index = target.find("#")
    return (target, "") if index < 0 else (target[:index], target[index:])


def _is_relative(path: str) -> bool:
    return bool(path) and not _URL.match(path) and not path.startswith("/")


def _is_prefix(prefix: str) -> bool:
    """A `../` run (the translation's depth) or a `./`: what co-op-translator prepends."""
    return re.fullmatch(r"(?:\.\./)*(?:\./)?", prefix) is not None


def _squeezed(text: str) -> str:
    return " ".join(text.split())
