"""The `transync` group, how a command is registered, and how its errors end: one line on
stderr and a documented exit code."""

from __future__ import annotations

import functools
import gc
import io
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from transync import __version__
from transync.errors import EXIT_BROKEN_PIPE, EXIT_CANNOT_RUN, EXIT_INTERRUPTED, TransyncError
from transync.inert import printable

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


def command(epilog: str = EXIT_CODES_HELP) -> Callable[[Callable[..., int]], click.Command]:
    """Register a command whose function returns its exit code: `_run` turns what it raises
    into one line and a documented exit code, so no command repeats that wiring."""

    def register(function: Callable[..., int]) -> click.Command:
        @functools.wraps(function)
        def callback(**parameters: Any) -> None:
            _run(click.get_current_context(), lambda: function(**parameters))

        return cli.command(epilog=epilog)(callback)

    return register


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
    # A run builds tens of thousands of records, findings and cache entries, none of them
    # garbage until it ends: with the default thresholds the cyclic collector traversed them
    # again and again for nothing (a tenth of a re-run `check`). What is imported by now is
    # never collected; the rest is, 200,000 allocations apart (mypy's setting, for the same
    # reason). Reference counting frees as usual.
    gc.freeze()
    gc.set_threshold(200_000, 30, 30)
    cli(prog_name="transync")
