"""What every command does before scanning: read the configuration and say what it ignored."""

from __future__ import annotations

from pathlib import Path

import click

from transync.config import Config, load_config
from transync.inert import one_line


def load_config_and_warn(root: Path) -> Config:
    """Load the config for `root`, printing its warnings (unknown keys) on stderr.

    A check the configuration names that transync does not know stops the run (exit 2): a
    misspelled `checks = { "brokn-link" = "off" }` would otherwise silently change nothing.
    """
    config = load_config(root) if root.is_dir() else Config()
    for warning in config.warnings:
        click.echo(one_line(f"transync: warning: {warning}"), err=True)
    if config.severities:
        from transync.policy.kinds import known_checks, require_known

        names = known_checks()
        for check in config.severities:
            require_known(check, names, f"{config.source or 'config'} checks", "check")
    return config
