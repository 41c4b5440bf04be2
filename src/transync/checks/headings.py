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

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from transync.checks.engine.context import ContentContext
from transync.checks.engine.outline import HEADING, Item, pair_in_order, placed_by_others
from transync.checks.names import HEADING_COUNT as NAME
from transync.model import Finding, Severity
from transync.text import plural

_NUMBERS = re.compile(r"\d+")
# What pairing two headings of different numbers costs, in lines.
_OTHER_NUMBERS = 50
NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding]:
    theirs = Counter(heading.level for heading in context.source.headings)
    ours = Counter(heading.level for heading in context.translation.headings)
    if theirs == ours:
        return
    levels = sorted(level for level in set(theirs) | set(ours) if theirs[level] != ours[level])
    lost: list[Item] = []  # the source's headings without a counterpart, of those levels
    added: list[Item] = []  # the translation's own
    alignment = context.outline
    # Where a translated heading lies against the places around the source's heading that
    # both share (links, code, tables; not headings, whose own pairing is in question): as
    # many lines after the one before, or before the one after, as in the source (what was
    # dropped or added in between leaves the others at their distance from one of them). A
    # heading whose numbers (dates, versions, section numbers, which translators keep) differ
    # is not its counterpart.
    # (Without any such place, the headings' own pairs are all there is to go by.)
    shared = placed_by_others(alignment, HEADING).paired or alignment.paired
    sources = [pair[0] for pair in shared]
    # Per heading, computed once (the pairing asks about every pair): the offsets (translated
    # line - source line) at the shared places around it, and its numbers.
    offsets: dict[int, list[int]] = {}
    digits: dict[int, list[str]] = {}
    for item in (*alignment.source, *alignment.translated):
        if item.key.startswith(HEADING):
            digits[id(item)] = _NUMBERS.findall(item.label)
    for item in alignment.source:
        if item.key.startswith(HEADING):
            after = bisect_right(sources, item.line or 0)
            offsets[id(item)] = [
                shared[index][1] - shared[index][0]
                for index in (after - 1, after)
                if 0 <= index < len(shared)
            ] or [0]

    def distance(source: Item, translated: Item) -> int:
        shift = (translated.line or 0) - (source.line or 0)
        gap = min(abs(shift - offset) for offset in offsets[id(source)])
        return gap + (_OTHER_NUMBERS if digits[id(source)] != digits[id(translated)] else 0)

    for level in levels:
        key = f"{HEADING}{level}"
        in_source = [item for item in alignment.source if item.key == key]
        in_translation = [item for item in alignment.translated if item.key == key]
        paired = pair_in_order(in_source, in_translation, distance)
        used = {id(item) for pair in paired for item in pair}
        lost += [item for item in in_source if id(item) not in used]
        added += [item for item in in_translation if id(item) not in used]
    lost.sort(key=lambda item: item.line or 0)
    added.sort(key=lambda item: item.line or 0)
    numbers = "; ".join(
        f"{plural(ours[level], f'level-{level} heading')}, the source has {theirs[level]}"
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
