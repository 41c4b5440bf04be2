"""Reading a `transync.report/1` file back into a `Report`: the inverse of `json_report`.

`transync dashboard --from` builds an organisation's site from reports that each repository's
CI wrote, so only small JSON files travel. What the JSON does not keep (metadata records,
where a finding sits in the source) is simply absent from the loaded report; the causes are
regrouped by commit as a scan would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from transync.errors import TransyncError
from transync.fileio import read_bytes
from transync.history.causes import group_by_commit
from transync.model import (
    BASIS_GIT,
    Cause,
    Change,
    ChangeKind,
    CommitRef,
    Estimate,
    EstimatedState,
    EstimatedSummary,
    Finding,
    Kind,
    LanguageSummary,
    Layout,
    MetadataOrigin,
    MetadataRecord,
    Provenance,
    Report,
    Severity,
    State,
    TranslationEntry,
)
from transync.report.json_report import SCHEMA


def load_report(path: Path) -> Report:
    """The report in `path`; a one-line error naming the file when it is not one."""
    try:
        document = json.loads(read_bytes(path).decode("utf-8"))
    except OSError as error:
        raise TransyncError(f"{path}: cannot read: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TransyncError(f"{path}: not a JSON file: {error}") from None
    except RecursionError:
        raise TransyncError(f"{path}: not a JSON file: nested too deeply") from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise TransyncError(f"{path}: not a {SCHEMA} report (write one with status --format json)")
    try:
        return _report(document)
    except KeyError as error:
        raise TransyncError(f"{path}: malformed {SCHEMA} report: no {error} key") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise TransyncError(f"{path}: malformed {SCHEMA} report: {error}") from None
    except RecursionError:
        raise TransyncError(f"{path}: malformed {SCHEMA} report: nested too deeply") from None


def _report(document: dict[str, Any]) -> Report:
    causes = tuple(_cause(cause) for cause in document.get("causes", []))
    return Report(
        root=str(document["root"]),
        layouts=tuple(
            Layout(layout["translations"], layout["sources"], bool(layout.get("suffix", False)))
            for layout in document["layouts"]
        ),
        languages=tuple(_summary(language) for language in document["languages"]),
        totals=_summary(document["totals"]),
        entries=tuple(_entry(entry) for entry in document["files"]),
        findings=tuple(_finding(finding) for finding in document.get("findings", [])),
        causes=causes,
        commit_causes=group_by_commit(causes),
        estimated={
            str(code): _estimated(str(code), summary)
            for code, summary in document.get("estimated", {}).items()
        },
    )


def _estimated(code: str, summary: dict[str, Any]) -> EstimatedSummary:
    counts = {EstimatedState(state): int(count) for state, count in summary["counts"].items()}
    return EstimatedSummary(code, counts, float(summary["fresh_percent"]))


def _estimate(estimate: dict[str, Any]) -> Estimate:
    return Estimate(
        EstimatedState(estimate["state"]),
        _commit(estimate.get("translation_commit")),
        estimate.get("detail"),
        str(estimate.get("basis", BASIS_GIT)),
    )


def _summary(language: dict[str, Any]) -> LanguageSummary:
    # `images` is newer than the schema: a report written before it has none.
    images = language.get("images") or {}
    return LanguageSummary(
        _code(language["code"]),
        _counts(language["counts"]),
        float(language["fresh_percent"]),
        _counts(images.get("counts", {})),
        bool(images.get("counted", False)),
    )


def _counts(counts: dict[str, Any]) -> dict[State, int]:
    return {state: int(counts.get(state.value, 0)) for state in State}


def _code(code: object) -> str:
    """A language code names pages and badges of the site: it must be a folder name, as it
    is in a scan. A report from another repository could say `../../x/evil`."""
    text = str(code)
    if not text or text in (".", "..") or any(char in text for char in "/\\\0"):
        raise ValueError(f"language code {text!r} is not a folder name")
    return text


def _entry(entry: dict[str, Any]) -> TranslationEntry:
    provenance, origin = entry.get("provenance"), entry.get("metadata")
    # The JSON names only where the deciding record was read from; the rest of it is the
    # entry's own hash and date.
    record = (
        MetadataRecord(
            MetadataOrigin(origin),
            str(entry["translation"]),
            None,
            str(entry["source"]),
            str(entry.get("stored_hash") or ""),
            entry.get("translated_at"),
            None,
        )
        if origin
        else None
    )
    return TranslationEntry(
        language=_code(entry["language"]),
        state=State(entry["state"]),
        kind=Kind(entry["kind"]),
        source=str(entry["source"]),
        translation=str(entry["translation"]),
        stored_hash=entry.get("stored_hash"),
        current_hash=entry.get("current_hash"),
        translated_at=entry.get("translated_at"),
        record=record,
        provenance=_provenance(provenance) if provenance else None,
        estimate=_estimate(entry["estimate"]) if entry.get("estimate") else None,
    )


def _provenance(provenance: dict[str, Any]) -> Provenance:
    change = provenance.get("change")
    return Provenance(
        origin=str(provenance["origin"]),
        reason=provenance.get("reason"),
        detail=provenance.get("detail"),
        translated_from=_commit(provenance.get("translated_from")),
        stale_since=_commit(provenance.get("stale_since")),
        missed=tuple(
            commit
            for commit in map(_commit, provenance.get("missed_commits", []))
            if commit is not None
        ),
        last_changed=_commit(provenance.get("last_changed")),
        days_behind=provenance.get("days_behind"),
        days_since_translation=provenance.get("days_since_translation"),
        change=Change(ChangeKind(change["kind"]), int(change["prose_words"])) if change else None,
        line_endings=provenance.get("line_endings"),
        removed_in=_commit(provenance.get("removed_in")),
        moved_to=provenance.get("moved_to"),
        moved_by=provenance.get("moved_by"),
    )


def _cause(cause: dict[str, Any]) -> Cause:
    return Cause(
        source=str(cause["source"]),
        commit=_commit(cause.get("commit")),
        reason=cause.get("reason"),
        languages=tuple(cause["languages"]),
        of_languages=int(cause["of_languages"]),
    )


def _finding(finding: dict[str, Any]) -> Finding:
    return Finding(
        check=str(finding["check"]),
        severity=Severity(finding["severity"]),
        path=str(finding["path"]),
        message=str(finding["message"]),
        language=finding.get("language"),
        line=finding.get("line"),
    )


def _commit(commit: dict[str, Any] | None) -> CommitRef | None:
    if commit is None:
        return None
    return CommitRef(
        str(commit["id"]), str(commit["date"]), str(commit["author"]), str(commit["subject"])
    )
