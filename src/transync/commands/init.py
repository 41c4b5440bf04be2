"""`transync init`: find the layouts and languages, show them, and write the configuration and
the pull request gate after confirmation (or `--yes`); `--dry-run` prints them instead."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from transync.classify import classify
from transync.config import Config
from transync.discover import discover
from transync.errors import TransyncError
from transync.inert import one_line, shown_lines
from transync.model import Kind, Layout
from transync.report.rollup_text import plural
from transync.sync import init as files

_VERBS = {
    files.Action.CREATE: "create",
    files.Action.APPEND: "add [tool.transync] to",
    files.Action.REPLACE: "replace",
    files.Action.KEEP: "keep",
}


@dataclass(frozen=True)
class InitOptions:
    """`transync init`'s command line, one field per option."""

    path: str = "."
    yes: bool = False
    force: bool = False
    dry_run: bool = False


def init(options: InitOptions) -> int:
    root = Path(options.path)
    # Detection only: whatever a config says today is what init is about to rewrite.
    inventory = discover(root, Config())
    # Counted as `status` counts them, so that both give the same figures in the same words.
    entries = classify(root, inventory).entries
    languages = sorted({folder.code for folder in inventory.folders})
    click.echo(f"Found in {options.path}:")
    for layout in inventory.layouts:
        codes = sorted(folder.code for folder in inventory.folders if folder.layout == layout)
        count = sum(
            1
            for entry in entries
            if entry.kind is not Kind.IMAGE
            and entry.folder is not None
            and entry.folder.layout == layout
        )
        mirrored = "the root" if layout.sources == "." else f"{layout.sources}/"
        click.echo(
            one_line(
                f"  {_translations(layout)} mirrors {mirrored}: {', '.join(codes)}"
                f" ({plural(len(inventory.sources[layout]), 'source')},"
                f" {plural(count, 'translated page')})"
            )
        )
    # Pages and images named and counted as `status` names and counts them.
    images = [entry for entry in entries if entry.kind is Kind.IMAGE]
    if images:
        codes = sorted({entry.language for entry in images})
        click.echo(
            one_line(
                f"  translated_images/: {', '.join(codes)}"
                f" ({plural(len(images), 'translated image')})"
            )
        )
    if not inventory.layouts:
        raise TransyncError(f"{options.path}: only translated images found; no layout to configure")

    planned = files.plan(
        root, files.config_section(inventory.layouts, languages), force=options.force
    )
    click.echo("")
    for item in planned:
        kept = " (exists; --force replaces it)" if item.action is files.Action.KEEP else ""
        click.echo(f"  {_VERBS[item.action]} {item.path.as_posix()}{kept}")
    if options.dry_run:
        for item in planned:
            if item.action is not files.Action.KEEP:
                click.echo(f"\n--- {item.path.as_posix()} ({item.action.value}) ---")
                click.echo(shown_lines(item.added), nl=False)
        return 0
    if all(item.action is files.Action.KEEP for item in planned):
        click.echo("Nothing to write.")
        return 0
    if not options.yes and not click.confirm("Write these files?", default=True):
        click.echo("Nothing written.")
        return 0
    files.write(root, planned)
    click.echo("Written. Next: commit them, and `transync check` runs on every pull request.")
    return 0


def _translations(layout: Layout) -> str:
    """`translations/<lang>/`, or `docs/**/*.<lang>.md` for a suffix layout."""
    return f"{layout.translations}/**/*.<lang>.md" if layout.suffix else f"{layout.translations}/"
