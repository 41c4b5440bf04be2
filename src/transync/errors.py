"""Errors that end a command with a one-line message instead of a traceback."""

from __future__ import annotations

# Documented exit codes (README "Exit codes"); every command uses the same three.
EXIT_OK = 0
EXIT_POLICY_FAILED = 1
EXIT_CANNOT_RUN = 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool that SIGPIPE ended


class TransyncError(Exception):
    """A problem the user can fix: bad PATH, bad config, unreadable input, git trouble.

    The message is shown as one line, so it must name the file (or setting) and the problem.
    """

    exit_code = EXIT_CANNOT_RUN


class ConfigError(TransyncError):
    """The configuration file is unreadable or holds a value of the wrong shape."""
