"""`transync prune`: remove translations whose source is gone, and what only they used.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.prune`) ->
execute.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from transync.commands.writing import (
    carry_out,
    references,
    refuse_dirty,
    scan_repository,
    select,
)
from transync.sync.files import reader
from transync.sync.prune import plan_prune


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
        chosen, reader(root), lambda path: os.path.lexists(root / path), references(root, report)
    )
    return carry_out(root, plan, dry_run=dry_run)
