"""Evaluation: a report and a policy in, a frozen `CheckResult` out.

Everything a renderer shows (which problems fail, why one only warns, which languages miss
their freshness target, which baseline entries are fixed) is decided here, once, so the seven
output formats cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from transync.model import Report, State, TranslationEntry
from transync.policy.baseline import Baseline, BaselineEntry
from transync.policy.groups import (
    CommitGroup,
    ProblemGroup,
    by_cause,
    group_by_commit,
    group_verdicts,
)
from transync.policy.problems import Outcome, Problem, Verdict, problems_of
from transync.policy.settings import Policy

if TYPE_CHECKING:
    # Only the --changed-from path builds a change set: a plain check does not load it.
    from transync.history.changed import ChangeSet

# When a stale translation started being stale. Today: its translation_date. Git provenance
# can pass a better clock (the commit that changed the source) without the policy changing.
StaleSince = Callable[[TranslationEntry], datetime | None]

MIN_FRESH = "min-fresh"


@dataclass(frozen=True)
class Freshness:
    language: str
    fresh_percent: float
    required: float

    @property
    def passed(self) -> bool:
        return self.fresh_percent >= self.required

    @property
    def message(self) -> str:
        return f"{self.language} is {self.fresh_percent:.1f}% fresh, {self.required:g}% required"


@dataclass(frozen=True)
class Scope:
    """What `--changed-from` narrowed the check to: the files and problems a change touches."""

    ref: str
    base: str
    changed_files: int
    entries: Callable[[TranslationEntry], bool]
    problems: Callable[[Problem], bool]
    # Whether problems of this kind were looked for on this path: the content checks of a
    # change compare only the pairs it touches, so a baseline entry elsewhere is not "fixed".
    examined: Callable[[str, str], bool] | None = None


def changed_scope(
    change: ChangeSet, report: Report, compared: frozenset[str] | None = None
) -> Scope:
    """What the policy judges of a change (`--changed-from`): touched entries; problems on
    them, on changed files, or on a file whose entry is touched (content findings of a
    translation whose source changed). `compared` names the content checks when they compared
    only the touched entries (`scan(compare=ChangeSet.touches)`)."""
    touched = frozenset(entry.translation for entry in report.entries if change.touches(entry))

    def in_scope(path: str) -> bool:
        return path in change.paths or path in touched

    def problem_in_scope(problem: Problem) -> bool:
        if problem.entry is not None:
            return change.touches(problem.entry)
        return in_scope(problem.path)

    def examined(kind: str, path: str) -> bool:
        return compared is None or kind not in compared or in_scope(path)

    return Scope(
        change.ref, change.base, len(change.paths), change.touches, problem_in_scope, examined
    )


@dataclass(frozen=True)
class FileResult:
    """One file's verdicts (none for a clean file): what the text and JUnit views list."""

    language: str | None
    path: str
    verdicts: tuple[Verdict, ...]

    @property
    def failed(self) -> bool:
        return any(verdict.outcome is Outcome.FAIL for verdict in self.verdicts)


@dataclass(frozen=True)
class CheckResult:
    report: Report
    verdicts: tuple[Verdict, ...]
    freshness: tuple[Freshness, ...]
    files: tuple[FileResult, ...] = ()
    fixed: tuple[BaselineEntry, ...] = ()
    baseline: str | None = None  # the baseline file judged against
    scope: Scope | None = None
    # The verdicts rolled up by cause (see `policy.groups`): what the default views show.
    groups: tuple[ProblemGroup, ...] = ()
    commit_groups: tuple[CommitGroup, ...] = ()
    # One item per cause, the most important first: the lines of the default views.
    causes: tuple[ProblemGroup | CommitGroup, ...] = ()

    def causes_of(self, outcome: Outcome) -> tuple[ProblemGroup | CommitGroup, ...]:
        return tuple(cause for cause in self.causes if cause.outcome is outcome)

    @property
    def failures(self) -> tuple[Verdict, ...]:
        return self.of(Outcome.FAIL)

    @property
    def warnings(self) -> tuple[Verdict, ...]:
        return self.of(Outcome.WARN)

    def of(self, outcome: Outcome) -> tuple[Verdict, ...]:
        return tuple(verdict for verdict in self.verdicts if verdict.outcome is outcome)

    @property
    def below_fresh(self) -> tuple[Freshness, ...]:
        return tuple(item for item in self.freshness if not item.passed)

    @property
    def failed_by(self) -> tuple[str, ...]:
        """The kinds that failed the policy, each once, sorted; `min-fresh` for freshness."""
        kinds = {verdict.problem.kind for verdict in self.failures}
        if self.below_fresh:
            kinds.add(MIN_FRESH)
        return tuple(sorted(kinds))

    @property
    def passed(self) -> bool:
        return not self.failed_by

    def counts(self) -> Counter[Outcome]:
        return Counter(verdict.outcome for verdict in self.verdicts)

    def failed_counts(self) -> tuple[tuple[str, int], ...]:
        """How many problems of each kind failed, most first (for summary lines)."""
        counts = Counter(verdict.problem.kind for verdict in self.failures)
        return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def evaluate(
    report: Report,
    policy: Policy,
    *,
    now: datetime,
    baseline: Baseline | None = None,
    scope: Scope | None = None,
    stale_since: StaleSince | None = None,
) -> CheckResult:
    """Judge every problem of `report` (those in `scope`, when given) against `policy`."""
    clock = stale_since or translation_date
    everything = problems_of(report)
    problems = [problem for problem in everything if scope is None or scope.problems(problem)]
    allowed = baseline.counts() if baseline else Counter[str]()
    verdicts = []
    for problem in problems:
        verdict = _judge(problem, policy, now, clock)
        if (
            allowed  # a problem's key is made only to be looked up
            and verdict.outcome in (Outcome.FAIL, Outcome.WARN)
            and allowed[problem.key] > 0
        ):
            allowed[problem.key] -= 1
            verdict = Verdict(problem, Outcome.BASELINED, "in the baseline")
        verdicts.append(verdict)
    clean = [entry for entry in report.entries if scope is None or scope.entries(entry)]
    groups = group_verdicts(verdicts, report)
    commit_groups = group_by_commit(groups)
    return CheckResult(
        report=report,
        verdicts=tuple(verdicts),
        # A change under review is judged by what it touches, not by the whole language.
        freshness=() if scope is not None else _freshness(report, policy),
        files=_by_file(verdicts, clean),
        fixed=_fixed(baseline, everything, scope) if baseline else (),
        baseline=baseline.path if baseline else None,
        scope=scope,
        groups=groups,
        commit_groups=commit_groups,
        causes=by_cause(groups, commit_groups),
    )


def _judge(problem: Problem, policy: Policy, now: datetime, clock: StaleSince) -> Verdict:
    rules = policy.rules_for(problem.language)
    if rules.fail_on.matches(problem):
        young = _younger_than_max_age(problem, rules.max_age_days, now, clock)
        if young is None:
            return Verdict(problem, Outcome.FAIL)
        return Verdict(problem, Outcome.WARN, young)
    if rules.warn_on.matches(problem):
        return Verdict(problem, Outcome.WARN)
    return Verdict(problem, Outcome.NOTE)


def _younger_than_max_age(
    problem: Problem, max_age_days: int | None, now: datetime, clock: StaleSince
) -> str | None:
    """Why a stale translation is still tolerated, or None when it must fail.

    A translation whose age cannot be told is treated as old: a gate errs on failing.
    """
    entry = problem.entry
    if max_age_days is None or entry is None or entry.state is not State.STALE:
        return None
    since = clock(entry)
    if since is None:
        return None
    days = (now - since).total_seconds() / 86400
    if days > max_age_days:
        return None
    return f"stale for {int(days)} days, within max-age {max_age_days}"


def translation_date(entry: TranslationEntry) -> datetime | None:
    """The entry's `translation_date` as an aware datetime (UTC when it names no zone)."""
    if not entry.translated_at:
        return None
    text = entry.translated_at.strip()
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _by_file(verdicts: list[Verdict], entries: list[TranslationEntry]) -> tuple[FileResult, ...]:
    """Verdicts grouped by language, then file; files without problems included."""
    groups: dict[tuple[str | None, str], list[Verdict]] = {
        (entry.language, entry.translation): [] for entry in entries
    }
    for verdict in verdicts:
        groups.setdefault((verdict.problem.language, verdict.problem.path), []).append(verdict)
    return tuple(
        FileResult(language, path, tuple(items))
        for (language, path), items in sorted(
            groups.items(), key=lambda item: (item[0][0] or "", item[0][1])
        )
    )


def _freshness(report: Report, policy: Policy) -> tuple[Freshness, ...]:
    return tuple(
        Freshness(summary.code, summary.fresh_percent, required)
        for summary in report.languages
        if (required := policy.rules_for(summary.code).min_fresh) is not None
    )


def _fixed(
    baseline: Baseline, problems: Iterable[Problem], scope: Scope | None = None
) -> tuple[BaselineEntry, ...]:
    """Baseline entries no current problem matches (scope ignored: out of the change's scope
    is not fixed), among those the run looked for."""
    present = Counter(problem.key for problem in problems)
    examined = scope.examined if scope is not None else None
    fixed = []
    for entry in baseline.entries:
        if present[entry.key] > 0:
            present[entry.key] -= 1
        elif examined is None or examined(entry.kind, entry.path):
            fixed.append(entry)
    return tuple(fixed)
