"""`transync prune`: remove translations whose source is gone, and what only they used.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.prune`) ->
execute.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from transync.commands.writing import carry_out, references, scope
from transync.sync.files import reader
from transync.sync.prune import plan_prune


def prune(
    arguments: Sequence[str], languages: Sequence[str], *, dry_run: bool, allow_dirty: bool
) -> int:
    work = scope(arguments, languages, dry_run=dry_run, allow_dirty=allow_dirty)
    root = work.root
    plan = plan_prune(
        work.chosen,
        reader(root),
        lambda path: os.path.lexists(root / path),
        references(root, work.report),
    )
    return carry_out(root, plan, dry_run=dry_run, languages=[s.code for s in work.report.languages])
