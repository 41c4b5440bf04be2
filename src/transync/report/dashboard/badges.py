"""Badges: a flat SVG per language and the shields.io endpoint JSON that draws the same one.

The SVG follows shields.io's "flat" style (label on grey, message on the state colour) so a
README can embed it without any service; the JSON lets a README use shields.io instead
(`https://img.shields.io/endpoint?url=.../badges/fr.json`), which restyles it on request.
Text widths are estimated from Verdana 11px advance widths, as shields does, rounded so that
the same badge is the same bytes on every machine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import escape

from transync.config import BADGE_THRESHOLDS

# shields.io's named colours, and the hex values its flat badges use for them.
COLOURS = {"brightgreen": "#4c1", "yellow": "#dfb317", "orange": "#fe7d37", "red": "#e05d44"}


@dataclass(frozen=True)
class Thresholds:
    """The one colour scale of a fresh %: the percentages from which it is green, yellow or
    orange (red below), for the dashboard's badges and pages and the README's languages table
    alike (`badge-thresholds` in the configuration, `--badge-thresholds`)."""

    green: float = BADGE_THRESHOLDS[0]
    yellow: float = BADGE_THRESHOLDS[1]
    orange: float = BADGE_THRESHOLDS[2]

    def colour(self, fresh_percent: float) -> str:
        if fresh_percent >= self.green:
            return "brightgreen"
        if fresh_percent >= self.yellow:
            return "yellow"
        if fresh_percent >= self.orange:
            return "orange"
        return "red"


@dataclass(frozen=True)
class Badge:
    label: str
    message: str
    colour: str


def badge(label: str, fresh_percent: float, thresholds: Thresholds) -> Badge:
    return Badge(label, percent(fresh_percent), thresholds.colour(fresh_percent))


def percent(value: float) -> str:
    """`100%`, `97.5%`, `0%`: one decimal only where it says something."""
    return f"{value:.1f}".removesuffix(".0") + "%"


def endpoint_json(badge: Badge) -> str:
    """The shields.io endpoint schema (https://shields.io/badges/endpoint-badge)."""
    document = {
        "schemaVersion": 1,
        "label": badge.label,
        "message": badge.message,
        "color": badge.colour,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def badge_svg(badge: Badge) -> str:
    label_width = _text_width(badge.label) + 10
    message_width = _text_width(badge.message) + 10
    width = label_width + message_width
    fill = COLOURS[badge.colour]
    label, message = escape(badge.label), escape(badge.message)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img"'
        f' aria-label="{label}: {message}">'
        f"<title>{label}: {message}</title>"
        '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb"'
        ' stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r)"><rect width="{label_width}" height="20" fill="#555"/>'
        f'<rect x="{label_width}" width="{message_width}" height="20" fill="{fill}"/>'
        f'<rect width="{width}" height="20" fill="url(#s)"/></g>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif"'
        ' font-size="11">'
        f'<text x="{label_width / 2:.1f}" y="15" fill="#010101" fill-opacity=".3">{label}</text>'
        f'<text x="{label_width / 2:.1f}" y="14">{label}</text>'
        f'<text x="{label_width + message_width / 2:.1f}" y="15" fill="#010101"'
        f' fill-opacity=".3">{message}</text>'
        f'<text x="{label_width + message_width / 2:.1f}" y="14">{message}</text>'
        "</g></svg>\n"
    )


# Verdana 11px advance widths, rounded up: narrow letters, wide letters, everything else.
_NARROW = frozenset("fijlrtI.,:;!|()[]' -")
_WIDE = frozenset("mwMW%@")


def _text_width(text: str) -> int:
    return sum(4 if char in _NARROW else 10 if char in _WIDE else 7 for char in text)
