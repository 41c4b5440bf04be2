"""The trend as an inline SVG chart: fresh % per commit, for one language or for all.

Pure and deterministic (the same points give the same bytes), self-contained (no script, no
font, no external reference) and accessible: a <title> and a <desc> that states every
figure, text labels on the axes and at the end of each line, and a tooltip per point. Commits
are spaced evenly, not by date: a burst of commits on one day stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from transync.history.trend import TrendPoint
from transync.summary import TOTAL

WIDTH, HEIGHT = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 96, 16, 36
_LABEL_GAP = 12  # the least vertical distance between two end labels
# Mid-tone colours, legible on light and dark backgrounds alike.
_PALETTE = ("#2f7ed8", "#d9822b", "#3a9d5d", "#c23b6b", "#8a63d2", "#2aa1a8", "#9c7a2b")
_TOTAL_COLOUR = "#6e7781"
_MAX_LABELLED = 8


def render_trend_svg(points: Sequence[TrendPoint], language: str | None = None) -> str:
    """A chart of `language`'s fresh % (every language and the total when None) over `points`,
    oldest first, as an `<svg>` element to inline in HTML or save as a file."""
    series = _series(points, language)
    name = f"language {language}" if language else "every language"
    title = f"Fresh translations over the last {len(points)} commits, {name}"
    # Unique per chart: a page inlines one per language, and ids must not collide.
    ident = "trend-" + re.sub(r"[^A-Za-z0-9_-]", "_", language or "all")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="11">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(_description(points, series))}</desc>',
        *_axes(points),
    ]
    labels: list[tuple[float, float, str, str]] = []
    for index, (code, values) in enumerate(series):
        colour = _TOTAL_COLOUR if code == TOTAL else _PALETTE[index % len(_PALETTE)]
        emphasised = code == TOTAL or bool(language)
        parts.extend(_line(points, code, values, colour, thick=emphasised))
        last = _last(values)
        # Beyond a handful of lines the end labels would pile up: only the total keeps its own.
        if last is not None and (emphasised or len(series) <= _MAX_LABELLED):
            index_, value = last
            labels.append((_y(value), _x(index_, len(points)), f"{code} {value:g}%", colour))
    parts.extend(_end_labels(labels))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


Series = tuple[str, tuple[float | None, ...]]


def _series(points: Sequence[TrendPoint], language: str | None) -> list[Series]:
    """Fresh % per point for each language shown (None where the language did not exist)."""
    codes = (
        [language]
        if language
        else sorted({summary.code for point in points for summary in point.languages})
    )
    series: list[Series] = []
    for code in codes:
        values = tuple(
            next((s.fresh_percent for s in point.languages if s.code == code), None)
            for point in points
        )
        series.append((code, values))
    if not language and len(codes) > 1:
        series.append(
            (TOTAL, tuple(p.totals.fresh_percent if p.languages else None for p in points))
        )
    return series


def _description(points: Sequence[TrendPoint], series: list[Series]) -> str:
    if not points:
        return "No commits."
    span = f"From {points[0].date[:10]} ({points[0].commit[:7]}) to {points[-1].date[:10]} "
    span += f"({points[-1].commit[:7]})."
    figures = [
        f"{code}: " + ", ".join("-" if value is None else f"{value:g}%" for value in values)
        for code, values in series
    ]
    return " ".join([span, *(f"{figure}." for figure in figures)])


def _x(index: int, count: int) -> float:
    inner = WIDTH - _LEFT - _RIGHT
    return _LEFT + (inner / 2 if count < 2 else inner * index / (count - 1))


def _y(percent: float) -> float:
    return _TOP + (HEIGHT - _TOP - _BOTTOM) * (100 - percent) / 100


def _axes(points: Sequence[TrendPoint]) -> list[str]:
    parts = []
    for percent in (0, 50, 100):
        y = _y(percent)
        parts.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{WIDTH - _RIGHT}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.2"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{percent}%</text>'
        )
    if points:
        base = HEIGHT - _BOTTOM + 16
        first, last = points[0], points[-1]
        parts.append(
            f'<text x="{_x(0, len(points)):.1f}" y="{base}" text-anchor="start" '
            f'fill="currentColor">{escape(first.date[:10])}</text>'
        )
        if len(points) > 1:
            parts.append(
                f'<text x="{_x(len(points) - 1, len(points)):.1f}" y="{base}" '
                f'text-anchor="end" fill="currentColor">{escape(last.date[:10])}</text>'
            )
    return parts


def _line(
    points: Sequence[TrendPoint],
    code: str,
    values: tuple[float | None, ...],
    colour: str,
    *,
    thick: bool,
) -> list[str]:
    """One language: a polyline per unbroken run of points, and a dot with a tooltip per
    point."""
    count = len(points)
    width = 2.5 if thick else 1.2
    parts = [f'<g class="trend-line" data-language="{escape(code)}">']
    run: list[str] = []
    for index, value in enumerate((*values, None)):
        if value is not None:
            run.append(f"{_x(index, count):.1f},{_y(value):.1f}")
            continue
        if len(run) > 1:
            parts.append(
                f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                f'stroke-width="{width}"/>'
            )
        run = []
    for index, value in enumerate(values):
        if value is None:
            continue
        point = points[index]
        tip = f"{code} {value:g}% at {point.commit[:7]} {point.date[:10]}: {point.subject}"
        parts.append(
            f'<circle cx="{_x(index, count):.1f}" cy="{_y(value):.1f}" r="{width + 0.8:.1f}" '
            f'fill="{colour}"><title>{escape(tip)}</title></circle>'
        )
    parts.append("</g>")
    return parts


def _last(values: tuple[float | None, ...]) -> tuple[int, float] | None:
    """The index and value of the newest point a language has."""
    for index in range(len(values) - 1, -1, -1):
        value = values[index]
        if value is not None:
            return index, value
    return None


def _end_labels(labels: list[tuple[float, float, str, str]]) -> list[str]:
    """Each line's code and last value beside its end, nudged apart so that lines ending at
    the same value (every language at 100%) get readable labels, in order of value."""
    placed: list[str] = []
    previous = -float("inf")
    ordered = sorted(labels, key=lambda label: (label[0], label[2]))
    lowest = HEIGHT - _BOTTOM + 4 - _LABEL_GAP * (len(ordered) - 1)
    for rank, (y, x, text, colour) in enumerate(ordered):
        # Pushed down below the previous label, and up when the stack would leave the chart.
        y = max(y, previous + _LABEL_GAP)
        y = min(y, lowest + _LABEL_GAP * rank) if len(ordered) > 1 else y
        previous = y
        placed.append(  # a swatch of the line's colour, then the text
            f'<rect x="{x + 6:.1f}" y="{y - 1:.1f}" width="8" height="3" fill="{colour}"/>'
            f'<text x="{x + 18:.1f}" y="{y + 4:.1f}" fill="currentColor">{escape(text)}</text>'
        )
    return placed
