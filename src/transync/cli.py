"""Command-line entry point: parses arguments and hands them to `transync.commands`.

Heavy libraries (rich, markdown-it-py, gitpython) are imported by the commands that use them,
so `transync --help` stays fast.
"""

from __future__ import annotations

import io
import sys
import traceback
from collections.abc import Callable

import click

from transync import __version__
from transync.errors import EXIT_CANNOT_RUN, TransyncError
from transync.text import printable

# PATH arguments are plain click.Path(): a missing or wrong kind of path is the command's own
# one-line error (exit 2), not click's three-line usage error.
EXIT_CODES_HELP = """\b
Exit codes:
  0  the command ran (for `check`: the policy passed)
  1  `check` only: the policy failed
  2  transync could not run (bad PATH, bad config, unreadable input, git trouble)
"""


@click.group(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transync")
@click.option("--debug", is_flag=True, help="Show a Python traceback when something goes wrong.")
@click.pass_context
def cli(context: click.Context, debug: bool) -> None:
    """Keep machine-translated documentation honest.

    transync reads the metadata co-op-translator leaves in translated files and tells you which
    translations are stale, missing, orphaned or broken.
    """
    context.obj = {"debug": debug}
    # A file name that is not valid UTF-8 reaches the output as lone surrogates: write them as
    # visible `\udcff` escapes (valid JSON escapes, too) rather than fail at the last step.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


# Options several commands take, defined once so that they read the same everywhere.
LANG_OPTION = click.option(
    "--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable)."
)
NO_CACHE_OPTION = click.option(
    "--no-cache",
    is_flag=True,
    help="Recompute every content check instead of reusing results from earlier runs.",
)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("path", default=".", type=click.Path())
@LANG_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="Output format; json is the versioned transync.report/1 schema.",
)
@click.option(
    "--details",
    is_flag=True,
    help="List the files in each state and every finding (implies --content).",
)
@click.option(
    "--content",
    is_flag=True,
    help="Also compare each translation's structure with its source (tables, links, anchors).",
)
@click.option(
    "--no-history",
    is_flag=True,
    help="Do not read git history (no provenance for stale and orphaned translations).",
)
@NO_CACHE_OPTION
@click.pass_context
def status(
    context: click.Context,
    path: str,
    languages: tuple[str, ...],
    output_format: str,
    details: bool,
    content: bool,
    no_history: bool,
    no_cache: bool,
) -> None:
    """Show the state of every translation under PATH (default: the current folder).

    In a git work tree, stale and orphaned translations get their provenance (the commit they
    were made from, the commits they missed) and stale ones are grouped by cause.
    """
    from transync.commands.status import status as run_status

    _run(
        context,
        lambda: run_status(
            path,
            languages,
            output_format,
            details,
            not no_history,
            content=content or details,
            cache=not no_cache,
        ),
    )


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("target", metavar="TRANSLATION|SOURCE", type=click.Path())
@LANG_OPTION
@click.option("--stat", is_flag=True, help="Show a diffstat instead of the diff.")
@click.option(
    "--root",
    type=click.Path(),
    help="The folder to scan (default: the top of the git work tree).",
)
@click.pass_context
def diff(
    context: click.Context, target: str, languages: tuple[str, ...], stat: bool, root: str | None
) -> None:
    """Show what changed in a source since its translation was made: the diff to port.

    Given a translation, diffs its source from the commit the translation was made from to the
    working tree; given a source, does so for every language, grouped by that commit. Also
    lists the missed commits and the sections (by heading) that changed.
    """
    from transync.commands.diff import diff as run_diff

    _run(context, lambda: run_diff(target, languages, stat, root))


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("path", default=".", type=click.Path())
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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "sarif", "junit", "markdown"]),
    default="text",
    show_default=True,
    help="github: annotations (+ job summary); sarif: code scanning; junit: test reports.",
)
@click.option(
    "--output", type=click.Path(dir_okay=False), metavar="FILE", help="Write to FILE, not stdout."
)
@click.option(
    "--content/--no-content",
    default=True,
    show_default=True,
    help="Run the content checks (tables, links, anchors, structure) as well as the states.",
)
@NO_CACHE_OPTION
@click.pass_context
def check(
    context: click.Context,
    path: str,
    fail_on: tuple[str, ...],
    warn_on: tuple[str, ...],
    min_fresh: float | None,
    max_age_days: int | None,
    languages: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    changed_from: str | None,
    output_format: str,
    output: str | None,
    content: bool,
    no_cache: bool,
) -> None:
    """Check the translations under PATH against a policy; exit 1 when it fails (for CI).

    Settings come from [tool.transync.check] (or [check] in transync.toml); flags win.
    """
    if baseline and write_baseline:
        raise click.UsageError("--baseline and --write-baseline cannot be used together")
    from transync.commands.check import CheckOptions
    from transync.commands.check import check as run_check
    from transync.policy.settings import Flags

    options = CheckOptions(
        flags=Flags(fail_on, warn_on, min_fresh, max_age_days, languages, baseline),
        output_format=output_format,
        output=output,
        changed_from=changed_from,
        write_baseline=write_baseline,
        content=content,
        cache=not no_cache,
    )
    _run(context, lambda: run_check(path, options))


@cli.command(epilog=EXIT_CODES_HELP)
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
    default="90,75,50",
    show_default=True,
    metavar="G,Y,O",
    help="Fresh % from which a badge is green, yellow, orange (red below).",
)
@LANG_OPTION
@click.option("--no-history", is_flag=True, help="Do not read git history (no causes).")
@click.option(
    "--content/--no-content",
    default=True,
    show_default=True,
    help="Run the content checks (tables, links, anchors, structure) as well as the states.",
)
@NO_CACHE_OPTION
@click.option("--dry-run", is_flag=True, help="List the files the site would have; write none.")
@click.pass_context
def dashboard(
    context: click.Context,
    paths: tuple[str, ...],
    output: str,
    from_reports: bool,
    repo_url: str | None,
    ref: str | None,
    badge_thresholds: str,
    languages: tuple[str, ...],
    no_history: bool,
    content: bool,
    no_cache: bool,
    dry_run: bool,
) -> None:
    """Write a static site of the translations under PATH: a page per language, badges, JSON.

    index.html has the languages, the causes of staleness and the sources x languages matrix;
    <lang>.html is that language's work list, most urgent first. With --from, PATHS are
    report.json files of several repositories and the index compares them.
    """
    from transync.commands.dashboard import DashboardOptions, parse_thresholds
    from transync.commands.dashboard import dashboard as run_dashboard

    _run(
        context,
        lambda: run_dashboard(
            paths,
            DashboardOptions(
                output=output,
                from_reports=from_reports,
                repo_url=repo_url,
                ref=ref,
                languages=languages,
                history=not no_history,
                content=content,
                cache=not no_cache,
                thresholds=parse_thresholds(badge_thresholds),
                dry_run=dry_run,
            ),
        ),
    )


def _run(context: click.Context, command: Callable[[], int]) -> None:
    """Run a command; turn every error into one line on stderr and a documented exit code."""
    try:
        code = command()
    except TransyncError as error:
        _fail(context, f"transync: error: {error}", error.exit_code)
    except KeyboardInterrupt:
        _fail(context, "transync: interrupted", 130)
    except Exception as error:  # never a traceback for users; --debug shows it
        _fail(
            context,
            f"transync: internal error: {type(error).__name__}: {error} (rerun with --debug)",
            EXIT_CANNOT_RUN,
        )
    else:
        context.exit(code)


def _fail(context: click.Context, message: str, code: int) -> None:
    if context.obj and context.obj.get("debug"):
        traceback.print_exc()
    click.echo(printable(message), err=True)  # one line, whatever the file names hold
    context.exit(code)


def main() -> None:
    cli(prog_name="transync")


if __name__ == "__main__":
    main()
