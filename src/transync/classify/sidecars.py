"""A language folder's sidecar as classify reads it: its records, a finding for each problem
it has, and the records that dangle (neither a translated file nor a source)."""

from __future__ import annotations

from transync.discover import SIDECAR_NAME
from transync.discover.tree import Tree
from transync.metadata.sidecar import Sidecar, read_sidecar
from transync.model import FailureRecord, Finding, LanguageFolder, Severity
from transync.paths import join

# Dangling records listed one finding each; the rest of a sidecar's are counted in one.
DANGLING_LISTED = 1_000


def read_folder_sidecar(tree: Tree, folder: LanguageFolder) -> tuple[Sidecar, list[Finding]]:
    """The folder's sidecar (empty when there is none) and the findings its problems make."""
    location = join(folder.path, SIDECAR_NAME)
    refusal = tree.unreadable(location)
    try:
        sidecar = (
            tree.parse(location, read_sidecar)
            if refusal is None
            else Sidecar(location, error=refusal)
        )
    except FileNotFoundError:
        return Sidecar(location), []
    except OSError as error:
        sidecar = Sidecar(location, error=f"cannot read: {error.strerror}")
    findings = []
    if sidecar.error:
        findings.append(
            Finding("invalid-metadata", Severity.ERROR, location, sidecar.error, folder.code)
        )
    findings += [
        Finding("invalid-metadata", Severity.WARNING, location, problem.reason, folder.code)
        for problem in sidecar.problems
    ]
    return sidecar, findings


def dangling_keys(
    folder: LanguageFolder, sidecar: Sidecar, covered: set[str], sources: frozenset[str]
) -> list[str]:
    """Sidecar records with neither a translated file nor a source. Those whose source still
    exists are not among them: the missing entry carries them instead."""
    keys = sorted(sidecar.records) + sorted(set(sidecar.failures) - set(sidecar.records))
    return [
        key
        for key in keys
        if join(folder.path, key) not in covered and join(folder.layout.sources, key) not in sources
    ]


def dangling_findings(folder: LanguageFolder, sidecar: Sidecar, keys: list[str]) -> list[Finding]:
    """A finding per dangling record of `keys`; past `DANGLING_LISTED`, one counts the rest (a
    sidecar of a million invented keys made as many findings)."""
    messages = []
    for key in keys[:DANGLING_LISTED]:
        record = sidecar.records.get(key) or sidecar.failures[key]
        kind = "failure record" if isinstance(record, FailureRecord) else "record"
        messages.append(f"{kind} for {key!r} has no translated file and no source")
    more = len(keys) - DANGLING_LISTED
    if more > 0:
        messages.append(
            f"{more:,} more {'record has' if more == 1 else 'records have'} no translated"
            f" file and no source (capped: the first {DANGLING_LISTED:,} are listed one by"
            " one)"
        )
    return [
        Finding("dangling-record", Severity.WARNING, sidecar.location, message, folder.code)
        for message in messages
    ]
