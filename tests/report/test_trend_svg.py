"""The trend chart: valid, accessible, deterministic SVG that escapes what it shows."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from itertools import pairwise

from transync.history.trend import TrendPoint
from transync.model import State
from transync.report.trend_svg import render_trend_svg
from transync.summary import summarise_counts

SVG = "{http://www.w3.org/2000/svg}"


def point(commit: str, day: int, subject: str, **counts: tuple[int, int]) -> TrendPoint:
    """A point where each language has (current, stale) files."""
    languages, totals = summarise_counts(
        {
            code: {State.CURRENT: current, State.STALE: stale}
            for code, (current, stale) in counts.items()
        }
    )
    return TrendPoint(commit * 40, f"2026-01-{day:02d}T12:00:00+00:00", subject, languages, totals)


POINTS = (
    point("a", 1, "fr only", fr=(2, 0)),
    point("b", 2, "<script>alert(1)</script>", fr=(1, 1)),
    point("c", 3, "ja added", fr=(2, 0), ja=(1, 3)),
)


def test_the_chart_is_valid_svg_with_a_title_and_a_description_of_every_figure() -> None:
    svg = ElementTree.fromstring(render_trend_svg(POINTS))
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and title.text == (
        "Fresh translations over the last 3 commits, every language"
    )
    assert desc is not None and desc.text is not None
    assert "fr: 100%, 50%, 100%" in desc.text
    assert "ja: -, -, 25%" in desc.text
    assert svg.get("aria-labelledby") == "trend-all-title trend-all-desc"


def test_every_language_and_the_total_get_a_line_and_a_text_label() -> None:
    svg = ElementTree.fromstring(render_trend_svg(POINTS))
    groups = svg.findall(f"{SVG}g")
    assert [group.get("data-language") for group in groups] == ["fr", "ja", "total"]
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert {"0%", "50%", "100%", "2026-01-01", "2026-01-03", "fr 100%", "ja 25%"} <= set(labels)


def test_a_language_that_did_not_exist_yet_has_no_line_there() -> None:
    svg = ElementTree.fromstring(render_trend_svg(POINTS, "ja"))
    (group,) = svg.findall(f"{SVG}g")
    assert group.findall(f"{SVG}polyline") == []  # one point: a dot, no line
    assert len(group.findall(f"{SVG}circle")) == 1


def test_one_language_chart_has_its_own_ids_and_tooltips_per_commit() -> None:
    svg = ElementTree.fromstring(render_trend_svg(POINTS, "fr"))
    assert svg.get("aria-labelledby") == "trend-fr-title trend-fr-desc"
    tips = [circle.findtext(f"{SVG}title") for circle in svg.iter(f"{SVG}circle")]
    assert tips[1] == "fr 50% at bbbbbbb 2026-01-02: <script>alert(1)</script>"


def test_repository_strings_are_escaped() -> None:
    text = render_trend_svg(POINTS, "fr")
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_the_same_points_give_the_same_bytes() -> None:
    assert render_trend_svg(POINTS) == render_trend_svg(tuple(POINTS))


def test_no_points_is_still_a_valid_chart() -> None:
    svg = ElementTree.fromstring(render_trend_svg(()))
    assert svg.findtext(f"{SVG}desc") == "No commits."


def test_many_languages_label_only_the_total() -> None:
    many = (point("a", 1, "x", **{f"l{index:02d}": (1, index % 2) for index in range(12)}),)
    labels = [
        text.text or ""
        for text in ElementTree.fromstring(render_trend_svg(many)).iter(f"{SVG}text")
    ]
    assert [label for label in labels if label.startswith(("l0", "l1", "total"))] == ["total 66.7%"]


def test_lines_ending_at_the_same_value_get_labels_that_do_not_overlap() -> None:
    tied = (point("a", 1, "x", es=(1, 0), fr=(1, 0), ja=(1, 0)),)
    svg = ElementTree.fromstring(render_trend_svg(tied))
    ends = {
        text.text: float(text.get("y") or 0)
        for text in svg.iter(f"{SVG}text")
        if (text.text or "").endswith("100%") and " " in (text.text or "")
    }
    assert sorted(ends) == ["es 100%", "fr 100%", "ja 100%", "total 100%"]
    heights = sorted(ends.values())
    assert all(lower - upper >= 12 for upper, lower in pairwise(heights))
