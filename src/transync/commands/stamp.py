"""`transync stamp`: record that translations reviewed by hand match their source now.

Wiring only: select (files, or `--source` with `--lang`) -> scan -> provenance -> plan
(`sync.stamp`) -> execute.
"""

from __future__ import annotations

from dataclasses import dataclass

from transync.commands.writing import (
    SelectionOptions,
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


@dataclass(frozen=True)
class StampOptions(SelectionOptions):
    sources: tuple[str, ...] = ()
    force: bool = False
    adopt: bool = False


def stamp(options: StampOptions) -> int:
    selection = select(options.arguments)
    if not selection.patterns and not options.sources:
        raise TransyncError("name the translations to stamp, or --source SOURCE (with --lang)")
    root = selection.root
    report = scan_repository(root, options.languages, history=False)
    wanted = {as_root_relative(root, source) for source in options.sources}
    chosen = [
        entry
        for entry in report.entries
        if (selection.patterns and selection.wants(entry)) or entry.source in wanted
    ]
    if not chosen:
        raise TransyncError("no translation matches what was named")
    provenanced = with_provenance(root, report, chosen)
    plan = plan_stamp(
        provenanced, reader(root), stamp_date(), force=options.force, adopt=options.adopt
    )
    languages = [summary.code for summary in report.languages]
    return carry_out(root, plan, dry_run=options.dry_run, languages=languages)
