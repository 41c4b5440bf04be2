"""`heading-count`: the translation has more or fewer headings of a level than its source.

Dropped or merged sections, and headings turned into bold text, show up here. One finding per
file (a dropped section loses headings of several levels: one cause), with the counts of each
level that differs and `count` the number of headings in excess or lacking. Headings are
paired with their counterparts by their place in the outline (the links, code and tables
around them), so the finding names the first source heading that has no counterpart, at the
nearest place both share before it, or the translation's own heading that the source does not
have.
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
    levels = sorted(level for level in set(theirs) | set(ours) if theirs[level] != ours[level])
    lost: list[Item] = []  # the source's headings without a counterpart, of those levels
    added: list[Item] = []  # the translation's own
    for source_item, translated_item in counterparts(context.outline, HEADING):
        if source_item and translated_item and source_item.key == translated_item.key:
            continue
        if source_item and _level(source_item) in levels:
            lost.append(source_item)
        if translated_item and _level(translated_item) in levels:
            added.append(translated_item)
    numbers = "; ".join(
        f"{count(ours[level], f'level-{level} heading')}, the source has {theirs[level]}"
        for level in levels
    )
    differences = sum(abs(theirs[level] - ours[level]) for level in levels)
    # Equal keys pair one to one, so a level with fewer headings on one side has an unpaired
    # heading of that level on the other: `lost` or `added` is not empty. The first of
    # them in the source's order goes in the finding.
    missing = lost[0] if lost else None
    extra = added[0] if added else None
    if missing is not None and (
        extra is None or (missing.line or 0) <= (context.source_line_of(extra.line) or 0)
    ):
        yield context.finding(
            NAME,
            Severity.WARNING,
            context.missing_at(missing.line),
            f"{numbers}: the first without counterpart is the source's {missing.label!r}"
            f" (line {missing.line})",
            source_line=missing.line,
            count=differences,
        )
    elif extra is not None:
        yield context.finding(
            NAME,
            Severity.WARNING,
            extra.line,
            f"{numbers}: the first without counterpart is the heading here, which the source"
            " does not have",
            source_line=context.source_line_of(extra.line),
            count=differences,
        )


def _level(item: Item) -> int:
    return int(item.key[len(HEADING) :])
