"""The commands that write: port, stamp, relocate, prune, migrate (over a selection of
files) and init. Each writes atomically and has --dry-run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from transync.cli.app import EXIT_CODES_HELP, command
from transync.cli.options import (
    ALLOW_DIRTY_OPTION,
    LANG_OPTION,
    PATH_ARGUMENT,
    TARGETS_ARGUMENT,
    dry_run_option,
)

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


def _selectioncommand(
    *, writes: bool = True, allow_dirty: bool = True
) -> Callable[[Callable[..., int]], click.Command]:
    """A command over `[PATH] [FILE|GLOB]...` and `--lang`; one that `writes` also takes
    `--dry-run` and (unless it only touches records) `--allow-dirty`. The command's own
    options follow these in its help."""

    def register(function: Callable[..., int]) -> click.Command:
        shared = [TARGETS_ARGUMENT, LANG_OPTION]
        if writes:
            shared += [dry_run_option(), ALLOW_DIRTY_OPTION] if allow_dirty else [dry_run_option()]
        for decorator in reversed(shared):  # the first listed comes first in --help
            function = decorator(function)
        return command(WRITE_EPILOG if writes else EXIT_CODES_HELP)(function)

    return register


@_selectioncommand()
def port(**options: Any) -> int:
    """Carry source changes that need no translator (link targets, code blocks, line
    wrapping) over to stale translations, and record them as up to date."""
    from transync.commands.port import port as run_port
    from transync.commands.writing import SelectionOptions

    return run_port(SelectionOptions(**options))


@_selectioncommand(allow_dirty=False)
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
def stamp(**options: Any) -> int:
    """Record that translations reviewed or updated by hand match their source as it is now."""
    from transync.commands.stamp import StampOptions
    from transync.commands.stamp import stamp as run_stamp

    return run_stamp(StampOptions(**options))


@_selectioncommand()
def relocate(**options: Any) -> int:
    """Move orphaned translations after their moved source, with their links and records."""
    from transync.commands.relocate import relocate as run_relocate
    from transync.commands.writing import SelectionOptions

    return run_relocate(SelectionOptions(**options))


@_selectioncommand()
def prune(**options: Any) -> int:
    """Remove orphaned translations whose source is gone for good, their records and the
    translated images nothing references any more."""
    from transync.commands.prune import prune as run_prune
    from transync.commands.writing import SelectionOptions

    return run_prune(SelectionOptions(**options))


@_selectioncommand()
@click.option(
    "--to",
    "target",
    type=click.Choice(["json", "inline"]),
    required=True,
    help="json: the per-language .co-op-translator.json; inline: the block in each page.",
)
def migrate(**options: Any) -> int:
    """Move Markdown translations' metadata between inline blocks and sidecars, losing nothing."""
    from transync.commands.migrate import MigrateOptions
    from transync.commands.migrate import migrate as run_migrate

    return run_migrate(MigrateOptions(**options))


@command()
@PATH_ARGUMENT
@click.option("--yes", "-y", is_flag=True, help="Write without asking.")
@click.option("--force", is_flag=True, help="Replace files and a [tool.transync] that exist.")
@dry_run_option("what would be written")
def init(**options: Any) -> int:
    """Set transync up in the repository at PATH: detect its layouts and languages, then write
    [tool.transync] (pyproject.toml, else transync.toml) and the pull request gate
    .github/workflows/translations.yml. Never overwrites without --force.
    """
    from transync.commands.init import InitOptions
    from transync.commands.init import init as run_init

    return run_init(InitOptions(**options))
