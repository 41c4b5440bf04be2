"""`transync dashboard`: the report as a static site, one page per language, badges and JSON.

`build_site` turns one `Report` into the site's files (path -> bytes) and `build_organisation`
puts several repositories' sites under one index; nothing here reads the repository or writes
a file, so the same report always gives the same bytes. The pages are rendered by Jinja2 with
autoescaping on: every name from a repository is text, never markup. They need no network:
the stylesheet and the small script that sorts and filters tables sit beside them, and every
page reads the same with the script off.

A trend (fresh % over earlier commits) is optional: pass a `Trend` and the index and language
pages draw it, and the site gains history.json.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from transync.coop.forecast import PlanGap
from transync.fileio import fitting_name
from transync.history.trend import TrendPoint
from transync.languages import canonical
from transync.model import LanguageSummary, Report, State
from transync.report import coop_note, json_report
from transync.report.dashboard import language_page, matrix, view
from transync.report.dashboard.badges import Badge, badge, badge_svg, endpoint_json, percent
from transync.report.dashboard.names import language_name
from transync.report.dashboard.summary import render_summary
from transync.report.estimates_text import describe_estimate, no_metadata_notice
from transync.report.history_text import counts_phrase, describe_commit_cause, describe_provenance
from transync.report.rollup_text import describe_images
from transync.report.trend_json import render as render_history
from transync.report.trend_svg import render_trend_svg
from transync.worklist import LanguageWork, work_list

TOTAL = "total"
ASSETS = ("site.css", "site.js")
ALL = "all"
# File names the site uses itself: a language folder with one of these names gets a prefix.
_RESERVED = frozenset({"index", "report", "SUMMARY", ALL})


@dataclass(frozen=True)
class Trend:
    """Fresh % at earlier commits (`transync.history.trend`), oldest first: drawn for every
    language on the index and for one language on its page, and written as history.json."""

    root: str
    points: tuple[TrendPoint, ...]

    def svg(self, code: str) -> Markup | None:
        """The chart of `code` ("total": every language), or None where it has no points."""
        if code == TOTAL:
            return Markup(render_trend_svg(self.points)) if self.points else None
        if not any(summary.code == code for point in self.points for summary in point.languages):
            return None
        return Markup(render_trend_svg(self.points, code))


@dataclass(frozen=True)
class Repository:
    """One repository of an organisation site: where its pages go and what they show."""

    slug: str
    report: Report
    info: view.SiteInfo


def build_site(
    report: Report,
    info: view.SiteInfo,
    *,
    trend: Trend | None = None,
    work: Sequence[LanguageWork] | None = None,
    coop_gap: PlanGap | None = None,
) -> dict[str, bytes]:
    """The files of one repository's site, by path relative to the site folder. `work` is
    `transync todo`'s work list (it reads the sources: words, course order); without it,
    one is made from the report alone. `coop_gap` adds a section on where co-op-translator's
    own plan would disagree with its run."""
    files = _repository_files(report, info, trend, work, home=None, assets="", coop_gap=coop_gap)
    files.update(_assets(""))
    return dict(sorted(files.items()))


def build_organisation(repositories: Sequence[Repository]) -> dict[str, bytes]:
    """One site for many repositories: an index of repository x language fresh %, and each
    repository's own site in a folder named by its slug."""
    files: dict[str, bytes] = {}
    # One column per language however each repository spells it (`tw` and `zh-TW`).
    codes = sorted(
        {canonical(summary.code) for repo in repositories for summary in repo.report.languages}
    )
    rows = []
    for repository in repositories:
        fresh: dict[str, LanguageSummary] = {}
        for summary in repository.report.languages:
            fresh.setdefault(canonical(summary.code), summary)
        rows.append((repository, [fresh.get(code) for code in codes]))
        for path, data in _repository_files(
            repository.report, repository.info, None, None, home="../index.html", assets="../"
        ).items():
            files[f"{repository.slug}/{path}"] = data
    files["index.html"] = _render(
        "organisation.html",
        codes=codes,
        rows=rows,
        names={code: language_name(code) for code in codes},
        assets="",
        home=None,
    )
    files.update(_assets(""))
    return dict(sorted(files.items()))


def page_name(code: str) -> str:
    """`fr.html`; a language folder named like one of the site's own files gets a prefix,
    and one too long for a file name with `.html` is cut (`fileio.fitting_name`)."""
    return fitting_name(f"{'lang-' if code in _RESERVED else ''}{code}", ".html")


def badge_name(code: str) -> str:
    """The stem of the language's `.svg` and `.json` badges."""
    return fitting_name(f"{'lang-' if code in _RESERVED else ''}{code}", ".json").removesuffix(
        ".json"
    )


def _repository_files(
    report: Report,
    info: view.SiteInfo,
    trend: Trend | None,
    work: Sequence[LanguageWork] | None,
    *,
    home: str | None,
    assets: str,
    coop_gap: PlanGap | None = None,
) -> dict[str, bytes]:
    if work is None:  # no sources to read: no word counts, pages by lesson number
        work = work_list(report.entries, lambda _: None, findings=report.findings)
    rows = view.language_rows(report)
    totals = view.totals_row(report)
    folders = matrix.matrix(report, info)
    common = {"info": info, "totals": totals, "trend": trend, "assets": assets, "home": home}
    files = {
        "index.html": _render(
            "index.html",
            rows=rows,
            causes=view.causes_for(report),
            # In the roll-up stage's order: errors first, then the most widespread.
            groups=report.finding_groups,
            matrix=folders,
            open_matrix=matrix.total_rows(folders) <= matrix.FOLDER_ROWS,
            by_check=view.findings_by_check(report),
            codes=[row.code for row in rows],
            coop_note=coop_note.line(coop_gap) if coop_gap else None,
            notice=no_metadata_notice(report),
            **common,
        ),
        "report.json": _utf8(json_report.render(report)),
        "SUMMARY.md": _utf8(render_summary(report, info, rows, totals)),
    }
    if trend is not None:
        files["history.json"] = _utf8(render_history(trend.root, trend.points))
    for page in language_page.work_lists(report, rows, info, work):
        files[page_name(page.row.code)] = _render("language.html", work=page, **common)
    for code, summary_badge in _badges(rows, totals, info).items():
        files[f"badges/{code}.svg"] = _utf8(badge_svg(summary_badge))
        files[f"badges/{code}.json"] = _utf8(endpoint_json(summary_badge))
    return files


def _badges(
    rows: Sequence[view.LanguageRow], totals: view.LanguageRow, info: view.SiteInfo
) -> dict[str, Badge]:
    badges = {badge_name(row.code): _badge(row.code, row, info) for row in rows}
    badges[ALL] = _badge("translations", totals, info)
    return badges


def _badge(label: str, row: view.LanguageRow, info: view.SiteInfo) -> Badge:
    """The exact figure; a language with estimates adds theirs, labelled (the colour stays
    the exact figure's)."""
    exact = badge(label, row.summary.fresh_percent, info.thresholds)
    if row.estimated is None:
        return exact
    return replace(exact, message=f"{exact.message} · est. {percent(row.estimated.fresh_percent)}")


def _render(template: str, **context: Any) -> bytes:
    return _utf8(_environment().get_template(template).render(**context))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("transync.report.dashboard", "templates"),
        autoescape=True,  # every template is HTML: names from a repository are text
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        State=State,
        symbols=matrix.SYMBOLS,
        gutted_symbol=matrix.GUTTED_SYMBOL,
        page=lambda code: quote(page_name(code), errors="surrogateescape"),
        badge_name=lambda code: quote(badge_name(code), errors="surrogateescape"),
        describe_commit_cause=describe_commit_cause,
        describe_images=describe_images,
        describe_provenance=describe_provenance,
        describe_estimate=describe_estimate,
        estimated_counts=counts_phrase,
        percent=lambda value: f"{value:.1f}%",
        plural=view.plural,
    )
    return environment


def _assets(prefix: str) -> dict[str, bytes]:
    folder = resources.files("transync.report.dashboard") / "static"
    return {f"{prefix}assets/{name}": (folder / name).read_bytes() for name in ASSETS}


def _utf8(text: str) -> bytes:
    """A page's bytes; a file name that is not UTF-8 (lone surrogates) is written as its
    `\\udcff` escape, as `fileio.write_atomic` writes text, rather than end the run."""
    return text.encode("utf-8", "backslashreplace")
