"""`transync prune`: remove translations whose source is gone, and what only they used.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.prune`) ->
execute.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from transync.commands.writing import carry_out, refuse_dirty, scan_repository, select
from transync.model import Kind, Report, State
from transync.sync.files import reader
from transync.sync.prune import Referenced, plan_prune


def prune(
    arguments: Sequence[str], languages: Sequence[str], *, dry_run: bool, allow_dirty: bool
) -> int:
    selection = select(arguments)
    root = selection.root
    if not dry_run:
        refuse_dirty(root, allow_dirty)
    report = scan_repository(root, languages)
    chosen = [e for e in report.entries if selection.wants(e)]
    plan = plan_prune(
        chosen, reader(root), lambda path: os.path.lexists(root / path), _references(root, report)
    )
    return carry_out(root, plan, dry_run=dry_run)


def _references(root: Path, report: Report) -> Referenced:
    """Every page (translation or source) that exists, read once, searched by file name."""
    pages = {
        path
        for entry in report.entries
        if entry.kind is not Kind.IMAGE and entry.state is not State.MISSING
        for path in (entry.translation, entry.source)
    }
    texts: dict[str, bytes] = {}
    for path in sorted(pages):
        try:
            texts[path] = (root / path).read_bytes()
        except OSError:
            continue

    def referenced(name: str, excluding: frozenset[str]) -> bool:
        needle = name.encode("utf-8")
        return any(needle in text for path, text in texts.items() if path not in excluding)

    return referenced
