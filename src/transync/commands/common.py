"""What every command does before scanning: read the configuration and say what it ignored."""

from __future__ import annotations

from pathlib import Path

import click

from transync.config import Config, load_config


def load_config_and_warn(root: Path) -> Config:
    """Load the config for `root`, printing its warnings (unknown keys) on stderr."""
    config = load_config(root) if root.is_dir() else Config()
    for warning in config.warnings:
        click.echo(f"transync: warning: {warning}", err=True)
    return config
