"""`front-matter`: the source's YAML front matter is absent, unclosed or lacks keys in the
translation. Site generators read it (titles, slugs, sidebar order), so a translated page
without it is misplaced or unlisted."""

from __future__ import annotations

from collections.abc import Iterator

from transync.checks.engine.context import ContentContext
from transync.checks.names import FRONT_MATTER as NAME
from transync.model import Finding, Severity

NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding]:
    theirs, ours = context.source.front_matter, context.translation.front_matter
    if theirs is None or not theirs.closed:
        return

    def finding(line: int | None, message: str) -> Finding:
        return context.finding(NAME, Severity.WARNING, line, message, source_line=theirs.line)

    if ours is None:
        # Where it belongs: the top of the file.
        yield finding(1, f"the source's front matter (line {theirs.line}) is missing")
    elif not ours.closed:
        yield finding(ours.line, "front matter is not closed (no '---' after it)")
    else:
        lost = [key for key in theirs.keys if key not in ours.keys]
        if lost:
            yield finding(ours.line, f"front matter lacks the source's keys: {', '.join(lost)}")
