"""`transync migrate --to json|inline`: move Markdown records between co-op-translator's
generations of metadata.

Wiring only: select -> refuse a dirty tree -> scan -> plan (`sync.migrate`) -> execute.
"""

from __future__ import annotations

from dataclasses import dataclass

from transync.commands.writing import SelectionOptions, carry_out, scope
from transync.sync.files import reader
from transync.sync.migrate import plan_migrate


@dataclass(frozen=True)
class MigrateOptions(SelectionOptions):
    target: str = "json"  # json: the sidecar; inline: the block in each page


def migrate(options: MigrateOptions) -> int:
    work = scope(options, history=False)
    plan = plan_migrate(work.chosen, reader(work.root), options.target)
    return carry_out(work.root, plan, dry_run=options.dry_run)
