"""`transync port`: carry mechanical source changes (links, code, wrapping) to translations.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.port`) ->
execute.
"""

from __future__ import annotations

from transync.commands.writing import SelectionOptions, carry_out, scope, with_provenance
from transync.errors import TransyncError
from transync.history.blob_reader import BlobReader
from transync.history.git_log import open_repo
from transync.model import State
from transync.sync.files import reader
from transync.sync.port import plan_port
from transync.sync.records import stamp_date


def port(options: SelectionOptions) -> int:
    work = scope(
        options,
        states={State.STALE, State.FAILED},
        history=False,
    )
    root = work.root
    repo = open_repo(root)
    if repo is None:
        raise TransyncError(f"{root}: not in a git work tree with commits (port needs history)")
    entries = with_provenance(root, work.report, work.chosen)
    with BlobReader(root) as read_blob:
        plan = plan_port(entries, reader(root), read_blob, stamp_date())
    return carry_out(
        root, plan, dry_run=options.dry_run, languages=[s.code for s in work.report.languages]
    )
