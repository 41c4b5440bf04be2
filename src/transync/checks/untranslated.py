"""`untranslated`: long passages of a non-English translation are still the English source.

A translator that gave up on a chunk (or a file copied to seed a language) leaves paragraphs
byte-identical to the source. Short ones are often legitimately kept (names, commands, quotes),
so only paragraphs of real prose count, and a file gets one finding that sums them up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transync.checks.context import ContentContext
from transync.model import Finding, Severity

NAME = "untranslated"
NAMES = (NAME,)

_MIN_CHARS = 160
_MIN_WORDS = 20
_SPACE = re.compile(r"\s+")


def check(context: ContentContext) -> Iterator[Finding]:
    if context.language.lower().split("-")[0] == "en":
        return
    source = {_normal(paragraph.text) for paragraph in context.source.paragraphs}
    same = [
        paragraph
        for paragraph in context.translation.paragraphs
        if len(paragraph.text) >= _MIN_CHARS
        and paragraph.words >= _MIN_WORDS
        and _normal(paragraph.text) in source
    ]
    if same:
        chars = sum(len(paragraph.text) for paragraph in same)
        count = "1 paragraph is" if len(same) == 1 else f"{len(same)} paragraphs are"
        yield Finding(
            NAME,
            Severity.WARNING,
            context.translation_path,
            f"{count} identical to the source ({chars} characters), the first here",
            context.language,
            same[0].line,
        )


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
