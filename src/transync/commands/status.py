"""`transync status`: what state every translation is in, per language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn
from transync.model import Report
from transync.report.progress import delayed_progress
from transync.scan import scan


def status(
    path: str,
    languages: Sequence[str],
    output_format: str,
    details: bool,
    history: bool = True,
    *,
    content: bool = False,
    cache: bool = True,
) -> int:
    root = Path(path)
    config = load_config_and_warn(root)
    with delayed_progress() as progress:
        report = scan(
            root,
            display_root=path,
            config=config,
            languages=languages,
            progress=progress,
            history=history,
            content=content,
            cache=cache,
        )
    if output_format == "json":
        from transync.report import json_report

        click.echo(json_report.render(report), nl=False)
    elif output_format == "markdown":
        from transync.report import markdown

        click.echo(markdown.render(report, details=details), nl=False)
    else:
        from transync.report import table
        from transync.report.terminal import Terminal

        table.render(report, Terminal(), details=details)
    if output_format != "json":
        _coop_plan_note(root, report, cache=cache)
    return 0


def _coop_plan_note(root: Path, report: Report, *, cache: bool) -> None:
    """One line where co-op-translator's own plan would list current pages as outdated."""
    from transync.coop.forecast import inline_gap
    from transync.report import coop_note
    from transync.sync.files import reader

    gap = inline_gap(root, report.entries, reader(root), use_cache=cache)
    if gap is not None:
        click.echo(coop_note.line(gap))
