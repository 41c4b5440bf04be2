"""`transync migrate --to json|inline`: move Markdown records between co-op-translator's
generations of metadata.

Wiring only: select -> refuse a dirty tree -> scan -> plan (`sync.migrate`) -> execute.
"""

from __future__ import annotations

from collections.abc import Sequence

from transync.commands.writing import carry_out, refuse_dirty, scan_repository, select
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
    selection = select(arguments)
    root = selection.root
    if not dry_run:
        refuse_dirty(root, allow_dirty)
    report = scan_repository(root, languages, history=False)
    chosen = [entry for entry in report.entries if selection.wants(entry)]
    return carry_out(root, plan_migrate(chosen, reader(root), target), dry_run=dry_run)
