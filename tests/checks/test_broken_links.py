from __future__ import annotations

from tests.builders import RepoBuilder
from tests.checks.conftest import Compare
from transync.model import Severity


def test_a_relative_target_that_does_not_exist_is_an_error(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("code/app.py", "x\n")
    [finding] = compare("[app](code/app.py)\n", "[앱](code/app.py)\n", check="broken-")
    assert finding.check == "broken-link"
    assert finding.severity is Severity.ERROR
    assert (finding.path, finding.line, finding.language) == ("translations/ko/README.md", 1, "ko")
    assert "translations/ko/code/app.py" in finding.message
    assert "although the source's link works" in finding.message


def test_a_link_broken_in_the_source_too_is_one_warning_on_the_source(
    repo: RepoBuilder, compare: Compare
) -> None:
    first = compare("\n[gone](gone.md)\n", "[없음](gone.md)\n", check="broken-")
    second = compare("\n[gone](gone.md)\n", "[dingo](gone.md)\n", check="broken-", language="lt")
    assert first == second
    [finding] = first
    assert (finding.path, finding.line, finding.language) == ("README.md", 2, None)
    assert finding.severity is Severity.WARNING
    assert "the source's own link is broken" in finding.message


def test_encoded_paths_queries_and_fragments_resolve_to_the_file(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("my file.txt", "x")
    link = "[f](../../my%20file.txt?plain=1#L2)\n"
    assert compare("[f](my%20file.txt?plain=1#L2)\n", link, check="broken-") == []


def test_site_routes_are_not_checked(repo: RepoBuilder, compare: Compare) -> None:
    repo.write("translations/ko/cli.md", "# CLI\n")
    source = "[cli](cli/) [home](/project/)\n"
    assert compare(source, source, check="broken-") == []


def test_a_translated_anchor_matching_a_translated_heading_is_fine(compare: Compare) -> None:
    source = "[go](#getting-started)\n\n## Getting started\n"
    translated = "[가기](#시작하기)\n\n## 시작하기\n"
    assert compare(source, translated, check="broken-") == []


def test_an_english_anchor_left_after_the_heading_was_translated_is_reported(
    compare: Compare,
) -> None:
    source = "[go](#getting-started)\n\n## Getting started\n"
    translated = "[가기](#getting-started)\n\n## 시작하기\n"
    [finding] = compare(source, translated, check="broken-")
    assert finding.check == "broken-anchor"
    assert finding.severity is Severity.WARNING
    assert finding.line == 1
    assert "the heading it named was translated" in finding.message


def test_anchors_in_other_files_use_that_files_headings(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.source("guide.md", "## Setup\n")
    repo.write("translations/lt/guide.md", "## Įdiegimas ir paruošimas\n")
    good = compare(
        "[s](guide.md#setup)\n", "[s](guide.md#įdiegimas-ir-paruošimas)\n", language="lt"
    )
    assert good == []
    [bad] = compare("[s](guide.md#setup)\n", "[s](guide.md#nera)\n", language="lt")
    assert bad.check == "broken-anchor"
    assert "translations/lt/guide.md" in bad.message


def test_custom_ids_and_html_anchors_count(compare: Compare) -> None:
    translated = (
        '[a](#custom) [b](#named) [c](#by-id)\n\n## 見出し {#custom}\n\n<a name="named"></a>\n\n'
        '<div id="by-id"></div>\n'
    )
    assert compare("[a](#x)\n", translated, check="broken-") == []


def test_an_anchor_broken_in_the_source_too_is_the_sources_problem(compare: Compare) -> None:
    [finding] = compare("[a](#nowhere)\n\n# Title\n", "[a](#nowhere)\n\n# 제목\n", check="broken-")
    assert (finding.path, finding.language) == ("README.md", None)


def test_links_into_a_language_folder_that_is_absent_are_not_checked(
    repo: RepoBuilder, compare: Compare
) -> None:
    table = "[Français](./translations/fr/README.md) [Korean](./translations/ko/README.md)\n"
    translated = "[Français](../fr/README.md) [한국어](./README.md)\n"
    assert compare(table, translated, check="broken-") == []


def test_a_rewrite_that_climbs_out_of_the_repository_is_broken(
    repo: RepoBuilder, compare: Compare
) -> None:
    repo.write("code/app.py", "x\n")
    found = compare("[app](code/app.py)\n", "[앱](../../../code/app.py)\n", check="broken-")
    assert [finding.message for finding in found] == [
        "../../../code/app.py leads out of the repository (the source's links stay inside)"
    ]


def test_a_link_out_of_the_repository_that_the_source_has_too_is_fine(compare: Compare) -> None:
    assert compare("[s](../sibling/x.md)\n", "[s](../../../sibling/x.md)\n", check="broken-") == []
