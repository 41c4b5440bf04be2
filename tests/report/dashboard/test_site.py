"""The site `build_site` makes: every file there, parseable, escaped, and true to the report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from html.parser import HTMLParser

import html5lib
import jsonschema
import pytest

from tests.report.dashboard.site_repo import HOSTILE, SUBJECT
from transync.history.trend import TrendPoint
from transync.model import Finding, FindingGroup, LanguageSummary, Report, Severity, State
from transync.report import json_report
from transync.report.dashboard import Repository, Trend, build_organisation, build_site
from transync.report.dashboard.view import SiteInfo

# https://shields.io/badges/endpoint-badge: the keys an endpoint may hold and their types.
SHIELDS_ENDPOINT = {
    "type": "object",
    "required": ["schemaVersion", "label", "message"],
    "properties": {
        "schemaVersion": {"const": 1},
        "label": {"type": "string"},
        "message": {"type": "string", "minLength": 1},
        "color": {"type": "string"},
        "labelColor": {"type": "string"},
        "isError": {"type": "boolean"},
        "namedLogo": {"type": "string"},
        "logoSvg": {"type": "string"},
        "logoColor": {"type": "string"},
        "logoWidth": {"type": "number"},
        "style": {"type": "string"},
    },
    "additionalProperties": False,
}


@pytest.fixture
def site(report: Report, info: SiteInfo) -> dict[str, bytes]:
    return build_site(report, info)


def text(site: dict[str, bytes], name: str) -> str:
    return site[name].decode()


def test_the_site_has_an_index_a_page_and_badges_per_language_and_the_reports(
    site: dict[str, bytes],
) -> None:
    assert set(site) == {
        "index.html",
        "fr.html",
        "ja.html",
        "badges/fr.svg",
        "badges/fr.json",
        "badges/ja.svg",
        "badges/ja.json",
        "badges/all.svg",
        "badges/all.json",
        "report.json",
        "SUMMARY.md",
        "assets/site.css",
        "assets/site.js",
    }


def test_report_json_is_exactly_what_status_writes(site: dict[str, bytes], report: Report) -> None:
    assert text(site, "report.json") == json_report.render(report)


def test_every_page_is_well_formed_html(site: dict[str, bytes]) -> None:
    for name in ("index.html", "fr.html", "ja.html"):
        html5lib.HTMLParser(strict=True).parse(site[name])  # raises on any parse error


class _TableRows(HTMLParser):
    """The text of each cell of the rows of one table's body."""

    def __init__(self, table_id: str) -> None:
        super().__init__()
        self.table_id, self.inside, self.in_body = table_id, False, False
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", self.table_id) in attrs:
            self.inside = True
        elif self.inside and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False
        elif tag == "table":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.in_body and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def table_rows(page: str, table_id: str) -> list[list[str]]:
    parser = _TableRows(table_id)
    parser.feed(page)
    return [[cell.strip() for cell in row] for row in parser.rows]


def test_the_languages_table_counts_what_report_json_counts(site: dict[str, bytes]) -> None:
    report = json.loads(site["report.json"])
    rows = {
        row[0].split()[0]: row for row in table_rows(text(site, "index.html"), "language-table")
    }
    assert set(rows) == {language["code"] for language in report["languages"]}
    for language in report["languages"]:
        counts = language["counts"]
        _, _, fresh, files, current, stale, missing, other, *_ = rows[language["code"]]
        assert fresh == f"{language['fresh_percent']:.1f}%"
        assert [int(files), int(current), int(stale), int(missing)] == [
            language["files"],
            counts["current"],
            counts["stale"],
            counts["missing"],
        ]
        assert (
            int(other)
            == language["files"] - counts["current"] - counts["stale"] - counts["missing"]
        )


def test_the_language_table_names_languages_and_shows_the_newest_translation(
    site: dict[str, bytes],
) -> None:
    rows = table_rows(text(site, "index.html"), "language-table")
    assert rows[0][0] == "fr French"
    assert rows[1][0] == "ja Japanese"
    assert rows[0][9] == "2026-01-02"


def test_names_from_the_repository_are_text_never_markup(site: dict[str, bytes]) -> None:
    for name in ("index.html", "fr.html", "ja.html", "SUMMARY.md"):
        page = text(site, name)
        assert "<img src=x" not in page
        assert "<b>now</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.md" in text(site, "index.html")
    assert "&lt;img src=x onerror=alert(1)&gt;.md" in text(site, "fr.html")
    assert "Rewrite the guide &lt;b&gt;now&lt;/b&gt; &amp; then" in text(site, "index.html")
    assert SUBJECT in text(site, "ja.html").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&"
    )


def test_links_go_to_the_forge_with_the_path_quoted(site: dict[str, bytes]) -> None:
    index = text(site, "index.html")
    assert 'href="https://github.com/octo/docs/blob/main/translations/ja/docs/guide.md"' in index
    assert "https://github.com/octo/docs/blob/main/translations/fr/%3Cimg%20src%3Dx" in index


def test_a_missing_cell_links_to_the_source_to_translate(site: dict[str, bytes]) -> None:
    assert 'href="https://github.com/octo/docs/blob/main/docs/api.md" title="ja: missing"' in (
        text(site, "index.html")
    )


def test_the_causes_name_the_commit_that_made_translations_stale(site: dict[str, bytes]) -> None:
    index = text(site, "index.html")
    assert "changed 2 sources: 2 translations stale, in 2 languages" in index
    assert "stale in 1 of 2 languages (ja)" in index
    # Commits first; what has no commit (here: no committed version has the stored hash) after.
    assert index.index("Rewrite the guide") < index.index("origin unknown")


def test_the_work_list_puts_stale_files_first_with_how_far_behind_and_the_diff_command(
    site: dict[str, bytes],
) -> None:
    page = text(site, "ja.html")
    stale = table_rows(page, "stale-table")
    assert len(stale) == 1
    translation, commits, days, change, missed, command = stale[0]
    assert translation.startswith("translations/ja/docs/guide.md")
    assert (commits, days) == ("1", "57")
    assert change.startswith("prose")
    assert "Rewrite the guide" in missed
    assert command == "transync diff translations/ja/docs/guide.md"
    # The work list first, then the details; a section with nothing in it is left out.
    assert page.index('id="work"') < page.index('id="stale"') < page.index('id="missing"')
    assert 'id="orphans"' not in page
    assert table_rows(page, "missing-table") == [
        [HOSTILE, f"translations/ja/{HOSTILE}"],
        ["docs/api.md", "translations/ja/docs/api.md"],
    ]
    assert table_rows(page, "problem-table")[0][:2] == ["translations/ja/README.md", "F failed"]
    assert "translations/ja/notes.md" in page  # untracked


def test_an_orphan_says_what_happened_to_its_source(site: dict[str, bytes]) -> None:
    rows = table_rows(text(site, "fr.html"), "orphan-table")
    assert [row[:2] for row in rows] == [["translations/fr/old.md", "old.md"]]


def test_each_state_has_a_symbol_as_well_as_a_colour(site: dict[str, bytes]) -> None:
    index = text(site, "index.html")
    assert "<td class=c>✓<td" in index  # current: nothing to do, no link
    assert ' title="ja: stale, 1 commit / 57 days behind">!</a>' in index
    for word in ("current", "stale", "missing", "orphan", "untracked", "failed"):
        assert f"</span> {word}</li>" in index  # the legend


def test_badges_are_svg_with_the_language_and_its_fresh_percent(site: dict[str, bytes]) -> None:
    for name in ("fr", "ja", "all"):
        root = ElementTree.fromstring(site[f"badges/{name}.svg"])
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        endpoint = json.loads(site[f"badges/{name}.json"])
        jsonschema.validate(endpoint, SHIELDS_ENDPOINT)
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None
        assert title.text == f"{endpoint['label']}: {endpoint['message']}"
    assert json.loads(site["badges/fr.json"]) == {
        "schemaVersion": 1,
        "label": "fr",
        "message": "50%",
        "color": "orange",
    }


def test_badge_colours_follow_the_thresholds(report: Report, info: SiteInfo) -> None:
    from transync.report.dashboard.badges import Thresholds

    site = build_site(report, replace(info, thresholds=Thresholds(50, 40, 30)))
    assert json.loads(site["badges/fr.json"])["color"] == "brightgreen"


def test_summary_md_has_the_languages_and_the_causes(site: dict[str, bytes]) -> None:
    summary = text(site, "SUMMARY.md")
    assert "| `fr` French | 50% | 2 | 2 | 0 | 1 | 2026-01-02 | 57 days |" in summary
    assert "changed 2 sources: 2 translations stale, in 2 languages" in summary


def test_the_same_report_gives_the_same_bytes(report: Report, info: SiteInfo) -> None:
    assert build_site(report, info) == build_site(report, info)


def test_without_a_forge_links_are_relative_to_the_site_folder(
    report: Report, info: SiteInfo
) -> None:
    site = build_site(report, replace(info, link_base="../"))
    assert 'href="../translations/ja/docs/guide.md"' in text(site, "index.html")


def test_roll_ups_are_shown_once_on_the_index_and_per_language_on_its_page(
    report: Report, info: SiteInfo
) -> None:
    instances = tuple(
        Finding(
            "table-rows",
            Severity.ERROR,
            f"translations/{language}/docs/guide.md",
            "table has 3 rows, the source's has 4",
            language,
            line,
            source="docs/guide.md",
            source_line=9,
        )
        for language, line in (("fr", 11), ("ja", 12))
    )
    group = FindingGroup(
        "table-rows", Severity.ERROR, "table has 3 rows, the source's has 4",
        "docs/guide.md", 9, ("fr", "ja"), 2, 2, instances,
    )  # fmt: skip
    site = build_site(replace(report, findings=instances, finding_groups=(group,)), info)
    groups = table_rows(text(site, "index.html"), "group-table")
    assert groups == [
        ["table-rows", "error", "docs/guide.md:9", "table has 3 rows, the source's has 4",
         "2 of 2 fr ja", "2"],
    ]  # fmt: skip
    assert 'href="https://github.com/octo/docs/blob/main/translations/ja/docs/guide.md#L12"' in (
        text(site, "ja.html")
    )
    findings = table_rows(text(site, "ja.html"), "finding-table")
    assert findings == [
        ["translations/ja/docs/guide.md", "12", "table-rows", "error",
         "table has 3 rows, the source's has 4"],
    ]  # fmt: skip


def test_a_trend_is_drawn_on_the_index_and_the_language_pages_when_given(
    report: Report, info: SiteInfo
) -> None:
    def point(commit: str, fresh: float) -> TrendPoint:
        french = LanguageSummary("fr", {State.CURRENT: 1}, fresh)
        return TrendPoint(commit, "2026-01-02T00:00:00+00:00", "Update", (french,), french)

    trend = Trend("octo/docs", (point("a" * 40, 50.0), point("b" * 40, 100.0)))
    site = build_site(report, info, trend=trend)
    assert "<svg" in text(site, "index.html") and "<svg" in text(site, "fr.html")
    assert "<svg" not in text(site, "ja.html")  # no points for ja: no empty chart
    history = json.loads(site["history.json"])
    assert [p["commit"] for p in history["points"]] == ["a" * 40, "b" * 40]
    html5lib.HTMLParser(strict=True).parse(site["fr.html"])
    assert "<figure" not in text(build_site(report, info), "index.html")
    assert "history.json" not in build_site(report, info)


def test_an_organisation_site_links_each_repository_and_language(
    report: Report, info: SiteInfo
) -> None:
    french = tuple(entry for entry in report.entries if entry.language == "fr")
    other = replace(report, languages=report.languages[:1], entries=french)
    course = replace(info, repository="octo/course")
    site = build_organisation(
        [Repository("docs", report, info), Repository("course", other, course)]
    )
    rows = table_rows(text(site, "index.html"), "organisation-table")
    overall = f"{report.totals.fresh_percent:.1f}%"
    assert rows == [
        ["octo/docs", overall, "50.0%", "0.0%"],
        ["octo/course", overall, "50.0%", "\N{EN DASH}"],
    ]
    html5lib.HTMLParser(strict=True).parse(site["index.html"])
    assert {"docs/index.html", "docs/ja.html", "course/fr.html", "assets/site.css"} <= set(site)
    assert "course/ja.html" not in site
    # A language spelled two ways (co-op-translator's old `tw`, the new `zh-TW`) is one column.
    tw = replace(report.languages[1], code="tw")
    zh_tw = replace(report.languages[1], code="zh-TW")
    spelled = [
        Repository("old", replace(report, languages=(tw,), entries=()), info),
        Repository("new", replace(report, languages=(zh_tw,), entries=()), info),
    ]
    assert table_rows(text(build_organisation(spelled), "index.html"), "organisation-table") == [
        ["octo/docs", overall, "0.0%"],
        ["octo/docs", overall, "0.0%"],
    ]
    assert 'href="docs/ja.html"' in text(site, "index.html")
    assert 'href="../assets/site.css"' in text(site, "docs/fr.html")
    assert 'href="../index.html"' in text(site, "docs/index.html")


@pytest.mark.parametrize("code", ["index", "all", "report"])
def test_a_language_named_like_a_site_file_gets_its_own_page(
    report: Report, info: SiteInfo, code: str
) -> None:
    renamed = replace(report.languages[0], code=code)
    site = build_site(replace(report, languages=(renamed, *report.languages[1:]), entries=()), info)
    assert f"lang-{code}.html" in site
    assert f"badges/lang-{code}.svg" in site
    assert json.loads(site["badges/all.json"])["label"] == "translations"
