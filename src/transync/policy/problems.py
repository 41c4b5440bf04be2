"""Problems: the non-current states and the findings of a report, in one shape.

The policy judges states (`stale`) and check findings (`broken-link`) alike, by kind name and
severity, so content checks added later are judged without the policy knowing them. Each
problem has a stable `key` that survives edits elsewhere in the file: it is what baselines and
SARIF fingerprints use, so it is built from kind, language, path and the message with its
numbers blanked out, never from line numbers. A `Verdict` is the policy's `Outcome` for one
problem (`policy.evaluate` judges; `policy.groups` and the renderers read verdicts).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from transync.model import Finding, Report, Severity, State, TranslationEntry

_NUMBERS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Problem:
    """A state or finding that may fail the build. `kind` is the state or check name."""

    kind: str
    severity: Severity
    language: str | None
    path: str
    message: str
    line: int | None = None
    entry: TranslationEntry | None = None  # for states: the verdict, with all its evidence
    finding: Finding | None = None  # for findings: the finding, with its place in the source

    @cached_property
    def key(self) -> str:
        """Stable identity: equal for the same problem in two runs, even if lines moved.
        Kept once computed: a check run asks for it twice per problem (two regexes and a
        SHA-256 each, 0.35 s of a warm 10k run's 10 s under cProfile)."""
        return stable_key(self.kind, self.language, self.path, self.message)


def stable_key(kind: str, language: str | None, path: str, message: str) -> str:
    shape = _SPACES.sub(" ", _NUMBERS.sub("#", message)).strip()
    text = "\x1f".join((kind, language or "", path, shape))
    # surrogatepass: a name that is not valid UTF-8 (a lone surrogate) still has a key.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def problems_of(report: Report) -> tuple[Problem, ...]:
    """Every problem in the report, in the report's order: states first, then findings.

    A state whose check already reported the same file (`invalid-metadata`, with the line) is
    not counted twice; the finding is the more precise of the two.
    """
    reported = {(finding.check, finding.language, finding.path) for finding in report.findings}
    states = [
        problem
        for problem in map(_from_entry, report.entries)
        if problem is not None and (problem.kind, problem.language, problem.path) not in reported
    ]
    return (*states, *(_from_finding(finding) for finding in report.findings))


def _from_entry(entry: TranslationEntry) -> Problem | None:
    severity = entry.state.severity
    if severity is None:
        return None
    return Problem(
        kind=entry.state.value,
        severity=severity,
        language=entry.language,
        path=entry.translation,
        message=_message(entry),
        line=_metadata_line(entry),
        entry=entry,
    )


def _from_finding(finding: Finding) -> Problem:
    return Problem(
        kind=finding.check,
        severity=finding.severity,
        language=finding.language,
        path=finding.path,
        message=finding.message,
        line=finding.line,
        finding=finding,
    )


def _metadata_line(entry: TranslationEntry) -> int | None:
    """The line of the metadata block in the translated file itself, when it holds one."""
    record = entry.record
    if record is not None and record.location == entry.translation:
        return record.line
    return None


def _message(entry: TranslationEntry) -> str:
    """What is wrong, in words that stay the same from run to run (no dates, no hashes)."""
    messages = {
        State.STALE: f"source {entry.source} changed since this translation was made",
        State.MISSING: f"no translation of {entry.source}",
        State.ORPHAN: f"source {entry.source} no longer exists",
        State.UNTRACKED: "no co-op-translator metadata (hand-written, or its metadata was lost)",
        State.INVALID_METADATA: f"unusable metadata: {entry.note or 'unreadable'}",
        State.FAILED: f"the last translation of {entry.source} failed",
    }
    message = messages[entry.state]
    if entry.state is State.STALE and entry.note:
        message += f" ({entry.note})"
    if entry.state is State.FAILED and entry.failure and entry.failure.detail:
        message += f": {entry.failure.detail}"
    return message


class Outcome(str, Enum):
    FAIL = "fail"
    WARN = "warn"
    NOTE = "note"  # named by no rule: shown in full reports only
    BASELINED = "baselined"  # would fail or warn, but the baseline knows it


@dataclass(frozen=True)
class Verdict:
    problem: Problem
    outcome: Outcome
    reason: str | None = None  # why a problem the rules name does not fail

    @property
    def explained(self) -> str:
        """The problem's message, with the reason it does not fail when there is one."""
        if self.reason is None:
            return self.problem.message
        return f"{self.problem.message} ({self.reason})"
