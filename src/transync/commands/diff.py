"""`transync diff`: what changed in a source since its translation was made, i.e. what to port."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from transync.commands.common import load_config_and_warn, warn_history_gaps
from transync.errors import TransyncError
from transync.history.reach import estimable
from transync.model import EstimatedState, State, TranslationEntry
from transync.rollup import by_cause
from transync.scan import scan

if TYPE_CHECKING:
    from transync.history.source_diff import SourceDiff


@dataclass(frozen=True)
class DiffOptions:
    """`transync diff`'s command line, one field per option."""

    target: str
    languages: tuple[str, ...] = ()
    stat: bool = False
    root: str | None = None


def diff(options: DiffOptions) -> int:
    from transync.config import OFF
    from transync.history import attach_history, layout_folders, translation_folders
    from transync.history.blob_reader import BlobReader
    from transync.history.git_log import open_repo
    from transync.history.source_diff import source_diffs
    from transync.report import diff_view

    path = Path(options.target)
    repo = open_repo(path.parent if not path.is_dir() else path)
    if repo is None or repo.working_tree_dir is None:
        raise TransyncError(f"{options.target}: not in a git work tree with commits")
    root = Path(options.root) if options.root else Path(repo.working_tree_dir)
    relative = _relative(path, root, options.target)
    config = load_config_and_warn(root)
    report = scan(root, config=config, languages=options.languages)
    chosen = [entry for entry in report.entries if relative in (entry.translation, entry.source)]
    estimates = layout_folders(report.layouts) if config.estimates != OFF else None
    if chosen and all(entry.state is State.MISSING for entry in chosen) and estimates:
        # Translations without metadata may wait at the source's old path (moved).
        chosen = _moved_here(
            root, report.entries, relative, translation_folders(report.layouts), estimates
        )
    if not chosen:
        if not path.exists():
            raise TransyncError(f"{options.target}: no such file")
        raise TransyncError(
            f"{options.target}: neither a translation nor a translated source under {root}"
            + (f" (in {', '.join(options.languages)})" if options.languages else "")
        )
    if all(entry.state is State.MISSING for entry in chosen):
        raise TransyncError(
            f"{options.target}: not translated (every translation of it is missing)"
        )
    attached, _, gaps = attach_history(
        root, chosen, translation_folders(report.layouts), estimates=estimates
    )
    diffable = [entry for entry in attached if not _nothing_to_port(entry)]
    with BlobReader(root) as read_blob:
        diffs = source_diffs(root, diffable, read_blob)
    others = by_cause(
        (entry.language, diff_view.describe_other(entry)) for entry in _others(attached, diffs)
    )
    diff_view.render(diffs, others, stat=options.stat)
    warn_history_gaps(gaps)
    return 0


def _moved_here(
    root: Path,
    entries: Sequence[TranslationEntry],
    source: str,
    excluded: list[str],
    folders: list[str],
) -> list[TranslationEntry]:
    """The missing entries of `source`, or, when translations without metadata were made of
    it at the path it moved from, those."""
    from transync.history import attach_history

    missing = [entry for entry in entries if entry.source == source]
    untracked = [entry for entry in entries if estimable(entry)]
    estimated = attach_history(root, untracked, excluded, estimates=folders).entries
    moved = [
        entry
        for entry in estimated
        if entry.provenance is not None and entry.provenance.moved_to == source
    ]
    return moved or missing


def _relative(path: Path, root: Path, target: str) -> str:
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    if real != real_root and not real.startswith(real_root + os.sep):
        raise TransyncError(f"{target}: outside the scanned folder {root}")
    return os.path.relpath(real, real_root).replace(os.sep, "/")


def _others(
    entries: Sequence[TranslationEntry], diffs: Sequence[SourceDiff]
) -> list[TranslationEntry]:
    """Entries that have no diff to show, so that the output still accounts for them."""
    shown = {(diff.source, language) for diff in diffs for language in diff.languages}
    return [
        entry
        for entry in entries
        if (entry.source, entry.language) not in shown or _nothing_to_port(entry)
    ]


def _nothing_to_port(entry: TranslationEntry) -> bool:
    """An estimate that finds nothing to redo has no diff: up to date, unknown, or a moved
    source with no change since (the move alone is `relocate`'s to carry)."""
    estimate, provenance = entry.estimate, entry.provenance
    if estimate is None:
        return False
    if estimate.state is EstimatedState.MOVED:
        return provenance is None or not provenance.missed
    return estimate.state is not EstimatedState.OUTDATED
