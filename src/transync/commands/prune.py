"""`transync prune`: remove translations whose source is gone, and what only they used.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.prune`) ->
execute.
"""

from __future__ import annotations

import os

from transync.commands.writing import SelectionOptions, carry_out, references, scope
from transync.sync.files import reader
from transync.sync.prune import plan_prune


def prune(options: SelectionOptions) -> int:
    work = scope(options)
    root = work.root
    plan = plan_prune(
        work.chosen,
        reader(root),
        lambda path: os.path.lexists(root / path),
        references(root, work.report),
    )
    return carry_out(
        root, plan, dry_run=options.dry_run, languages=[s.code for s in work.report.languages]
    )
