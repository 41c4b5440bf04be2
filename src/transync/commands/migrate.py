"""`transync migrate --to json|inline`: move Markdown records between co-op-translator's
generations of metadata.

Wiring only: select -> refuse a dirty tree -> scan -> plan (`sync.migrate`) -> execute.
"""

from __future__ import annotations

from collections.abc import Sequence

from transync.commands.writing import carry_out, scope
from transync.sync.files import reader
from transync.sync.migrate import plan_migrate


def migrate(
    arguments: Sequence[str],
    languages: Sequence[str],
    target: str,
    *,
    dry_run: bool,
    allow_dirty: bool,
) -> int:
    work = scope(arguments, languages, dry_run=dry_run, allow_dirty=allow_dirty, history=False)
    plan = plan_migrate(work.chosen, reader(work.root), target)
    return carry_out(work.root, plan, dry_run=dry_run)
