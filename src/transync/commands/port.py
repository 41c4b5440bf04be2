"""`transync port`: carry mechanical source changes (links, code, wrapping) to translations.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.port`) ->
execute.
"""

from __future__ import annotations

from collections.abc import Sequence

from transync.commands.writing import carry_out, scope, with_provenance
from transync.errors import TransyncError
from transync.history.blob_reader import BlobReader
from transync.history.git_log import open_repo
from transync.model import State
from transync.sync.files import reader
from transync.sync.port import plan_port
from transync.sync.records import stamp_date


def port(
    arguments: Sequence[str], languages: Sequence[str], *, dry_run: bool, allow_dirty: bool
) -> int:
    work = scope(
        arguments,
        languages,
        dry_run=dry_run,
        allow_dirty=allow_dirty,
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
    return carry_out(root, plan, dry_run=dry_run, languages=[s.code for s in work.report.languages])
