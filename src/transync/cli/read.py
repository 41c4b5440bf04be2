"""The read-only commands: status, check, diff, todo, trend. Each hands its options, as one
object, to its module in `transync.commands`."""

from __future__ import annotations

from typing import Any

import click

from transync.cli.app import EXIT_CODES_HELP, command
from transync.cli.options import (
    CONTENT_OPTION,
    LANG_OPTION,
    NO_CACHE_OPTION,
    OUTPUT_OPTION,
    PATH_ARGUMENT,
    TARGETS_ARGUMENT,
    details_option,
    format_option,
    no_history_option,
)
from transync.coop import DEFAULT_VERSION, MODELLED
from transync.report import formats


@command()
@PATH_ARGUMENT
@LANG_OPTION
@format_option(formats.STATUS)
@details_option("the files in each state and every finding (implies --content)")
@click.option(
    "--content",
    is_flag=True,
    help="Also compare each translation's structure with its source (tables, links, anchors).",
)
@no_history_option("no provenance for stale and orphaned translations")
@NO_CACHE_OPTION
def status(**options: Any) -> int:
    """Show the state of every translation under PATH (default: the current folder).

    In a git work tree, stale and orphaned translations get their provenance (the commit they
    were made from, the commits they missed) and stale ones are grouped by cause.
    """
    from transync.commands.status import StatusOptions
    from transync.commands.status import status as run_status

    return run_status(StatusOptions(**options))


@command()
@click.argument("target", metavar="TRANSLATION|SOURCE", type=click.Path())
@LANG_OPTION
@click.option("--stat", is_flag=True, help="Show a diffstat instead of the diff.")
@click.option(
    "--root",
    type=click.Path(),
    help="The folder to scan (default: the top of the git work tree).",
)
def diff(**options: Any) -> int:
    """Show what changed in a source since its translation was made: the diff to port.

    Given a translation, diffs its source from the commit the translation was made from to the
    working tree; given a source, does so for every language, grouped by that commit. Also
    lists the missed commits and the sections (by heading) that changed.
    """
    from transync.commands.diff import DiffOptions
    from transync.commands.diff import diff as run_diff

    return run_diff(DiffOptions(**options))


@command()
@PATH_ARGUMENT
@click.option(
    "--fail-on",
    multiple=True,
    metavar="KINDS",
    help="Kinds that fail the check, comma-separated: states (stale, missing, ...), check names,"
    " severities (error, warning), all, none. [default: stale,missing,orphan,invalid-metadata,"
    "failed,error]",
)
@click.option(
    "--warn-on",
    multiple=True,
    metavar="KINDS",
    help="Kinds reported as warnings when they do not fail. [default: error,warning]",
)
@click.option(
    "--min-fresh",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Fail a language less than PCT percent current.",
)
@click.option(
    "--max-age",
    "max_age_days",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Fail on stale translations only once they are older than DAYS (others warn).",
)
@LANG_OPTION
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Fail only on problems not recorded in FILE; list the ones fixed since.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Record every problem found today in FILE, then check against it.",
)
@click.option(
    "--changed-from",
    metavar="REF",
    help="Check only what changed since REF (its merge base with HEAD, plus uncommitted edits).",
)
@format_option(formats.CHECK)
@OUTPUT_OPTION
@CONTENT_OPTION
@details_option("every problem by language and file, not only one line per cause (text, markdown)")
@no_history_option(
    "stale translations are grouped by source, not by commit;"
    " --max-age counts from the translation date"
)
@NO_CACHE_OPTION
def check(**options: Any) -> int:
    """Check the translations under PATH against a policy; exit 1 when it fails (for CI).

    Settings come from [tool.transync.check] (or [check] in transync.toml); flags win.
    """
    if options["baseline"] and options["write_baseline"]:
        raise click.UsageError("--baseline and --write-baseline cannot be used together")
    from transync.commands.check import CheckOptions
    from transync.commands.check import check as run_check

    return run_check(CheckOptions(**options))


@command(EXIT_CODES_HELP)
@TARGETS_ARGUMENT
@LANG_OPTION
@format_option(formats.TODO)
@click.option("-0", "null", is_flag=True, help="With --format list: separate paths with NUL.")
@click.option(
    "--coop-version",
    type=click.Choice(sorted(MODELLED)),
    default=DEFAULT_VERSION,
    show_default=True,
    help="With --format coop-plan: the co-op-translator version whose rules to apply.",
)
def todo(**options: Any) -> int:
    """Each language's remaining translation work, most urgent first, in course order
    (read-only)."""
    from transync.commands.todo import TodoOptions
    from transync.commands.todo import todo as run_todo

    return run_todo(TodoOptions(**options))


@command()
@PATH_ARGUMENT
@click.option(
    "-n",
    "limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    metavar="N",
    help="How many first-parent commits, ending at HEAD.",
)
@LANG_OPTION
@format_option(formats.TREND)
@OUTPUT_OPTION
def trend(**options: Any) -> int:
    """Show each language's state at the last N commits of PATH's git history.

    Reads the commits from git (no checkout, nothing written to the repository) and judges
    each with today's configuration; results are cached, so a second run is quick.
    """
    from transync.commands.trend import TrendOptions
    from transync.commands.trend import trend as run_trend

    return run_trend(TrendOptions(**options))
