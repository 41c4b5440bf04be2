"""What every write command does around its plan: find the repository and the files asked
for, refuse a dirty work tree, run the plan (or show it) and say what changed.

Write commands exit 0 when every selected file was brought up to date (or needed nothing),
1 when some were left untouched (each with its reason on stderr), 2 when they could not run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import click

from transync.commands.common import load_config_and_warn, warn_history_gaps
from transync.errors import EXIT_OK, EXIT_POLICY_FAILED, TransyncError
from transync.fileio import read_inside
from transync.inert import printable
from transync.model import Kind, Report, State, TranslationEntry
from transync.paths import matches_any
from transync.report.progress import delayed_progress
from transync.report.rollup_text import in_languages
from transync.rollup import by_cause
from transync.scan import scan
from transync.sync.execute import execute
from transync.sync.files import Referenced
from transync.sync.plan import Plan
from transync.text import plural

_GLOB = re.compile(r"[*?\[]")
_WOULD = {"wrote": "would write", "created": "would create", "removed": "would remove"}


@dataclass(frozen=True)
class Selection:
    """The repository root and the files asked for (root-relative paths or globs; none: all)."""

    root: Path
    patterns: tuple[str, ...]

    def wants(self, entry: TranslationEntry) -> bool:
        return any(self.wants_path(path) for path in (entry.translation, entry.source))

    def wants_path(self, path: str) -> bool:
        return not self.patterns or matches_any(path, self.patterns)


def select(arguments: Sequence[str]) -> Selection:
    """`[PATH] [FILE|GLOB]...`: a first argument that is a folder is the root; otherwise the
    root is the git work tree around the current folder (or the current folder)."""
    if arguments and Path(arguments[0]).is_dir():
        root, rest = Path(arguments[0]), arguments[1:]
    else:
        root, rest = _default_root(), arguments
    for argument in rest:
        # A mistyped path must not widen the selection to nothing in particular.
        if not _GLOB.search(argument) and not any(
            os.path.lexists(path) for path in (argument, root / argument)
        ):
            raise TransyncError(f"{argument}: no such file or folder")
    return Selection(root, tuple(as_root_relative(root, argument) for argument in rest))


def _default_root() -> Path:
    from transync.history.git_log import open_repo

    repo = open_repo(Path.cwd())
    return Path(repo.working_tree_dir) if repo and repo.working_tree_dir else Path(".")


def as_root_relative(root: Path, argument: str) -> str:
    """A file or folder given by its path from the current folder, inside the root, as a
    root-relative path; anything else is taken as root-relative already (a path or a glob)."""
    if not os.path.lexists(argument):
        return argument
    written = os.path.abspath(argument)
    # As written first: `translations/fr/a.md`, a link to `../ja/a.md`, names the French file
    # (which is then not written through), never the Japanese one. Through the links of the
    # folders above only when the root is reached another way (a root given through a link).
    located = os.path.join(os.path.realpath(os.path.dirname(written)), os.path.basename(written))
    for path, base in ((written, os.path.abspath(root)), (located, os.path.realpath(root))):
        if path == base or path.startswith(base.rstrip(os.sep) + os.sep):
            return os.path.relpath(path, base).replace(os.sep, "/")
    return argument


@dataclass(frozen=True)
class Scope:
    """What a write command works on: the repository, its scan, and the entries chosen."""

    root: Path
    report: Report
    chosen: list[TranslationEntry]


@dataclass(frozen=True)
class SelectionOptions:
    """The command line every selection command shares (port, relocate, prune; migrate and
    stamp add theirs), one field per option."""

    arguments: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    dry_run: bool = False
    allow_dirty: bool = False


def scope(
    options: SelectionOptions,
    *,
    states: Collection[State] | None = None,
    history: bool = True,
) -> Scope:
    """The prologue every write command shares: select, refuse a dirty tree (unless only
    showing), scan, and keep the selected entries (in one of `states`, when given)."""
    selection = select(options.arguments)
    if not options.dry_run:
        refuse_dirty(selection.root, options.allow_dirty)
    report = scan_repository(selection.root, options.languages, history=history)
    chosen = [
        entry
        for entry in report.entries
        if (states is None or entry.state in states) and selection.wants(entry)
    ]
    return Scope(selection.root, report, chosen)


def scan_repository(root: Path, languages: Iterable[str], *, history: bool = True) -> Report:
    config = load_config_and_warn(root)
    with delayed_progress() as progress:
        report = scan(root, config=config, languages=languages, progress=progress, history=history)
    warn_history_gaps(report.findings)
    return report


def with_provenance(
    root: Path, report: Report, entries: Sequence[TranslationEntry]
) -> list[TranslationEntry]:
    """`entries` with the provenance of their records. A failed translation's record is
    judged like a stale one's: both were made from an older version of the source."""
    from transync.history import attach_history, layout_folders, translation_folders

    judged = [
        replace(entry, state=State.STALE) if entry.state is State.FAILED else entry
        for entry in entries
    ]
    attached, _, gaps = attach_history(
        root,
        judged,
        translation_folders(report.layouts),
        estimates=layout_folders(report.layouts),
    )
    warn_history_gaps(gaps)
    return [replace(new, state=old.state) for old, new in zip(entries, attached, strict=True)]


def refuse_dirty(root: Path, allow_dirty: bool) -> None:
    """A write on top of uncommitted edits could not be reviewed or undone on its own."""
    if allow_dirty:
        return
    from transync.history.git_log import open_repo

    repo = open_repo(root)
    if repo is None:
        return
    relative = os.path.relpath(
        os.path.realpath(root), os.path.realpath(repo.working_tree_dir or root)
    )
    if repo.is_dirty(untracked_files=True, path=None if relative == "." else relative):
        raise TransyncError(
            f"{root}: the work tree has uncommitted changes; commit or stash them first, or"
            " pass --allow-dirty"
        )


def in_git(root: Path) -> bool:
    from transync.history.git_log import open_repo

    return open_repo(root) is not None


def carry_out(
    root: Path, plan: Plan, *, dry_run: bool, git: bool = False, languages: Collection[str] = ()
) -> int:
    """Run (or show) the plan, list what changed and what was left alone, return the exit code.
    A change made alike in several of `languages` (the same file in each one's folder) is
    one line naming them."""
    outcome = execute(root, plan, dry_run=dry_run, echo=click.echo, git=git)
    verb = "would change" if dry_run else "changed"
    codes = frozenset(languages)
    changes = by_cause(
        (_language_of(path, codes), f"{_WOULD[how] if dry_run else how} {path}")
        for how, path in zip(outcome.how, outcome.changed, strict=True)
    )
    for sentence, named in changes:
        if len(named) > 1:
            sentence = f"{sentence} {in_languages(named)}"
        click.echo(printable(sentence), err=dry_run)
    # One line per reason however many languages it holds in.
    causes = by_cause((skip.language, f"{skip.path}: {skip.reason}") for skip in plan.skipped)
    for sentence, languages in causes:
        if len(languages) > 1:
            path, _, reason = sentence.partition(": ")
            sentence = f"{path} {in_languages(languages)}: {reason}"
        click.echo(printable(f"left {sentence}"), err=True)
    summary = f"transync: {verb} {plural(len(outcome.changed), 'file')}"
    if plan.skipped:
        summary += f", left {len(plan.skipped)} untouched"
    click.echo(summary, err=True)
    return EXIT_POLICY_FAILED if plan.skipped else EXIT_OK


def _language_of(path: str, codes: frozenset[str]) -> str | None:
    """The language whose folder `path` lies in (`translations/ar/x.md`: ar), if any."""
    return next((part for part in path.split("/")[:-1] if part in codes), None)


def references(root: Path, report: Report) -> Referenced:
    """Every page (translation or source) that exists, read once, searched by file name."""
    pages = {
        path
        for entry in report.entries
        if entry.kind is not Kind.IMAGE and entry.state is not State.MISSING
        for path in (entry.translation, entry.source)
    }
    real_root = os.path.realpath(root)
    texts: dict[str, bytes] = {}
    for path in sorted(pages):
        try:
            texts[path] = read_inside(root / path, real_root)
        except OSError:
            continue  # absent, or refused (a link leading out, a pipe, a device)

    def referenced(name: str, excluding: frozenset[str]) -> bool:
        needle = name.encode("utf-8")
        return any(needle in text for path, text in texts.items() if path not in excluding)

    return referenced
