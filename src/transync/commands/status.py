"""`transync status`: what state every translation is in, per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn
from transync.model import Report
from transync.report.formats import STATUS
from transync.report.progress import delayed_progress
from transync.scan import scan


@dataclass(frozen=True)
class StatusOptions:
    """`transync status`'s command line, one field per option."""

    path: str = "."
    languages: tuple[str, ...] = ()
    output_format: str = STATUS.default
    details: bool = False
    content: bool = False
    no_history: bool = False
    no_cache: bool = False


def status(options: StatusOptions) -> int:
    root = Path(options.path)
    config = load_config_and_warn(root)
    with delayed_progress() as progress:
        report = scan(
            root,
            display_root=options.path,
            config=config,
            languages=options.languages,
            progress=progress,
            history=not options.no_history,
            content=options.content or options.details,
            cache=not options.no_cache,
        )
    text = STATUS[options.output_format].render(options, to_terminal=True, report=report)
    if text is not None:
        click.echo(text, nl=False)
    if options.output_format != "json":
        _coop_plan_note(root, report, cache=not options.no_cache)
    return 0


def _coop_plan_note(root: Path, report: Report, *, cache: bool) -> None:
    """One line where co-op-translator's own plan would list current pages as outdated."""
    from transync.coop.forecast import inline_gap
    from transync.report import coop_note
    from transync.sync.files import reader

    gap = inline_gap(root, report.entries, reader(root), use_cache=cache)
    if gap is not None:
        click.echo(coop_note.line(gap))
