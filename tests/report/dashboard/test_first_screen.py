"""What a maintainer sees first: a language page opens with that language's figure and its
work list in `transync todo`'s order, its counts agree, images without metadata are one line;
the index of a 54-language course stays small, and a phone sees what needs work."""

from __future__ import annotations

import re

from tests.builders import COURSE_LANGUAGES
from transync.model import Finding, Kind, Provenance, Report, Severity, State, TranslationEntry
from transync.report.dashboard import build_site
from transync.report.dashboard.view import SiteInfo
from transync.scan import build_report

INFO = SiteInfo(
    "microsoft/course",
    "2026-03-01T00:00:00Z",
    commit="0123456789abcdef0123456789abcdef01234567",
    link_base="https://github.com/microsoft/AZD-for-beginners/blob/main/",
)


def page(source: str, language: str, state: State = State.CURRENT) -> TranslationEntry:
    return TranslationEntry(
        language, state, Kind.MARKDOWN, source, f"translations/{language}/{source}"
    )


def korean_course() -> Report:
    """Korean: one lesson empty (current, but cut off), the README stale, 31 images without
    metadata; French all current."""
    entries = [
        page("README.md", "ko", State.STALE),
        page("lessons/10/README.md", "ko"),
        page("lessons/2/README.md", "ko"),
        *(
            page(path, "fr")
            for path in ("README.md", "lessons/10/README.md", "lessons/2/README.md")
        ),
        *(
            TranslationEntry(
                "ko",
                State.UNTRACKED,
                Kind.IMAGE,
                f"images/{n}.png",
                f"translated_images/{n}.ab12.ko.png",
            )
            for n in range(31)
        ),
    ]
    entries[0] = TranslationEntry(
        "ko", State.STALE, Kind.MARKDOWN, "README.md", "translations/ko/README.md",
        provenance=Provenance("commit", days_behind=40),
    )  # fmt: skip
    findings = [
        Finding("truncated", Severity.ERROR, "translations/ko/lessons/10/README.md", "empty", "ko"),
        *(
            Finding(
                "link-missing",
                Severity.ERROR,
                "translations/ko/README.md",
                f"link {n}",
                "ko",
                count=3,
            )
            for n in range(4)
        ),
    ]
    return build_report("course", (), entries, findings)


def test_a_language_page_opens_with_its_own_figure_and_its_work_list() -> None:
    html = build_site(korean_course(), INFO)["ko.html"].decode()
    header = html[: html.index("</header>")]
    # Pages only (images apart): ko has 2 of its 3 pages current, the repository 5 of 6.
    assert "Fresh in ko</dt><dd><strong>66.7%</strong> of 3 translations" in header
    assert "83.3%" not in header  # the repository's figure is the index's
    work = html[html.index('id="work"') :]
    rows = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', work)
    # Empty or cut off first, then stale: the same order as `transync todo`.
    assert rows[:2] == ["lessons/10/README.md", "README.md"]
    assert html.index('id="work"') < html.index('id="stale"') < html.index('id="findings"')


def test_a_language_page_gives_one_count_of_findings_and_one_line_for_images() -> None:
    html = build_site(korean_course(), INFO)["ko.html"].decode()
    assert "5 content findings" in html  # header: findings, not their 13 occurrences
    assert "Content findings (5)</a>" in html and "Content findings (5)</h2>" in html
    assert "31 images without metadata" in html[: html.index("</header>")]  # as the nav says
    assert "Untracked (31)</a>" in html
    assert "translated_images/0.ab12.ko.png" not in html
    for empty in ('id="missing"', 'id="orphans"', 'id="problems"', "Nothing missing"):
        assert empty not in html


def test_on_a_phone_the_languages_table_keeps_what_needs_work() -> None:
    index = build_site(korean_course(), INFO)["index.html"].decode()
    wide = re.findall(r'<th scope="col"[^>]*class="wide"[^>]*>([^<]+)</th>', index)
    assert wide == ["Progress", "Files", "Current", "Newest translation", "Oldest stale"]
    assert 'class="sortable cards findings"' in index  # findings become cards on a phone
    css = build_site(korean_course(), INFO)["assets/site.css"].decode()
    # A long URL in a finding wraps: it cannot push the Source and Languages columns away.
    assert "table.findings td.message { overflow-wrap: anywhere;" in css
    assert re.search(r"@media \(max-width: 40rem\) \{[^@]*\.wide,", css)


def test_the_index_of_a_54_language_course_of_5600_pages_is_under_a_megabyte() -> None:
    sources = [f"lessons/{n:03d}/README.md" for n in range(1, 105)]
    entries = [
        page(source, language, State.STALE if n % 5 == 0 else State.CURRENT)
        for language in COURSE_LANGUAGES
        for n, source in enumerate(sources)
    ]
    assert len(entries) >= 5_600
    size = len(build_site(build_report("course", (), entries, ()), INFO)["index.html"])
    print(f"index.html of 54 languages x 104 pages: {size:,} bytes")
    assert size < 1_000_000
