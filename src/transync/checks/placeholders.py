"""`leftover-placeholder`: co-op-translator placeholders left in the text.

co-op-translator swaps link targets, code blocks, inline code and line markers for
placeholders (`@@LINK_DESTINATION_3@@`, `@@CODE_BLOCK_1@@`, `@@INLINE_CODE_2@@`,
`@@LINE_0042@@`, `@@COOP_CHUNK_START:...@@`) before translating and puts the originals back
afterwards; when that fails the reader sees the placeholder instead of a link or code. One
cause, so one finding per file with their number, at the first. Found by the line scan
(`document.lines`), code included.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.checks.engine.context import ContentContext
from transync.checks.engine.precedence import Claim
from transync.checks.names import LEFTOVER_PLACEHOLDER as NAME
from transync.model import Finding, Severity
from transync.text import plural

NAMES = (NAME,)


def check(context: ContentContext) -> Iterator[Finding | Claim]:
    theirs = context.source.signs.placeholders
    ours = context.translation.signs.placeholders
    if theirs:
        line, placeholder = theirs[0]
        yield context.source_fault(
            NAME,
            line,
            f"{plural(len(theirs), 'co-op-translator placeholder')} in the source"
            f" (the first: {placeholder}): the source's own text is broken",
            severity=Severity.ERROR,
        )
    own = set(context.own_lines([line for line, _ in theirs], [line for line, _ in ours]))
    left = [(line, placeholder) for line, placeholder in ours if line in own]
    if left:
        line, placeholder = left[0]
        yield context.finding(
            NAME,
            Severity.ERROR,
            line,
            f"{plural(len(left), 'co-op-translator placeholder')} left in the text instead of"
            f" what it stands for (the first: {placeholder})",
            source_line=context.source_line_of(line),
            count=len(left),
        )
        # A placeholder where a link target was is also a changed and a broken link: one defect.
        yield Claim(NAME, lines=frozenset(line for line, _ in left))
