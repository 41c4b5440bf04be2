"""`transync todo`: the remaining translation work, per language (read-only).

Wiring only: select -> scan with history and content (the pages found empty or cut off are
the most urgent work) -> work list (`transync.worklist`) -> one renderer; `coop-plan`:
select -> scan -> co-op-translator's forecast (`transync.coop`) -> its renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn
from transync.commands.writing import Selection, scan_repository, select
from transync.model import TranslationEntry
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
    arguments: Sequence[str],
    languages: Sequence[str],
    output_format: str,
    *,
    null: bool,
    coop_version: str | None = None,
) -> int:
    selection = select(arguments)
    if output_format == "coop-plan":
        click.echo(_coop_plan(selection, languages, coop_version), nl=False)
        return 0
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
    if output_format != "json":
        _coop_plan_note(selection.root, chosen)
    return 0


def _coop_plan_note(root: Path, entries: Sequence[TranslationEntry]) -> None:
    """On stderr: the list on stdout feeds a translation run."""
    from transync.coop.forecast import inline_gap
    from transync.report import coop_note

    gap = inline_gap(root, entries, reader(root))
    if gap is not None:
        click.echo(coop_note.line(gap), err=True)


def _coop_plan(selection: Selection, languages: Sequence[str], version: str | None) -> str:
    """Every language folder is scanned: co-op-translator's code (`zh-TW`) may name an alias
    folder (`tw`) that it renames first."""
    from transync.coop.forecast import forecast, plan_only_sources
    from transync.report import coop_plan

    report = scan_repository(selection.root, (), history=False)
    chosen = [entry for entry in report.entries if selection.wants(entry)]
    extra = {
        layout: [source for source in sources if selection.wants_path(source)]
        for layout, sources in plan_only_sources(
            str(selection.root), report.layouts, version
        ).items()
    }
    plan = forecast(chosen, reader(selection.root), languages, version=version, plan_only=extra)
    root = selection.root.resolve()
    layout = plan.languages[0].layout if plan.languages else None
    source = (root / layout.sources).resolve() if layout else root
    output = (root / layout.container).resolve() if layout else root / "translations"
    inside = output.is_relative_to(source)
    return coop_plan.render(
        plan, source.as_posix(), output.as_posix(), (output.as_posix(),) if inside else ()
    )
