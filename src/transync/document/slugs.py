"""GitHub's heading anchors (github-slugger), Unicode included.

GitHub lower-cases the heading's text, drops every character that is not a letter, mark,
number, `-`, `_` or space, turns spaces into `-` and numbers repeats (`-1`, `-2`). Letters of
every script survive, so Lithuanian, Japanese and Arabic headings have anchors of their own.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

_NOT_SLUG_ASCII = re.compile(r"[^a-z0-9 _-]")


class _SlugCharacters(dict[int, "str | None"]):
    """What each character becomes in a slug, for `str.translate`: a space `-`, a letter,
    mark, number, `-` or `_` itself, anything else nothing. Each character is looked up in
    Unicode's tables the first time it is seen, so a heading costs one pass in C."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if char == " ":
            kept: str | None = "-"
        elif char in "-_" or unicodedata.category(char)[0] in "LMN":
            kept = char
        else:
            kept = None
        self[code] = kept
        return kept


_SLUG_CHARACTERS = _SlugCharacters()


def slug(text: str) -> str:
    if text.isascii():  # most headings: the letters and digits of ASCII are [a-z0-9]
        return _NOT_SLUG_ASCII.sub("", text.lower()).replace(" ", "-")
    return text.lower().translate(_SLUG_CHARACTERS)


class Slugger:
    """Hands out unique slugs in document order, as GitHub numbers repeated headings."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, text: str) -> str:
        base = slug(text)
        candidate = base
        count = self._seen.get(base, 0)
        while candidate in self._seen:
            count += 1
            candidate = f"{base}-{count}"
        self._seen[base] = count
        self._seen.setdefault(candidate, 0)
        return candidate


def normalise_fragment(fragment: str) -> str:
    """How a `#fragment` is compared with anchors: decoded and lower-cased, as browsers find
    GitHub's lower-case ids whatever the case a link was written in."""
    return unquote(fragment).lower()
