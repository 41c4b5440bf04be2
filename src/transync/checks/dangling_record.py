"""`dangling-record`: a sidecar speaks of a translation that is not on disk.

Only missing entries carry such a record (see `classify`); records with neither file nor
source are reported by the classifier directly, since no entry exists to hang them on.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.model import Finding, Severity, State, TranslationEntry

NAME = "dangling-record"


def check(entry: TranslationEntry) -> Iterator[Finding]:
    if entry.state is not State.MISSING or not (entry.records or entry.failure):
        return
    what = "a failure record" if entry.failure and not entry.records else "a record"
    location = entry.failure.location if entry.failure else entry.records[0].location
    yield Finding(
        NAME,
        Severity.WARNING,
        location,
        f"holds {what} for {entry.translation}, which does not exist",
        entry.language,
    )
