"""Checks: small functions from evidence to findings, collected in registries.

Bookkeeping checks look at one classified entry and its metadata (cheap: `status` always runs
them). Content checks compare a translation's structure with its source (run by
`transync.checks.engine.content`, the machinery apart from the checks); their registry is
`transync.checks.registry` and their names `transync.checks.names`, kept apart so that
`status`, and a `check` whose every result comes from the cache, do not import them.

A check never prints and never decides what fails a build: it only says what it saw, at its
default severity, and `apply_severities` applies the user's configuration afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from transync.checks import (
    dangling_record,
    empty,
    invalid_metadata,
    language_code,
    line_endings,
    metadata_conflict,
    path_mismatch,
)
from transync.model import Finding, Severity, TranslationEntry

EntryCheck = Callable[[TranslationEntry], Iterable[Finding]]

# name -> check; the name is the stable `check` value findings carry.
BOOKKEEPING_CHECKS: Mapping[str, EntryCheck] = {
    invalid_metadata.NAME: invalid_metadata.check,
    dangling_record.NAME: dangling_record.check,
    language_code.NAME: language_code.check,
    path_mismatch.NAME: path_mismatch.check,
    metadata_conflict.NAME: metadata_conflict.check,
    line_endings.NAME: line_endings.check,
    empty.NAME: empty.check,
}

# A translation or source too large to parse: content checks say they skipped it.
CONTENT_SKIPPED = "content-skipped"


def run_bookkeeping(entries: Iterable[TranslationEntry]) -> list[Finding]:
    return [
        finding
        for entry in entries
        for check in BOOKKEEPING_CHECKS.values()
        for finding in check(entry)
    ]


def apply_severities(
    findings: Iterable[Finding], severities: Mapping[str, Severity | None]
) -> list[Finding]:
    """Re-rank findings as configured; a check set to "off" loses its findings."""
    kept = []
    for finding in findings:
        if finding.check not in severities:
            kept.append(finding)
            continue
        severity = severities[finding.check]
        if severity is not None:
            kept.append(replace(finding, severity=severity))
    return kept
