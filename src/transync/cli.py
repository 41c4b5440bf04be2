"""Command-line entry point: parses arguments and hands them to `transync.commands`.

Heavy libraries (rich, markdown-it-py, gitpython) are imported by the commands that use them,
so `transync --help` stays fast.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from transync import __version__
from transync.coop import DEFAULT_VERSION, MODELLED
from transync.errors import EXIT_BROKEN_PIPE, EXIT_CANNOT_RUN, EXIT_INTERRUPTED, TransyncError
from transync.inert import printable

# PATH arguments are plain click.Path(): a missing or wrong kind of path is the command's own
# one-line error (exit 2), not click's three-line usage error.
EXIT_CODES_HELP = """\b
Exit codes:
  0  the command ran (for `check`: the policy passed)
  1  `check`: the policy failed; `badges --check`: the table is out of date
  2  transync could not run (bad PATH, bad config, unreadable input, git trouble)
  141  the output's reader (head, a pager) stopped reading early, as for any Unix tool
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
PATH_ARGUMENT = click.argument("path", default=".", type=click.Path())
OUTPUT_OPTION = click.option(
    "--output", type=click.Path(dir_okay=False), metavar="FILE", help="Write to FILE, not stdout."
)
LANG_OPTION = click.option(
    "--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable)."
)
NO_CACHE_OPTION = click.option(
    "--no-cache",
    is_flag=True,
    help="Recompute every content check instead of reusing results from earlier runs.",
)


def _command(epilog: str = EXIT_CODES_HELP) -> Callable[[Callable[..., int]], click.Command]:
    """Register a command whose function returns its exit code: `_run` turns what it raises
    into one line and a documented exit code, so no command repeats that wiring."""

    def register(function: Callable[..., int]) -> click.Command:
        @functools.wraps(function)
        def callback(**parameters: Any) -> None:
            _run(click.get_current_context(), lambda: function(**parameters))

        return cli.command(epilog=epilog)(callback)

    return register


@_command()
@PATH_ARGUMENT
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
def status(
    path: str,
    languages: tuple[str, ...],
    output_format: str,
    details: bool,
    content: bool,
    no_history: bool,
    no_cache: bool,
) -> int:
    """Show the state of every translation under PATH (default: the current folder).

    In a git work tree, stale and orphaned translations get their provenance (the commit they
    were made from, the commits they missed) and stale ones are grouped by cause.
    """
    from transync.commands.status import status as run_status

    return run_status(
        path,
        languages,
        output_format,
        details,
        not no_history,
        content=content or details,
        cache=not no_cache,
    )


@_command()
@click.argument("target", metavar="TRANSLATION|SOURCE", type=click.Path())
@LANG_OPTION
@click.option("--stat", is_flag=True, help="Show a diffstat instead of the diff.")
@click.option(
    "--root",
    type=click.Path(),
    help="The folder to scan (default: the top of the git work tree).",
)
def diff(target: str, languages: tuple[str, ...], stat: bool, root: str | None) -> int:
    """Show what changed in a source since its translation was made: the diff to port.

    Given a translation, diffs its source from the commit the translation was made from to the
    working tree; given a source, does so for every language, grouped by that commit. Also
    lists the missed commits and the sections (by heading) that changed.
    """
    from transync.commands.diff import diff as run_diff

    return run_diff(target, languages, stat, root)


@_command()
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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "sarif", "junit", "markdown"]),
    default="text",
    show_default=True,
    help="github: annotations (+ job summary); sarif: code scanning; junit: test reports.",
)
@OUTPUT_OPTION
@click.option(
    "--content/--no-content",
    default=True,
    show_default=True,
    help="Run the content checks (tables, links, anchors, structure) as well as the states.",
)
@click.option(
    "--details",
    is_flag=True,
    help="List every problem by language and file, not only one line per cause (text, markdown).",
)
@click.option(
    "--no-history",
    is_flag=True,
    help="Do not read git history (stale translations are grouped by source, not by commit;"
    " --max-age counts from the translation date).",
)
@NO_CACHE_OPTION
def check(
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
    details: bool,
    no_history: bool,
    no_cache: bool,
) -> int:
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
        details=details,
        history=not no_history,
    )
    return run_check(path, options)


# -- bringing translations back in sync (write commands, and the work list) ------------------

WRITE_EPILOG = """\b
Arguments: [PATH] [FILE|GLOB]... -- a first argument that is a folder is the repository
(default: the git work tree around the current folder); files and globs (matched against
translation and source paths) narrow the selection.
\b
Exit codes:
  0  every selected file was brought up to date (or needed nothing)
  1  some selected files were left untouched (each named, with the reason, on stderr)
  2  transync could not run (bad PATH, dirty work tree, unreadable input, git trouble)
  141  the output's reader (head, a pager) stopped reading early, as for any Unix tool
"""
TARGETS_ARGUMENT = click.argument("arguments", nargs=-1, metavar="[PATH] [FILE|GLOB]...")
DRY_RUN_OPTION = click.option(
    "--dry-run", is_flag=True, help="Print a unified diff of every change; write nothing."
)
ALLOW_DIRTY_OPTION = click.option(
    "--allow-dirty",
    is_flag=True,
    help="Write even though the git work tree has uncommitted changes.",
)


def _selection_command(
    *, writes: bool = True, allow_dirty: bool = True
) -> Callable[[Callable[..., int]], click.Command]:
    """A command over `[PATH] [FILE|GLOB]...` and `--lang`; one that `writes` also takes
    `--dry-run` and (unless it only touches records) `--allow-dirty`. The command's own
    options follow these in its help."""

    def register(function: Callable[..., int]) -> click.Command:
        shared = [TARGETS_ARGUMENT, LANG_OPTION]
        if writes:
            shared += [DRY_RUN_OPTION, ALLOW_DIRTY_OPTION] if allow_dirty else [DRY_RUN_OPTION]
        for decorator in reversed(shared):  # the first listed comes first in --help
            function = decorator(function)
        return _command(WRITE_EPILOG if writes else EXIT_CODES_HELP)(function)

    return register


@_selection_command()
def port(
    arguments: tuple[str, ...], languages: tuple[str, ...], dry_run: bool, allow_dirty: bool
) -> int:
    """Carry source changes that need no translator (link targets, code blocks, line
    wrapping) over to stale translations, and record them as up to date."""
    from transync.commands.port import port as run_port

    return run_port(arguments, languages, dry_run=dry_run, allow_dirty=allow_dirty)


@_selection_command(allow_dirty=False)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="SOURCE",
    help="Every translation of SOURCE (repeatable).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Stamp even if the source changed in prose (or, adopting, if git history says so).",
)
@click.option(
    "--adopt",
    is_flag=True,
    help="Record metadata for translations that have none, checked by you against their source.",
)
def stamp(
    arguments: tuple[str, ...],
    languages: tuple[str, ...],
    dry_run: bool,
    sources: tuple[str, ...],
    force: bool,
    adopt: bool,
) -> int:
    """Record that translations reviewed or updated by hand match their source as it is now."""
    from transync.commands.stamp import stamp as run_stamp

    return run_stamp(arguments, languages, sources, force=force, dry_run=dry_run, adopt=adopt)


@_selection_command()
def relocate(
    arguments: tuple[str, ...], languages: tuple[str, ...], dry_run: bool, allow_dirty: bool
) -> int:
    """Move orphaned translations after their moved source, with their links and records."""
    from transync.commands.relocate import relocate as run_relocate

    return run_relocate(arguments, languages, dry_run=dry_run, allow_dirty=allow_dirty)


@_selection_command()
def prune(
    arguments: tuple[str, ...], languages: tuple[str, ...], dry_run: bool, allow_dirty: bool
) -> int:
    """Remove orphaned translations whose source is gone for good, their records and the
    translated images nothing references any more."""
    from transync.commands.prune import prune as run_prune

    return run_prune(arguments, languages, dry_run=dry_run, allow_dirty=allow_dirty)


@_selection_command()
@click.option(
    "--to",
    "target",
    type=click.Choice(["json", "inline"]),
    required=True,
    help="json: the per-language .co-op-translator.json; inline: the block in each page.",
)
def migrate(
    arguments: tuple[str, ...],
    languages: tuple[str, ...],
    dry_run: bool,
    allow_dirty: bool,
    target: str,
) -> int:
    """Move Markdown translations' metadata between inline blocks and sidecars, losing nothing."""
    from transync.commands.migrate import migrate as run_migrate

    return run_migrate(arguments, languages, target, dry_run=dry_run, allow_dirty=allow_dirty)


@_selection_command(writes=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "list", "markdown", "json", "coop-plan"]),
    default="text",
    show_default=True,
    help="text: each language's pages, most urgent first, with words to translate;"
    " list: one source path a line, for a translation run; markdown/json: the same as tables;"
    " coop-plan: what co-op-translator's next run translates, in its plan's JSON schema.",
)
@click.option("-0", "null", is_flag=True, help="With --format list: separate paths with NUL.")
@click.option(
    "--coop-version",
    type=click.Choice(sorted(MODELLED)),
    default=DEFAULT_VERSION,
    show_default=True,
    help="With --format coop-plan: the co-op-translator version whose rules to apply.",
)
def todo(
    arguments: tuple[str, ...],
    languages: tuple[str, ...],
    output_format: str,
    null: bool,
    coop_version: str,
) -> int:
    """Each language's remaining translation work, most urgent first, in course order
    (read-only)."""
    from transync.commands.todo import todo as run_todo

    return run_todo(arguments, languages, output_format, null=null, coop_version=coop_version)


# -- trend and the README's languages table ----------------------------------------------


@_command()
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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "svg"]),
    default="table",
    show_default=True,
    help="json is the transync.history/1 schema (history.json); svg a chart of fresh %.",
)
@OUTPUT_OPTION
def trend(
    path: str,
    limit: int,
    languages: tuple[str, ...],
    output_format: str,
    output: str | None,
) -> int:
    """Show each language's state at the last N commits of PATH's git history.

    Reads the commits from git (no checkout, nothing written to the repository) and judges
    each with today's configuration; results are cached, so a second run is quick.
    """
    if output and output_format == "table":
        raise click.UsageError("--output needs --format json or svg")
    from transync.commands.trend import trend as run_trend

    return run_trend(path, limit, languages, output_format, output)


@_command()
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
@click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when the block is out of date (CI)."
)
def badges(
    readme: str,
    root: str | None,
    insert: str | None,
    site_url: str | None,
    dry_run: bool,
    check: bool,
) -> int:
    """Write the README's languages table: a badge, fresh % and last update per language.

    Only the lines between these two markers are rewritten (co-op-translator's own table
    never is):

    \b
      <!-- transync:languages:start -->
      <!-- transync:languages:end -->
    """
    from transync.commands.badges import badges as run_badges

    return run_badges(readme, root, insert, site_url, dry_run, check)


@_command()
@PATH_ARGUMENT
@click.option("--yes", "-y", is_flag=True, help="Write without asking.")
@click.option("--force", is_flag=True, help="Replace files and a [tool.transync] that exist.")
@click.option("--dry-run", is_flag=True, help="Print what would be written; write nothing.")
def init(path: str, yes: bool, force: bool, dry_run: bool) -> int:
    """Set transync up in the repository at PATH: detect its layouts and languages, then write
    [tool.transync] (pyproject.toml, else transync.toml) and the pull request gate
    .github/workflows/translations.yml. Never overwrites without --force.
    """
    from transync.commands.init import init as run_init

    return run_init(path, yes=yes, force=force, dry_run=dry_run)


@_command()
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
@click.option("--no-history", is_flag=True, help="Do not read git history (no causes).")
@click.option(
    "--content/--no-content",
    default=True,
    show_default=True,
    help="Run the content checks (tables, links, anchors, structure) as well as the states.",
)
@NO_CACHE_OPTION
@click.option(
    "--trend",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Draw each language's fresh % at the last N commits (read from git; history.json).",
)
@click.option("--dry-run", is_flag=True, help="List the files the site would have; write none.")
def dashboard(
    paths: tuple[str, ...],
    output: str,
    from_reports: bool,
    repo_url: str | None,
    ref: str | None,
    badge_thresholds: str | None,
    languages: tuple[str, ...],
    no_history: bool,
    content: bool,
    no_cache: bool,
    trend: int,
    dry_run: bool,
) -> int:
    """Write a static site of the translations under PATH: a page per language, badges, JSON.

    index.html has the languages, the causes of staleness and the sources x languages matrix;
    <lang>.html is that language's work list, most urgent first. With --from, PATHS are
    report.json files of several repositories and the index compares them.
    """
    from transync.commands.dashboard import DashboardOptions, parse_thresholds
    from transync.commands.dashboard import dashboard as run_dashboard

    return run_dashboard(
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
            thresholds=parse_thresholds(badge_thresholds) if badge_thresholds else None,
            trend=trend,
            dry_run=dry_run,
        ),
    )


def _run(context: click.Context, command: Callable[[], int]) -> None:
    """Run a command; turn every error into one line on stderr and a documented exit code."""
    try:
        code = command()
        sys.stdout.flush()  # so that a reader gone early shows here, not at interpreter exit
    except click.ClickException:
        raise  # a usage error found by the command itself: click words it like its own
    except BrokenPipeError:
        # The reader (head, a pager) has what it wanted: stop quietly, as Unix tools do.
        # Python's recipe (docs: signal, "Note on SIGPIPE"): point stdout at devnull so the
        # flush at exit has nowhere to fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        context.exit(EXIT_BROKEN_PIPE)
    except TransyncError as error:
        _fail(context, f"transync: error: {error}", error.exit_code)
    except KeyboardInterrupt:
        _fail(context, "transync: interrupted", EXIT_INTERRUPTED)
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
