"""`transync port`: carry mechanical source changes (links, code, wrapping) to translations.

Wiring only: select -> refuse a dirty tree -> scan with history -> plan (`sync.port`) ->
execute.
"""

from __future__ import annotations

from collections.abc import Sequence

from transync.commands.writing import (
    carry_out,
    refuse_dirty,
    scan_repository,
    select,
    with_provenance,
)
from transync.errors import TransyncError
from transync.history.git_log import open_repo
from transync.model import State
from transync.sync.files import reader
from transync.sync.port import plan_port
from transync.sync.records import stamp_date


def port(
    arguments: Sequence[str], languages: Sequence[str], *, dry_run: bool, allow_dirty: bool
) -> int:
    selection = select(arguments)
    root = selection.root
    repo = open_repo(root)
    if repo is None:
        raise TransyncError(f"{root}: not in a git work tree with commits (port needs history)")
    if not dry_run:
        refuse_dirty(root, allow_dirty)
    report = scan_repository(root, languages, history=False)
    chosen = [
        entry
        for entry in report.entries
        if entry.state in (State.STALE, State.FAILED) and selection.wants(entry)
    ]
    entries = with_provenance(root, report, chosen)

    def read_blob(blob: str) -> bytes:
        data: bytes = repo.odb.stream(bytes.fromhex(blob)).read()
        return data

    plan = plan_port(entries, reader(root), read_blob, stamp_date())
    return carry_out(root, plan, dry_run=dry_run)
