"""The commands that publish: the README's languages table (badges) and the static site
(dashboard)."""

from __future__ import annotations

from typing import Any

import click

from transync.cli.app import command
from transync.cli.options import (
    CONTENT_OPTION,
    LANG_OPTION,
    NO_CACHE_OPTION,
    dry_run_option,
    no_history_option,
)


@command()
@click.argument("readme", metavar="README", type=click.Path())
@click.option(
    "--root",
    type=click.Path(),
    help="The folder to scan (default: the README's folder).",
)
@click.option(
    "--insert",
    metavar="HEADING",
    help="When the README has no block yet, add it after this heading.",
)
@click.option(
    "--site-url",
    metavar="URL",
    help="Where `transync dashboard` is published: badges link to its pages.",
)
@dry_run_option("the diff")
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when the block is out of date (CI)."
)
def badges(**options: Any) -> int:
    """Write the README's languages table: a badge, fresh % and last update per language.

    Only the lines between these two markers are rewritten (co-op-translator's own table
    never is):

    \b
      <!-- transync:languages:start -->
      <!-- transync:languages:end -->
    """
    from transync.commands.badges import BadgesOptions
    from transync.commands.badges import badges as run_badges

    return run_badges(BadgesOptions(**options))


@command()
@click.argument("paths", nargs=-1, metavar="[PATH] | --from REPORT.json...", type=click.Path())
@click.option(
    "-o",
    "--output",
    default="transync-site",
    show_default=True,
    type=click.Path(file_okay=False),
    help="The folder to write the site to (never inside a translation folder).",
)
@click.option(
    "--from",
    "from_reports",
    is_flag=True,
    help="Build one site from several repositories' report.json files (status --format json).",
)
@click.option(
    "--repo-url",
    metavar="URL",
    help="Link files to this forge repository [default: a GitHub origin remote; else relative].",
)
@click.option(
    "--ref",
    metavar="REF",
    help="Branch, tag or commit of the links [default: the checked-out branch, else HEAD].",
)
@click.option(
    "--badge-thresholds",
    default=None,
    metavar="G,Y,O",
    help="Fresh % from which a figure is green, yellow, orange (red below)"
    " [default: badge-thresholds in the configuration, else 90,75,50].",
)
@LANG_OPTION
@no_history_option("no causes")
@CONTENT_OPTION
@NO_CACHE_OPTION
@click.option(
    "--trend",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Draw each language's fresh % at the last N commits (read from git; history.json).",
)
@dry_run_option("the files the site would have")
def dashboard(**options: Any) -> int:
    """Write a static site of the translations under PATH: a page per language, badges, JSON.

    index.html has the languages, the causes of staleness and the sources x languages matrix;
    <lang>.html is that language's work list, most urgent first. With --from, PATHS are
    report.json files of several repositories and the index compares them.
    """
    from transync.commands.dashboard import DashboardOptions
    from transync.commands.dashboard import dashboard as run_dashboard

    return run_dashboard(DashboardOptions(**options))
