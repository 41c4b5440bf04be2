"""`heading-count`: the translation has more or fewer headings of a level than its source.

Dropped or merged sections, and headings turned into bold text, show up here. Each level that
differs is one finding, at the first translated heading where the two outlines part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from transync.checks.context import ContentContext
from transync.model import Finding, Severity

NAME = "heading-count"
NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding]:
    source = [heading.level for heading in context.source.headings]
    translated = [heading.level for heading in context.translation.headings]
    theirs, ours = Counter(source), Counter(translated)
    if theirs == ours:
        return
    first_line: dict[int, int | None] = {}
    matcher = SequenceMatcher(None, source, translated, autojunk=False)
    for tag, first, last, start, end in matcher.get_opcodes():
        if tag == "equal":
            continue
        at = min(start, len(translated) - 1)
        line = context.translation.headings[at].line if at >= 0 else None
        for level in {*source[first:last], *translated[start:end]}:
            first_line.setdefault(level, line)
    for level in sorted(set(theirs) | set(ours)):
        if theirs[level] != ours[level]:
            yield Finding(
                NAME,
                Severity.WARNING,
                context.translation_path,
                f"{ours[level]} level-{level} headings, the source has {theirs[level]}"
                " (the outlines first differ around here)",
                context.language,
                first_line.get(level),
            )
