"""Every option more than one command takes, written once so that it reads the same
everywhere; a command's function receives them by name (its options object's fields)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from transync.report.formats import Formats

Function = TypeVar("Function", bound=Callable[..., object])

# PATH arguments are plain click.Path(): a missing or wrong kind of path is the command's own
# one-line error (exit 2), not click's three-line usage error.
PATH_ARGUMENT = click.argument("path", default=".", type=click.Path())
TARGETS_ARGUMENT = click.argument("arguments", nargs=-1, metavar="[PATH] [FILE|GLOB]...")
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
CONTENT_OPTION = click.option(
    "--content/--no-content",
    default=True,
    show_default=True,
    help="Run the content checks (tables, links, anchors, structure) as well as the states.",
)
ALLOW_DIRTY_OPTION = click.option(
    "--allow-dirty",
    is_flag=True,
    help="Write even though the git work tree has uncommitted changes.",
)


def dry_run_option(shows: str = "a unified diff of every change") -> Callable[[Function], Function]:
    """`--dry-run`: every command that writes has it, and says what it shows instead."""
    return click.option("--dry-run", is_flag=True, help=f"Print {shows}; write nothing.")


def details_option(lists: str) -> Callable[[Function], Function]:
    return click.option("--details", is_flag=True, help=f"List {lists}.")


def no_history_option(loses: str) -> Callable[[Function], Function]:
    return click.option("--no-history", is_flag=True, help=f"Do not read git history ({loses}).")


def format_option(formats: Formats) -> Callable[[Function], Function]:
    """`--format`, its choices and default taken from the command's registry of formats."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(formats.names),
        default=formats.default,
        show_default=True,
        help=formats.help,
    )
