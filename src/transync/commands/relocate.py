"""`transync relocate`: move orphaned translations after their moved source.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.relocate`) ->
execute, staging each move as `git mv` would.
"""

from __future__ import annotations

import os

from transync.commands.writing import SelectionOptions, carry_out, in_git, references, scope
from transync.model import State
from transync.sync.files import reader
from transync.sync.relocate import plan_relocate


def relocate(options: SelectionOptions) -> int:
    work = scope(
        options,
        states={State.ORPHAN, State.UNTRACKED},
    )
    root = work.root
    plan = plan_relocate(
        work.chosen,
        reader(root),
        lambda path: os.path.lexists(root / path),
        references(root, work.report),
    )
    return carry_out(
        root,
        plan,
        dry_run=options.dry_run,
        git=in_git(root),
        languages=[s.code for s in work.report.languages],
    )
