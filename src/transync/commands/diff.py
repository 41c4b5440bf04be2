"""`transync diff`: what changed in a source since its translation was made, i.e. what to port."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from transync.commands.common import load_config_and_warn, warn_history_gaps
from transync.errors import TransyncError
from transync.model import State, TranslationEntry
from transync.scan import scan

if TYPE_CHECKING:
    from transync.history.source_diff import SourceDiff


def diff(target: str, languages: Sequence[str], stat: bool, root_option: str | None) -> int:
    from transync.history import attach_history, translation_folders
    from transync.history.git_log import open_repo
    from transync.history.git_tree import BlobReader
    from transync.history.source_diff import source_diffs
    from transync.report import diff_view

    path = Path(target)
    repo = open_repo(path.parent if not path.is_dir() else path)
    if repo is None or repo.working_tree_dir is None:
        raise TransyncError(f"{target}: not in a git work tree with commits")
    root = Path(root_option) if root_option else Path(repo.working_tree_dir)
    relative = _relative(path, root, target)
    report = scan(root, config=load_config_and_warn(root), languages=languages)
    chosen = [entry for entry in report.entries if relative in (entry.translation, entry.source)]
    if not chosen:
        if not path.exists():
            raise TransyncError(f"{target}: no such file")
        raise TransyncError(
            f"{target}: neither a translation nor a translated source under {root}"
            + (f" (in {', '.join(languages)})" if languages else "")
        )
    if all(entry.state is State.MISSING for entry in chosen):
        raise TransyncError(f"{target}: not translated (every translation of it is missing)")
    attached, _, gaps = attach_history(root, chosen, translation_folders(report.layouts))
    with BlobReader(root) as read_blob:
        diffs = source_diffs(root, attached, read_blob)
    diff_view.render(diffs, _others(attached, diffs), stat=stat)
    warn_history_gaps(gaps)
    return 0


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
    return [entry for entry in entries if (entry.source, entry.language) not in shown]
