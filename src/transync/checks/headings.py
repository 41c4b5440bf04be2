"""`heading-count`: the translation has more or fewer headings of a level than its source.

Dropped or merged sections, and headings turned into bold text, show up here. Each level that
differs is one finding. Headings are paired with their counterparts by their place in the
outline (the links, code and tables around them), so the finding names the source heading
that has no counterpart, at the place in the translation where it would be, or the
translation's own heading that the source does not have.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from transync.checks.context import ContentContext
from transync.checks.outline import HEADING, Item, counterparts
from transync.checks.wording import count
from transync.model import Finding, Severity

NAME = "heading-count"
NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding]:
    theirs = Counter(heading.level for heading in context.source.headings)
    ours = Counter(heading.level for heading in context.translation.headings)
    if theirs == ours:
        return
    lost: dict[int, Item] = {}  # level -> the first source heading without a counterpart
    added: dict[int, Item] = {}  # level -> the first translated heading without one
    for source_item, translated_item in counterparts(context.outline, HEADING):
        if source_item and translated_item and source_item.key == translated_item.key:
            continue
        if source_item:
            lost.setdefault(_level(source_item), source_item)
        if translated_item:
            added.setdefault(_level(translated_item), translated_item)
    for level in sorted(set(theirs) | set(ours)):
        if theirs[level] == ours[level]:
            continue
        numbers = f"{count(ours[level], f'level-{level} heading')}, the source has {theirs[level]}"
        # Equal keys pair one to one, so a level with fewer headings on one side has an
        # unpaired heading of that level on the other.
        if ours[level] < theirs[level]:
            missing = lost[level]
            yield context.finding(
                NAME,
                Severity.WARNING,
                context.translated_line_of(missing.line),
                f"{numbers}: the source's {missing.label!r} (line {missing.line}) has no"
                " counterpart here",
                source_line=missing.line,
            )
        else:
            extra = added[level]
            yield context.finding(
                NAME,
                Severity.WARNING,
                extra.line,
                f"{numbers}: the heading here has no counterpart in the source",
                source_line=context.source_line_of(extra.line),
            )


def _level(item: Item) -> int:
    return int(item.key[len(HEADING) :])
