"""`transync trend`: how fresh each language was at the last N commits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn, warn, write_output
from transync.errors import TransyncError
from transync.history.trend import compute_trend
from transync.report.formats import TREND
from transync.report.progress import delayed_progress


@dataclass(frozen=True)
class TrendOptions:
    """`transync trend`'s command line, one field per option."""

    path: str = "."
    limit: int = 20
    languages: tuple[str, ...] = ()
    output_format: str = TREND.default
    output: str | None = None

    @property
    def root(self) -> str:
        return self.path

    @property
    def language(self) -> str | None:
        """The one language asked for, which a chart draws alone."""
        return self.languages[0] if len(self.languages) == 1 else None


def trend(options: TrendOptions) -> int:
    chosen = TREND[options.output_format]
    if options.output and not chosen.to_file:
        raise click.UsageError(f"--output needs --format {' or '.join(TREND.to_file)}")
    root = Path(options.path)
    if not root.is_dir():
        raise TransyncError(f"{options.path}: not a folder")
    config = load_config_and_warn(root)
    with delayed_progress("Reading commits") as progress:
        points = compute_trend(root, config, options.limit, options.languages, progress, warn)
    write_output(chosen.render(options, to_terminal=options.output is None, points=points), options)
    return 0
