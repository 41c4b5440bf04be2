"""`transync todo`: the remaining translation work, per language (read-only).

Wiring only: select -> scan with history and content (the pages found empty or cut off are
the most urgent work) -> work list (`transync.worklist`) -> one renderer; `coop-plan`:
select -> scan -> co-op-translator's forecast (`transync.coop`) -> its renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from transync.commands.common import load_config_and_warn
from transync.commands.writing import Selection, scan_repository, select
from transync.coop import DEFAULT_VERSION
from transync.model import TranslationEntry
from transync.report.formats import TODO
from transync.report.progress import delayed_progress
from transync.scan import scan
from transync.sync.files import reader
from transync.worklist import work_list


@dataclass(frozen=True)
class TodoOptions:
    """`transync todo`'s command line, one field per option."""

    arguments: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    output_format: str = TODO.default
    null: bool = False
    coop_version: str = DEFAULT_VERSION


def todo(options: TodoOptions) -> int:
    selection = select(options.arguments)
    chosen = TODO[options.output_format]
    inputs = _INPUTS[chosen.reads](selection, options)
    click.echo(chosen.render(options, **inputs), nl=False)
    if "entries" in inputs and options.output_format != "json":
        _coop_plan_note(selection.root, inputs["entries"])
    return 0


def _work(selection: Selection, options: TodoOptions) -> dict[str, Any]:
    config = load_config_and_warn(selection.root)
    with delayed_progress() as progress:
        report = scan(
            selection.root,
            config=config,
            languages=options.languages,
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
    return {"root": str(selection.root), "work": work, "entries": chosen}


def _coop_plan_note(root: Path, entries: Sequence[TranslationEntry]) -> None:
    """On stderr: the list on stdout feeds a translation run."""
    from transync.coop.forecast import inline_gap
    from transync.report import coop_note

    gap = inline_gap(root, entries, reader(root))
    if gap is not None:
        click.echo(coop_note.line(gap), err=True)


def _forecast(selection: Selection, options: TodoOptions) -> dict[str, Any]:
    """Every language folder is scanned: co-op-translator's code (`zh-TW`) may name an alias
    folder (`tw`) that it renames first."""
    from transync.coop.forecast import forecast, plan_only_sources

    version = options.coop_version

    report = scan_repository(selection.root, (), history=False)
    chosen = [entry for entry in report.entries if selection.wants(entry)]
    extra = {
        layout: [source for source in sources if selection.wants_path(source)]
        for layout, sources in plan_only_sources(
            str(selection.root), report.layouts, version
        ).items()
    }
    plan = forecast(
        chosen, reader(selection.root), options.languages, version=version, plan_only=extra
    )
    root = selection.root.resolve()
    layout = plan.languages[0].layout if plan.languages else None
    source = (root / layout.sources).resolve() if layout else root
    output = (root / layout.container).resolve() if layout else root / "translations"
    inside = output.is_relative_to(source)
    return {
        "forecast": plan,
        "source": source.as_posix(),
        "output": output.as_posix(),
        "exclude": (output.as_posix(),) if inside else (),
    }


# What each format reads (`Format.reads`): the work list, or co-op-translator's forecast.
_INPUTS: Mapping[str, Callable[[Selection, TodoOptions], dict[str, Any]]] = {
    "work": _work,
    "forecast": _forecast,
}
