"""How the pages order and group what a report holds."""

from __future__ import annotations

from dataclasses import replace

from transync.model import Kind, Provenance, Report, State, TranslationEntry
from transync.report.dashboard import language_page, matrix, view
from transync.report.dashboard.view import SiteInfo
from transync.scan import build_report


def entry(source: str, language: str = "fr", state: State = State.CURRENT) -> TranslationEntry:
    return TranslationEntry(
        language, state, Kind.MARKDOWN, source, f"translations/{language}/{source}"
    )


def report_of(*entries: TranslationEntry) -> Report:
    return build_report(".", (), entries, ())


INFO = SiteInfo("octo/docs", "2026-03-01T00:00:00Z", link_base="")


def test_matrix_blocks_follow_the_top_folder() -> None:
    report = report_of(
        entry("README.md"), entry("Module08/samples/01/a.md"), entry("Module08/samples/02/b.md")
    )
    folders = matrix.matrix(report, INFO)
    blocks = [
        (folder.name, [row.name_in(folder.name) for row in folder.rows]) for folder in folders
    ]
    assert blocks == [
        (".", ["README.md"]),
        ("Module08", ["samples/01/a.md", "samples/02/b.md"]),
    ]


def test_a_folder_with_too_many_sources_is_split_by_its_subfolders() -> None:
    many = [entry(f"lessons/{index:02d}/part.md") for index in range(matrix.FOLDER_ROWS + 1)]
    folders = matrix.matrix(report_of(*many), INFO)
    assert [folder.name for folder in folders][:2] == ["lessons/00", "lessons/01"]
    assert len(folders) == matrix.FOLDER_ROWS + 1


def test_each_language_has_a_column_and_an_absent_pair_an_empty_cell() -> None:
    report = report_of(entry("a.md"), entry("b.md"), entry("a.md", "ja", State.STALE))
    (folder,) = matrix.matrix(report, INFO)
    assert [[cell.state if cell else None for cell in row.cells] for row in folder.rows] == [
        [State.CURRENT, State.STALE],
        [State.CURRENT, None],
    ]


def test_stale_work_is_ordered_furthest_behind_first_unknown_last() -> None:
    def stale(source: str, days: int | None) -> TranslationEntry:
        return replace(
            entry(source, state=State.STALE),
            provenance=Provenance("commit" if days is not None else "unknown", days_behind=days),
        )

    report = report_of(stale("a.md", 3), stale("b.md", None), stale("c.md", 40))
    (row,) = view.language_rows(report)
    (work,) = language_page.work_lists(report, [row], INFO, ())
    assert [item.entry.source for item in work.stale] == ["c.md", "a.md", "b.md"]
    assert row.oldest_stale_days == 40


def test_a_hostile_name_is_quoted_in_the_diff_command() -> None:
    report = report_of(entry("it's $(here).md", state=State.STALE))
    (row,) = view.language_rows(report)
    ((item,),) = [work.stale for work in language_page.work_lists(report, [row], INFO, ())]
    assert item.diff_command == "transync diff 'translations/fr/it'\"'\"'s $(here).md'"
