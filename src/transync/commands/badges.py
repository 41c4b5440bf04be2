"""`transync badges README.md`: keep the README's languages table (badges, fresh %, last
updated) in step with the translations."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn
from transync.discover.tree import WorkTree
from transync.errors import EXIT_OK, EXIT_POLICY_FAILED, TransyncError
from transync.fileio import Refused, read_inside
from transync.inert import shown_lines
from transync.model import Report, State
from transync.report.dashboard.badges import Thresholds
from transync.report.rollup_text import plural
from transync.scan import scan
from transync.sync.languages_block import language_rows, replace_block, table_lines


@dataclass(frozen=True)
class BadgesOptions:
    """`transync badges`'s command line, one field per option."""

    readme: str
    root: str | None = None
    insert: str | None = None
    site_url: str | None = None
    dry_run: bool = False
    check: bool = False


def badges(options: BadgesOptions) -> int:
    """Rewrite the block; with `dry_run` print the diff instead, with `check` exit 1 when the
    block is out of date (and write nothing either)."""
    path = Path(options.readme)
    scan_root = Path(options.root) if options.root is not None else path.parent
    # The README is read and written as a file of the repository when it lies in it (of its
    # own folder otherwise): never through a link leading out, never a pipe or a device.
    home = scan_root if _inside(path, scan_root) is not None else path.parent
    text = _read(path, options.readme, os.path.realpath(home))
    config = load_config_and_warn(scan_root)
    readme_folder = os.path.abspath(path.parent)

    def folder_link(folder: str) -> str:
        target = os.path.abspath(scan_root / folder)
        return Path(os.path.relpath(target, readme_folder)).as_posix()

    def rewritten(tree: WorkTree | None) -> tuple[str, Report]:
        # History only estimates translations without metadata: one more figure to show.
        report = scan(scan_root, config=config, tree=tree, history=True)
        thresholds = Thresholds(*config.badge_thresholds)
        block = table_lines(language_rows(report, folder_link, thresholds), options.site_url)
        return replace_block(text, block, insert_after=options.insert, name=options.readme), report

    updated, report = rewritten(None)
    inside = _inside(path, scan_root)
    if updated != text and inside is not None:
        # The README is often a translated source: writing the table changes its hash and
        # stales its translations. Judge the README as it will be written, so the table
        # states what is true after the write (and `--check` passes right after it).
        current = {
            e.language for e in report.entries if e.source == inside and e.state is State.CURRENT
        }
        updated, report = rewritten(WorkTree(scan_root, {inside: updated.encode()}))
        if current and not options.check:
            click.echo(
                f"transync: warning: {options.readme} is translated: writing it makes its"
                f" translations stale in {plural(len(current), 'language')}"
                " until they are synced again",
                err=True,
            )
    if updated == text:
        click.echo(f"{options.readme}: the languages block is up to date", err=True)
        return EXIT_OK
    if options.dry_run:
        click.echo(shown_lines(_diff(text, updated, options.readme)), nl=False)
    if options.check:
        click.echo(
            f"{options.readme}: the languages block is out of date;"
            f" run 'transync badges {options.readme}'",
            err=True,
        )
        return EXIT_POLICY_FAILED
    if not options.dry_run:
        from transync.fileio import inside_root, write_atomic

        write_atomic(inside_root(home, _inside(path, home) or path.name), updated)
        click.echo(
            f"{options.readme}: languages block written ({len(report.languages)} languages)",
            err=True,
        )
    return EXIT_OK


def _inside(path: Path, root: Path) -> str | None:
    """`path` relative to `root` (POSIX), or None when it lies outside."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if relative == ".." or relative.startswith(".." + os.sep):
        return None
    return Path(relative).as_posix()


def _read(path: Path, name: str, real_root: str) -> str:
    try:
        data = read_inside(path, real_root)
    except Refused as refusal:
        raise TransyncError(f"{name}: {refusal.strerror}") from None
    except OSError as error:
        raise TransyncError(f"{name}: cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise TransyncError(f"{name}: not UTF-8 text; not rewritten") from None


def _diff(before: str, after: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            name,
            name,
        )
    )
