"""`transync dashboard`: the state of every translation as a static site.

One repository: scan it (with history and, unless told not to, the content checks), then
write the site. Many: read each repository's `report.json` (`--from`) and write one site with
an organisation index. The site is written outside the translation folders only: a page there
would be taken for a translation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import click

from transync.commands.common import load_config_and_warn, warn
from transync.config import Config
from transync.errors import TransyncError
from transync.inert import is_web_url
from transync.model import Report
from transync.paths import is_within
from transync.report.dashboard import Repository, Trend, build_organisation, build_site
from transync.report.dashboard.badges import Thresholds
from transync.report.dashboard.view import SiteInfo
from transync.report.progress import delayed_progress
from transync.scan import scan
from transync.sync.files import reader
from transync.sync.site import write_site
from transync.worklist import work_list

DEFAULT_OUTPUT = "transync-site"


@dataclass(frozen=True)
class DashboardOptions:
    """`transync dashboard`'s command line, one field per option."""

    paths: tuple[str, ...] = ()
    output: str = DEFAULT_OUTPUT
    from_reports: bool = False
    repo_url: str | None = None
    ref: str | None = None
    # "G,Y,O"; None: the configuration's `badge-thresholds`.
    badge_thresholds: str | None = None
    languages: tuple[str, ...] = ()
    no_history: bool = False
    content: bool = True
    no_cache: bool = False
    # How many earlier first-parent commits the trend covers (0: no trend).
    trend: int = 0
    dry_run: bool = False

    def __post_init__(self) -> None:
        self.thresholds  # noqa: B018 -- a malformed --badge-thresholds stops the run first

    @property
    def thresholds(self) -> Thresholds | None:
        return parse_thresholds(self.badge_thresholds) if self.badge_thresholds else None


def dashboard(options: DashboardOptions) -> int:
    paths = options.paths
    now = build_time()
    if options.from_reports:
        if not paths:
            raise TransyncError("--from needs at least one report.json file")
        files = _organisation(paths, now, options)
    else:
        if len(paths) > 1:
            raise TransyncError("give one PATH to scan, or --from with report.json files")
        files = _repository(Path(paths[0] if paths else "."), now, options)
    output = Path(options.output)
    if options.dry_run:
        for name, data in files.items():
            click.echo(f"{output / name} ({len(data):,} bytes)")
        return 0
    changed = write_site(output, files)
    click.echo(f"transync: wrote {output / 'index.html'} ({changed} of {len(files)} files changed)")
    return 0


def build_time() -> datetime:
    """When the site says it was made: SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise TransyncError(
            f"SOURCE_DATE_EPOCH={epoch!r}: not a number of seconds since 1970"
        ) from None


def _repository(root: Path, now: datetime, options: DashboardOptions) -> dict[str, bytes]:
    if not root.is_dir():
        raise TransyncError(f"{root}: not a folder")
    output = Path(options.output)
    config = _without_site(load_config_and_warn(root), root, output)
    with delayed_progress() as progress:
        report = scan(
            root,
            display_root=str(root),
            config=config,
            languages=options.languages,
            progress=progress,
            history=not options.no_history,
            content=options.content,
            cache=not options.no_cache,
            now=now,
        )
    _refuse_translation_folder(root, report, output)
    from transync.history.repository import repository_facts

    facts = repository_facts(root)
    if options.repo_url and not is_web_url(options.repo_url):
        raise TransyncError(
            f"--repo-url {options.repo_url!r}: not an http(s) address; the site links only"
            " http and https"
        )
    web_url = options.repo_url.rstrip("/") if options.repo_url else facts.web_url
    if web_url is not None and is_web_url(web_url):
        # A branch name rather than a commit id by default: 36 bytes less in each of the
        # matrix's thousands of links, and the site is rebuilt whenever the branch moves.
        ref = options.ref or facts.branch or facts.commit or "HEAD"
        link_base = f"{web_url}/blob/{quote(ref)}/{quote(facts.prefix)}"
    else:
        relative = os.path.relpath(root.resolve(), output.resolve()).replace(os.sep, "/")
        link_base = f"{relative}/"
    info = SiteInfo(
        repository=facts.slug or root.resolve().name,
        scanned_at=_iso(now),
        commit=facts.commit,
        link_base=link_base,
        thresholds=options.thresholds or Thresholds(*config.badge_thresholds),
    )
    from transync.coop.forecast import inline_gap

    work = work_list(
        report.entries,
        reader(root),
        findings=report.findings,
        roots=[layout.sources for layout in report.layouts],
        meta_files=config.meta_files,
    )
    gap = inline_gap(root, report.entries, reader(root))
    return build_site(report, info, trend=_trend(root, config, options), work=work, coop_gap=gap)


def _trend(root: Path, config: Config, options: DashboardOptions) -> Trend | None:
    """The status at the last `options.trend` commits, read from git blobs (cached)."""
    if not options.trend:
        return None
    from transync.history.trend import compute_trend

    with delayed_progress() as progress:
        points = compute_trend(root, config, options.trend, options.languages, progress, warn)
    return Trend(str(root), points)


def _without_site(config: Config, root: Path, output: Path) -> Config:
    """A site written inside the tree is no part of it: its SUMMARY.md is not a source."""
    inside = os.path.relpath(output.resolve(), root.resolve()).replace(os.sep, "/")
    if inside == "." or inside.startswith("../"):
        return config
    return replace(config, exclude=(*config.exclude, f"{inside}/**"))


def _refuse_translation_folder(root: Path, report: Report, output: Path) -> None:
    from transync.history import translation_folders

    target = output.resolve()
    if target == root.resolve():
        raise TransyncError(
            f"{output}: is the scanned folder; write the site to a folder of its own"
        )
    for folder in translation_folders(report.layouts):
        container = (root / folder).resolve()
        if folder != "." and is_within(str(target), str(container)):
            raise TransyncError(
                f"{output}: inside the translation folder {folder}; the pages would be taken"
                " for translations"
            )


def _organisation(
    paths: Sequence[str], now: datetime, options: DashboardOptions
) -> dict[str, bytes]:
    from transync.report.json_load import load_report

    repositories = []
    taken: set[str] = set()
    for path in map(Path, paths):
        name = _repository_name(path)
        slug = _unique(re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "repository", taken)
        info = SiteInfo(name, _iso(now), thresholds=options.thresholds or Thresholds())
        repositories.append(Repository(slug, load_report(path), info))
    return build_organisation(repositories)


def _repository_name(path: Path) -> str:
    """`microsoft-edgeai.json` names itself; `edgeai/report.json` is named by its folder."""
    if path.stem == "report" and path.resolve().parent.name:
        return path.resolve().parent.name
    return path.stem


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_thresholds(text: str) -> Thresholds:
    """`90,75,50`: the fresh % from which a badge is green, yellow, orange (red below)."""
    try:
        green, yellow, orange = (float(part) for part in text.split(","))
    except ValueError:
        raise TransyncError(
            f"--badge-thresholds {text!r}: expected three percentages, e.g. 90,75,50"
        ) from None
    if not 100 >= green >= yellow >= orange >= 0:
        raise TransyncError(
            f"--badge-thresholds {text!r}: expected 100 >= green >= yellow >= orange >= 0"
        )
    return Thresholds(green, yellow, orange)
