"""`table-rows` / `table-columns`: a translated table lost or gained rows or columns.

Machine translators drop table rows even in translations whose hash is current. Tables are
paired in order; when the number of tables differs they are aligned by column count first, and
the unpaired ones are reported as a missing or extra table.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.align import opcodes
from transync.checks.context import ContentContext
from transync.checks.wording import count
from transync.document import Table
from transync.model import Finding, Severity

ROWS = "table-rows"
COLUMNS = "table-columns"
NAMES = (ROWS, COLUMNS)


def check(context: ContentContext) -> Iterator[Finding]:
    source, translated = context.source.tables, context.translation.tables

    def finding(check: str, line: int | None, message: str) -> Finding:
        return Finding(
            check, Severity.ERROR, context.translation_path, message, context.language, line
        )

    previous: int | None = None  # a missing table is reported after the table before it
    for ours, theirs in _pairs(source, translated):
        if ours is None:
            if theirs is not None:
                yield finding(
                    ROWS,
                    previous,
                    f"the source's table at line {theirs.line} ({count(theirs.rows, 'row')})"
                    " is missing from the translation",
                )
            continue
        previous = ours.line
        if theirs is None:
            yield finding(
                ROWS, ours.line, f"table ({count(ours.rows, 'row')}) is not in the source"
            )
        else:
            if ours.rows != theirs.rows:
                yield finding(
                    ROWS,
                    ours.line,
                    f"table has {count(ours.rows, 'row')}, the source's (line {theirs.line})"
                    f" has {theirs.rows}",
                )
            if ours.columns != theirs.columns:
                yield finding(
                    COLUMNS,
                    ours.line,
                    f"table has {count(ours.columns, 'column')}, the source's (line {theirs.line})"
                    f" has {theirs.columns}",
                )


def _pairs(
    source: tuple[Table, ...], translated: tuple[Table, ...]
) -> Iterator[tuple[Table | None, Table | None]]:
    """(translated, source) pairs; None on the side that has no counterpart."""
    if len(source) == len(translated):
        yield from zip(translated, source, strict=True)
        return
    for _, first, last, start, end in opcodes(
        [table.columns for table in source], [table.columns for table in translated]
    ):
        theirs, ours = source[first:last], translated[start:end]
        common = min(len(theirs), len(ours))
        yield from zip(ours[:common], theirs[:common], strict=True)
        yield from ((None, table) for table in theirs[common:])
        yield from ((table, None) for table in ours[common:])
