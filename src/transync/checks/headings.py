"""`heading-count`: the translation has more or fewer headings of a level than its source.

Dropped or merged sections, and headings turned into bold text, show up here. Each level that
differs is one finding, at the first translated heading where the two outlines part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from transync.checks.context import ContentContext
from transync.checks.outline import HEADING, align
from transync.checks.wording import count
from transync.model import Finding, Severity

NAME = "heading-count"
NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding]:
    theirs = Counter(heading.level for heading in context.source.headings)
    ours = Counter(heading.level for heading in context.translation.headings)
    if theirs == ours:
        return
    alignment = align(context)
    first: dict[int, tuple[int | None, str]] = {}
    for tag, begin, stop, start, end in alignment.opcodes:
        if tag == "equal":
            continue
        line = alignment.translated_line(start)
        for item in alignment.source[begin:stop]:
            if item.key.startswith(HEADING):
                where = f", near the source's {item.label!r} (line {item.line})"
                first.setdefault(int(item.key[len(HEADING) :]), (line, where))
        for item in alignment.translated[start:end]:
            if item.key.startswith(HEADING):
                first.setdefault(int(item.key[len(HEADING) :]), (item.line, ""))
    for level in sorted(set(theirs) | set(ours)):
        if theirs[level] != ours[level]:
            yield Finding(
                NAME,
                Severity.WARNING,
                context.translation_path,
                f"{count(ours[level], f'level-{level} heading')}, the source has {theirs[level]}"
                f" (the first difference is here{first.get(level, (None, ''))[1]})",
                context.language,
                first.get(level, (None, ""))[0],
            )
