"""The README's languages table: a block between two markers that `transync badges` owns.

Only the lines between `<!-- transync:languages:start -->` and `<!-- transync:languages:end -->`
are ever replaced; everything else (co-op-translator's own languages table included) keeps its
bytes. The block depends only on the scanned tree and the options, so CI can `--check` it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from transync.discover import IMAGES_LAYOUT
from transync.document.lexer import Line, lex
from transync.errors import TransyncError
from transync.inert import markdown_code, markdown_text
from transync.languages import language_name
from transync.model import Report, TranslationEntry
from transync.report.dashboard.badges import Thresholds

START = "<!-- transync:languages:start -->"
END = "<!-- transync:languages:end -->"
# co-op-translator's own table: never written into, never moved.
COOP_START = "<!-- CO-OP TRANSLATOR LANGUAGES TABLE START -->"
COOP_END = "<!-- CO-OP TRANSLATOR LANGUAGES TABLE END -->"

_MARKS = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class LanguageRow:
    """One row of the table: what a reader of the README wants to know about a language."""

    code: str
    name: str
    fresh_percent: float
    last_updated: str | None  # the newest translation's date (UTC, YYYY-MM-DD)
    folder: str  # the language's translation folder, relative to the README
    colour: str  # on the one scale (`Thresholds`), as the dashboard colours it
    # The fresh share with the estimates of translations without metadata counted (basis:
    # git history), shown beside the exact one; None when the language has none.
    estimated_percent: float | None = None

    @property
    def fresh(self) -> str:
        """`97.5%`, or `0.0% (est. 62.5%)` for a language with estimates."""
        exact = f"{self.fresh_percent:.1f}%"
        if self.estimated_percent is None:
            return exact
        return f"{exact} (est. {self.estimated_percent:.1f}%)"


def language_rows(
    report: Report, folder_link: Callable[[str], str], thresholds: Thresholds
) -> tuple[LanguageRow, ...]:
    """A row per language of `report`; `folder_link` turns a repository-relative folder into
    a link relative to the README. The folder is the language's translations folder (its
    pages'; its images' only when it has no pages)."""
    by_language: dict[str, list[TranslationEntry]] = {}
    for entry in report.entries:
        by_language.setdefault(entry.language, []).append(entry)
    rows = []
    for summary in report.languages:
        entries = by_language.get(summary.code, [])
        folders = [entry.folder for entry in entries if entry.folder is not None]
        pages = [folder for folder in folders if folder.layout != IMAGES_LAYOUT]
        folder = (pages or folders)[0].path if folders else summary.code
        rows.append(
            LanguageRow(
                summary.code,
                language_name(summary.code),
                summary.fresh_percent,
                # A translation without metadata was written at its last commit, as git says.
                _newest_date(
                    entry.translated_at
                    or (
                        entry.estimate.translation_commit.date
                        if entry.estimate and entry.estimate.translation_commit
                        else None
                    )
                    for entry in entries
                ),
                folder_link(folder),
                thresholds.colour(summary.fresh_percent),
                estimated.fresh_percent
                if (estimated := report.estimated.get(summary.code)) is not None
                else None,
            )
        )
    return tuple(rows)


def table_lines(rows: Sequence[LanguageRow], site_url: str | None) -> list[str]:
    """The block's Markdown: a badge per language linking to its dashboard page when the
    site's URL is known, else a shields.io static badge linking to its folder."""
    lines = ["| Language | Badge | Fresh | Last updated |", "| --- | --- | ---: | --- |"]
    for row in rows:
        label = markdown_code(row.code, in_table=True)
        if row.name != row.code:
            label += f" {markdown_text(row.name)}"
        lines.append(
            f"| {label} | {_badge(row, site_url)} | {row.fresh} | {row.last_updated or '-'} |"
        )
    return lines


def replace_block(text: str, block: Sequence[str], *, insert_after: str | None, name: str) -> str:
    """`text` with the block between the markers replaced by `block`; without markers, the
    block is inserted after the heading `insert_after`. Raises TransyncError (naming the file
    `name`) when the markers are unbalanced or there is nowhere to put the block."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    read = list(lex(lines))  # a README may show the markers, and headings, in code
    starts = [i for i, line in enumerate(read) if not line.code and line.text.strip() == START]
    ends = [i for i, line in enumerate(read) if not line.code and line.text.strip() == END]
    body = [line + newline for line in block]
    if starts or ends:
        if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
            raise TransyncError(
                f"{name}: unbalanced transync:languages markers ({len(starts)} start,"
                f" {len(ends)} end; need one start before one end)"
            )
        return "".join([*lines[: starts[0] + 1], *body, *lines[ends[0] :]])
    if insert_after is None:
        raise TransyncError(
            f"{name}: no {START} block; add the two markers or pass --insert HEADING"
        )
    at = _heading_line(read, insert_after, name)
    if lines and not lines[-1].endswith(("\n", "\r")) and at == len(lines) - 1:
        lines[-1] += newline
    following = lines[at + 1 :]
    gap = [] if following and not following[0].strip() else [newline]
    inserted = [newline, START + newline, *body, END + newline, *gap]
    return "".join([*lines[: at + 1], *inserted, *following])


def _heading_line(lines: list[Line], wanted: str, name: str) -> int:
    target = _heading_text(wanted)
    coop = False
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if stripped in (COOP_START, COOP_END):
            coop = stripped == COOP_START
            continue
        if line.heading and _heading_text(line.title) == target:
            if coop:
                raise TransyncError(
                    f"{name}: heading {wanted!r} is inside co-op-translator's languages table,"
                    " which transync never writes into"
                )
            return index
    raise TransyncError(f"{name}: no heading {wanted!r} to insert the languages block after")


def _heading_text(text: str) -> str:
    """A heading's text as the user may name it: `## 🌐 Languages` matches `Languages` (no
    marks, emoji or punctuation; any case)."""
    return " ".join(_MARKS.sub("", text).split()).casefold()


def _badge(row: LanguageRow, site_url: str | None) -> str:
    message = f"{row.fresh_percent:g}%"
    if row.estimated_percent is not None:
        message += f" · est. {row.estimated_percent:g}%"
    alt = markdown_text(f"{row.code}: {message} fresh")
    if site_url:
        base = site_url.rstrip("/")
        page = quote(row.code, safe="")
        return f"[![{alt}]({base}/badges/{page}.svg)]({base}/{page}.html)"
    image = f"https://img.shields.io/badge/{_shields(row.code)}-{_shields(message)}-{row.colour}"
    return f"[![{alt}]({image})]({quote(row.folder, safe='/')}/)"


def _shields(text: str) -> str:
    """A static badge's path part: shields.io reads `-` and `_` as separators unless doubled."""
    return quote(text.replace("-", "--").replace("_", "__"), safe="")


def _newest_date(dates: Iterable[str | None]) -> str | None:
    newest: datetime | None = None
    for written in dates:
        if not written:
            continue
        try:
            moment = datetime.fromisoformat(written)
        except ValueError:
            continue  # an unreadable date: another check reports it
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if newest is None or moment > newest:
            newest = moment
    return newest.astimezone(UTC).date().isoformat() if newest else None
