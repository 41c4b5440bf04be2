"""What every command does before scanning: read the configuration and say what it ignored;
and what a command whose output scripts read says beside it, on stderr."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import click

from transync.config import Config, load_config
from transync.history import HISTORY_UNKNOWN
from transync.inert import one_line
from transync.model import Finding


def warn(message: str) -> None:
    click.echo(one_line(f"transync: warning: {message}"), err=True)


def warn_history_gaps(findings: Iterable[Finding]) -> None:
    """Which history facts are unknown and why (the `history-unknown` finding), in one line
    on stderr: for the commands whose output is a list or a diff, not a report."""
    for finding in findings:
        if finding.check == HISTORY_UNKNOWN:
            warn(finding.message)


def load_config_and_warn(root: Path) -> Config:
    """Load the config for `root`, printing its warnings (unknown keys) on stderr.

    A check the configuration names that transync does not know stops the run (exit 2): a
    misspelled `checks = { "brokn-link" = "off" }` would otherwise silently change nothing.
    """
    config = load_config(root) if root.is_dir() else Config()
    for warning in config.warnings:
        warn(warning)
    if config.severities:
        from transync.policy.kinds import known_checks, require_known

        names = known_checks()
        for check in config.severities:
            require_known(check, names, f"{config.source or 'config'} checks", "check")
    return config


class _Destination(Protocol):
    @property
    def output(self) -> str | None: ...


def write_output(text: str | None, options: _Destination) -> None:
    """Where `--output` sends a rendered format: FILE, written atomically, else stdout. None
    is a format that went straight to the terminal."""
    if text is None:
        return
    if options.output is None:
        click.echo(text, nl=False)
    else:
        from transync.fileio import write_atomic

        write_atomic(Path(options.output), text)
