"""Errors that end a command with a one-line message instead of a traceback."""

from __future__ import annotations

from collections.abc import Collection
from difflib import get_close_matches

# Documented exit codes (README "Exit codes"); every command uses the same three.
EXIT_OK = 0
EXIT_POLICY_FAILED = 1
EXIT_CANNOT_RUN = 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool that SIGPIPE ended
EXIT_INTERRUPTED = 128 + 2  # what a shell reports for a tool that Ctrl-C (SIGINT) ended


class TransyncError(Exception):
    """A problem the user can fix: bad PATH, bad config, unreadable input, git trouble.

    The message is shown as one line, so it must name the file (or setting) and the problem.
    """

    exit_code = EXIT_CANNOT_RUN


class ConfigError(TransyncError):
    """The configuration file is unreadable or holds a value of the wrong shape."""


def suggestion(word: str, names: Collection[str]) -> str:
    """`did you mean 'stale'?` (a name spelt in another case first), or every name when
    none is close: what an error about an unknown name ends with."""
    same = sorted(name for name in names if name.lower() == word.lower())
    close = same or get_close_matches(word, sorted(names), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"known: {', '.join(sorted(names))}"
