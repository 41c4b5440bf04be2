"""`table-rows` / `table-columns`: a translated table lost or gained rows or columns.

Machine translators drop table rows even in translations whose hash is current. Tables are
paired with their counterparts by their place in the outline (the headings, links and code
around them), so a dropped table is reported where it was dropped, not at the next table that
happens to differ; unpaired ones are a missing or an extra table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from transync.checks.engine.align import opcodes
from transync.checks.engine.context import ContentContext
from transync.checks.engine.outline import counterparts
from transync.checks.engine.precedence import Claim
from transync.checks.names import TABLE_COLUMNS as COLUMNS
from transync.checks.names import TABLE_ROWS as ROWS
from transync.checks.names import TABLES
from transync.document.model import Table
from transync.model import Finding, Severity
from transync.text import plural

NAMES = TABLES


def check(context: ContentContext) -> Iterator[Finding | Claim]:
    if not context.source.tables and not context.translation.tables:
        return
    theirs_at = _by_line(context.source.tables)
    ours_at = _by_line(context.translation.tables)
    for source_item, translated_item in counterparts(context.outline, "table:"):
        theirs = theirs_at.get(source_item.line) if source_item else None
        ours = ours_at.get(translated_item.line) if translated_item else None
        theirs_blank = _blank_rows(theirs, context.source.signs.blank_rows)
        ours_blank = _blank_rows(ours, context.translation.signs.blank_rows)
        if theirs_blank and len(theirs_blank) != len(ours_blank):
            yield context.source_fault(
                ROWS,
                theirs_blank[0],
                f"{plural(len(theirs_blank), 'all-blank row')} in the source's table (the first"
                " here): it shows as an empty row, and translations drop it or keep it as they"
                " please, so blank rows are not compared",
            )
        theirs = _without(theirs, theirs_blank)
        ours = _without(ours, ours_blank)
        if ours is None and theirs is not None:
            yield context.finding(
                ROWS,
                Severity.ERROR,
                context.missing_at(theirs.line),
                f"the source's table at line {theirs.line} ({plural(theirs.rows, 'row')})"
                " is missing from the translation",
                source_line=theirs.line,
            )
            yield Claim(ROWS, source_lines=_lines(theirs))  # its links are lost with it
        elif ours is not None and theirs is None:
            yield context.finding(
                ROWS,
                Severity.ERROR,
                ours.line,
                f"table ({plural(ours.rows, 'row')}) is not in the source",
                source_line=context.source_line_of(ours.line),
            )
            yield Claim(ROWS, lines=_lines(ours))
        elif ours is not None and theirs is not None:
            if ours.rows != theirs.rows:
                yield from _rows_differ(context, theirs, ours, theirs_blank, ours_blank)
            if ours.columns != theirs.columns:
                yield context.finding(
                    COLUMNS,
                    Severity.ERROR,
                    ours.line,
                    f"table has {plural(ours.columns, 'column')}, the source's (line {theirs.line})"
                    f" has {theirs.columns}",
                    source_line=theirs.line,
                )


def _rows_differ(
    context: ContentContext,
    theirs: Table,
    ours: Table,
    theirs_blank: list[int],
    ours_blank: list[int],
) -> Iterator[Finding | Claim]:
    """Rows lost or added, named at the first: rows pair by what translators keep of them
    (numbers, code, link targets); the first source row without a counterpart is missing
    after the last row paired before it. Rows that keep nothing pair in order."""
    numbers = (
        f"table has {plural(ours.rows, 'row')}, the source's (line {theirs.line}) has {theirs.rows}"
    )
    source_rows = _rows(theirs, context.source.signs.table_rows, theirs_blank)
    translated_rows = _rows(ours, context.translation.signs.table_rows, ours_blank)
    found = opcodes([key for _, key in source_rows], [key for _, key in translated_rows])
    change = next((op for op in found if op[0] != "equal"), None)
    if change is None or len(source_rows) != theirs.rows or len(translated_rows) != ours.rows:
        yield context.finding(ROWS, Severity.ERROR, ours.line, numbers, source_line=theirs.line)
        return
    _, first, last, start, end = change
    if last - first > end - start:
        lost = source_rows[first + (end - start)][0]
        # The last translated row before it; the delimiter row when there is none.
        after = translated_rows[end - 1][0] if end > 0 else (ours.line or 0) + 1
        yield context.finding(
            ROWS,
            Severity.ERROR,
            after + 1,
            f"{numbers}: the source's row at line {lost} is missing here",
            source_line=lost,
        )
        yield Claim(ROWS, source_lines=frozenset({lost}))  # the row's links went with it
        return
    extra = translated_rows[start + (last - first)][0]
    yield context.finding(
        ROWS,
        Severity.ERROR,
        extra,
        f"{numbers}: the row here is not in the source",
        source_line=context.source_line_of(extra),
    )
    yield Claim(ROWS, lines=frozenset({extra}))


def _lines(table: Table) -> frozenset[int]:
    """The lines of a table: header, delimiter, body rows."""
    return frozenset(range(table.line, table.line + table.rows + 2)) if table.line else frozenset()


def _rows(
    table: Table, rows: tuple[tuple[int, str], ...], blank: list[int]
) -> list[tuple[int, str]]:
    """(line, signature) of a table's body rows with content."""
    if table.line is None:
        return []
    first, last = table.line + 2, table.line + 1 + table.rows + len(blank)
    return [(line, key) for line, key in rows if first <= line <= last]


def _blank_rows(table: Table | None, blank: tuple[int, ...]) -> list[int]:
    """The lines of a table's all-blank body rows (a row a line: header, delimiter, body)."""
    if table is None or table.line is None or not blank:
        return []
    first, last = table.line + 2, table.line + 1 + table.rows
    return [line for line in blank if first <= line <= last]


def _without(table: Table | None, blank: list[int]) -> Table | None:
    """The table as compared: its rows with content."""
    return replace(table, rows=table.rows - len(blank)) if table is not None and blank else table


def _by_line(tables: tuple[Table, ...]) -> dict[int | None, Table]:
    return {table.line: table for table in tables}
