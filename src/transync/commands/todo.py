"""`transync todo`: the remaining translation work, per language (read-only).

Wiring only: select -> scan with history -> work list (`transync.worklist`) -> one renderer.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from transync.commands.writing import scan_repository, select
from transync.sync.files import reader
from transync.worklist import work_list


def todo(
    arguments: Sequence[str], languages: Sequence[str], output_format: str, *, null: bool
) -> int:
    selection = select(arguments)
    report = scan_repository(selection.root, languages)
    chosen = [entry for entry in report.entries if selection.wants(entry)]
    work = work_list(chosen, reader(selection.root))
    if output_format == "json":
        from transync.report import todo_json

        text = todo_json.render(work)
    elif output_format == "markdown":
        from transync.report import todo_markdown

        text = todo_markdown.render(work)
    else:
        from transync.report import todo_list

        text = todo_list.render(work, null=null)
    click.echo(text, nl=False)
    return 0
