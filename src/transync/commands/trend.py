"""`transync trend`: how fresh each language was at the last N commits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn, warn
from transync.errors import TransyncError
from transync.history.trend import compute_trend
from transync.report.progress import delayed_progress


def trend(
    path: str,
    limit: int,
    languages: Sequence[str],
    output_format: str,
    output: str | None,
) -> int:
    root = Path(path)
    if not root.is_dir():
        raise TransyncError(f"{path}: not a folder")
    config = load_config_and_warn(root)
    with delayed_progress("Reading commits") as progress:
        points = compute_trend(root, config, limit, languages, progress, warn)
    if output_format == "table":
        from transync.report import trend_table
        from transync.report.terminal import Terminal

        trend_table.render(path, points, Terminal())
        return 0
    if output_format == "json":
        from transync.report import trend_json

        text = trend_json.render(path, points)
    else:
        from transync.report.trend_svg import render_trend_svg

        text = render_trend_svg(points, languages[0] if len(languages) == 1 else None)
    if output is None:
        click.echo(text, nl=False)
    else:
        from transync.fileio import write_atomic

        write_atomic(Path(output), text)
    return 0
