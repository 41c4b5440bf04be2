"""`transync stamp`: record that translations reviewed by hand match their source now.

Wiring only: select (files, or `--source` with `--lang`) -> scan -> provenance -> plan
(`sync.stamp`) -> execute.
"""

from __future__ import annotations

from collections.abc import Sequence

from transync.commands.writing import (
    as_root_relative,
    carry_out,
    scan_repository,
    select,
    with_provenance,
)
from transync.errors import TransyncError
from transync.sync.files import reader
from transync.sync.records import stamp_date
from transync.sync.stamp import plan_stamp


def stamp(
    arguments: Sequence[str],
    languages: Sequence[str],
    sources: Sequence[str],
    *,
    force: bool,
    dry_run: bool,
    adopt: bool = False,
) -> int:
    selection = select(arguments)
    if not selection.patterns and not sources:
        raise TransyncError("name the translations to stamp, or --source SOURCE (with --lang)")
    root = selection.root
    report = scan_repository(root, languages, history=False)
    wanted = {as_root_relative(root, source) for source in sources}
    chosen = [
        entry
        for entry in report.entries
        if (selection.patterns and selection.wants(entry)) or entry.source in wanted
    ]
    if not chosen:
        raise TransyncError("no translation matches what was named")
    plan = plan_stamp(
        with_provenance(root, report, chosen), reader(root), stamp_date(), force=force, adopt=adopt
    )
    return carry_out(root, plan, dry_run=dry_run, languages=[s.code for s in report.languages])
