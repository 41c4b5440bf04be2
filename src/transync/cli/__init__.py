"""Command-line entry point: parses arguments and hands them to `transync.commands`.

`app` holds the group and the error handling, `options` every option more than one command
takes; the commands are wired by family: `read` (status, check, diff, todo, trend), `site`
(badges, dashboard) and `write` (port, stamp, relocate, prune, migrate, init). Heavy libraries
(rich, markdown-it-py, gitpython) are imported by the commands that use them, so
`transync --help` stays fast.
"""

from __future__ import annotations

from transync.cli import read, site, write
from transync.cli.app import cli, main

__all__ = ["cli", "main", "read", "site", "write"]

if __name__ == "__main__":
    main()
