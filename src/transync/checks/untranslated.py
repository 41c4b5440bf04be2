"""`untranslated`: long passages of a non-English translation are still the English source.

A translator that gave up on a chunk (or a file copied to seed a language) leaves paragraphs
byte-identical to the source. Short ones are often legitimately kept (names, commands, quotes),
so only paragraphs of real prose count, and a file gets one finding that sums them up.

What counts as prose is decided by `_is_prose`: at least 160 characters and 20 words once bare
URLs are taken out (a reference-list item, a label and its URL, is not prose), and at least
half of the words in lower case (a list of product names or technical terms is mostly
capitalised). Languages written largely in English (`ENGLISH_BASED`: Nigerian Pidgin) keep
English sentences legitimately: for them a file is reported only when at least half of the
source's prose paragraphs are left as they were (a file left untranslated).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transync.checks.engine.context import ContentContext
from transync.checks.engine.per_source import per_source
from transync.checks.names import UNTRANSLATED as NAME
from transync.document.model import Document
from transync.languages import ENGLISH_BASED
from transync.model import Finding, Severity

NAMES = (NAME,)

_MIN_CHARS = 160
_MIN_WORDS = 20
_MIN_LOWER_SHARE = 0.5
_ENGLISH_BASED_SHARE = 0.5
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")


def check(context: ContentContext) -> Iterator[Finding]:
    language = context.language.lower().split("-")[0]
    if language == "en":
        return
    source, as_written = _source_paragraphs(context.source, context.source_path)
    same = [
        paragraph
        for paragraph in context.translation.paragraphs
        # Shorter is no prose (`_is_prose`), and most paragraphs are: not even normalised.
        if len(paragraph.text) >= _MIN_CHARS
        and (paragraph.text in as_written or _normal(paragraph.text) in source)
        and _is_prose(paragraph.text)
    ]
    if not same:
        return
    if language in ENGLISH_BASED:
        prose = sum(1 for text in source if _is_prose(text))
        if len(same) < prose * _ENGLISH_BASED_SHARE:
            return
    chars = sum(len(paragraph.text) for paragraph in same)
    count = "1 paragraph is" if len(same) == 1 else f"{len(same)} paragraphs are"
    yield context.finding(
        NAME,
        Severity.WARNING,
        same[0].line,
        f"{count} identical to the source ({chars} characters), the first here",
        source_line=source[_normal(same[0].text)],
        count=len(same),
    )


@lru_cache(maxsize=4096)  # a paragraph left in English is asked about in every language
def _is_prose(text: str) -> bool:
    """Long, and mostly the small words of sentences rather than names (see the module)."""
    text = _URL.sub("", text)
    words = _WORD.findall(text)
    if len(text.strip()) < _MIN_CHARS or len(words) < _MIN_WORDS:
        return False
    return sum(1 for word in words if word.islower()) >= len(words) * _MIN_LOWER_SHARE


@per_source
def _source_paragraphs(
    document: Document, _path: str
) -> tuple[dict[str, int | None], frozenset[str]]:
    """A source's normalised paragraphs and their lines, computed once for all its languages;
    and their texts as written (a paragraph left as it was needs no normalising)."""
    paragraphs: dict[str, int | None] = {}
    for paragraph in document.paragraphs:
        paragraphs.setdefault(_normal(paragraph.text), paragraph.line)
    return paragraphs, frozenset(paragraph.text for paragraph in document.paragraphs)


def _normal(text: str) -> str:
    # The same as collapsing r"\s+" and stripping (both use str.isspace), without a regex.
    return " ".join(text.split())
