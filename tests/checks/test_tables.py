from __future__ import annotations

from tests.checks.conftest import Compare
from transync.model import Severity

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"


def test_a_dropped_row_is_an_error_with_both_counts_and_lines(compare: Compare) -> None:
    translated = "# 제목\n\n| 가 | 나 |\n|---|---|\n| 1 | 2 |\n"
    [finding] = compare("# Title\n\n" + TABLE, translated, check="table-")
    assert finding.check == "table-rows"
    assert finding.severity is Severity.ERROR
    assert finding.line == 6  # after the row both have, where '| 3 | 4 |' was
    assert finding.message == (
        "table has 1 row, the source's (line 3) has 2: the source's row at line 6 is missing here"
    )


def test_a_lost_column_is_reported(compare: Compare) -> None:
    translated = "| 가 |\n|---|\n| 1 |\n| 3 |\n"
    [finding] = compare(TABLE, translated, check="table-")
    assert finding.check == "table-columns"
    assert "1 column," in finding.message


def test_a_missing_table_is_reported_after_the_table_before_it(compare: Compare) -> None:
    two = TABLE + "\ntext\n\n| x | y | z |\n|---|---|---|\n| 1 | 2 | 3 |\n"
    [finding] = compare(two + "\n" + TABLE, TABLE + "\n" + TABLE, check="table-")
    assert "is missing from the translation" in finding.message
    assert "line 8" in finding.message
    assert finding.line == 5  # after the table before it, before the next one


def test_an_extra_table_is_reported(compare: Compare) -> None:
    [finding] = compare(TABLE, TABLE + "\n| x |\n|---|\n| 1 |\n", check="table-")
    assert finding.message == "table (1 row) is not in the source"
    assert finding.line == 6


def test_identical_tables_with_translated_cells_are_fine(compare: Compare) -> None:
    assert (
        compare(TABLE, "| 가 | 나 |\n|:--|--:|\n| 일 | 이 |\n| 삼 | 사 |\n", check="table-") == []
    )


def test_a_dropped_middle_row_is_reported_where_it_is_missing(compare: Compare) -> None:
    table = "| n | name |\n|---|---|\n| 1 | one |\n| 2 | two |\n| 3 | three |\n| 4 | four |\n"
    translated = table.replace("| 2 | two |\n", "").replace("one", "하나")
    [finding] = compare("# T\n\n" + table, "# 가\n\n" + translated, check="table-")
    assert (finding.line, finding.source_line) == (6, 6)
    assert "the source's row at line 6 is missing here" in finding.message
