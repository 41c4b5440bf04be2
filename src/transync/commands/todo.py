"""`transync todo`: the remaining translation work, per language (read-only).

Wiring only: select -> scan with history and content (the pages found empty or cut off are
the most urgent work) -> work list (`transync.worklist`) -> one renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click

from transync.commands.common import load_config_and_warn
from transync.commands.writing import select
from transync.report.progress import delayed_progress
from transync.scan import scan
from transync.sync.files import reader
from transync.worklist import LanguageWork, work_list


def _text(root: str, work: tuple[LanguageWork, ...], null: bool) -> str:
    from transync.report import todo_text

    return todo_text.render(root, work)


def _list(root: str, work: tuple[LanguageWork, ...], null: bool) -> str:
    from transync.report import todo_list

    return todo_list.render(work, null=null)


def _markdown(root: str, work: tuple[LanguageWork, ...], null: bool) -> str:
    from transync.report import todo_markdown

    return todo_markdown.render(work)


def _json(root: str, work: tuple[LanguageWork, ...], null: bool) -> str:
    from transync.report import todo_json

    return todo_json.render(work)


# One renderer per `--format`: a new format is one function and one line here.
RENDERERS: dict[str, Callable[[str, tuple[LanguageWork, ...], bool], str]] = {
    "text": _text,
    "list": _list,
    "markdown": _markdown,
    "json": _json,
}


def todo(
    arguments: Sequence[str], languages: Sequence[str], output_format: str, *, null: bool
) -> int:
    selection = select(arguments)
    config = load_config_and_warn(selection.root)
    with delayed_progress() as progress:
        report = scan(
            selection.root,
            config=config,
            languages=languages,
            progress=progress,
            history=True,
            content=True,
        )
    chosen = [entry for entry in report.entries if selection.wants(entry)]
    work = work_list(
        chosen,
        reader(selection.root),
        findings=report.findings,
        roots=[layout.sources for layout in report.layouts],
        meta_files=config.meta_files,
    )
    click.echo(RENDERERS[output_format](str(selection.root), work, null), nl=False)
    return 0
