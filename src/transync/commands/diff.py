"""`transync diff`: what changed in a source since its translation was made, i.e. what to port."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from transync.commands.common import load_config_and_warn
from transync.errors import TransyncError
from transync.model import State, TranslationEntry
from transync.rollup import by_cause
from transync.scan import scan


def diff(target: str, languages: Sequence[str], stat: bool, root_option: str | None) -> int:
    from transync.history import attach_history, translation_folders
    from transync.history.git_log import open_repo
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
    attached, _ = attach_history(root, chosen, translation_folders(report.layouts))

    def read_blob(blob: str) -> bytes:
        data: bytes = repo.odb.stream(bytes.fromhex(blob)).read()
        return data

    others = by_cause(
        (entry.language, diff_view.describe_other(entry)) for entry in _others(attached)
    )
    diff_view.render(source_diffs(root, attached, read_blob), others, stat=stat)
    return 0


def _relative(path: Path, root: Path, target: str) -> str:
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    if real != real_root and not real.startswith(real_root + os.sep):
        raise TransyncError(f"{target}: outside the scanned folder {root}")
    return os.path.relpath(real, real_root).replace(os.sep, "/")


def _others(entries: Sequence[TranslationEntry]) -> list[TranslationEntry]:
    """Entries that have no diff to show, so that the output still accounts for them."""
    return [
        entry
        for entry in entries
        if entry.provenance is None or entry.provenance.source_blob is None
    ]
