"""The judged problems rolled up: one line per cause, for `check`'s text, Markdown and GitHub views.

A policy judges every language's problem on its own (an override may make `ja` strict), so the
roll-up comes after the verdicts: problems with the same outcome and the same cause form one
`ProblemGroup`. A state's cause is its source (and, for a stale or failed translation, the
commit that made it stale); a finding's cause is its place in the source, as the report's
roll-up stage (`transync.rollup`) defines it. Stale groups are gathered once more by that
commit into `CommitGroup`s: "22 sources changed in 822bab6: 1,185 translations stale".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from transync.discover import IMAGES_LAYOUT
from transync.history.causes import UNCOMMITTED
from transync.model import (
    GUTTED_CHECKS,
    NO_HISTORY,
    CommitRef,
    Kind,
    Provenance,
    Report,
    Severity,
    State,
)
from transync.policy.problems import Outcome, Problem, Verdict
from transync.rollup import (
    SEVERITY_RANK,
    Sources,
    finding_key,
    language_neutral,
    places_message,
    shared_message,
)

_OUTCOME_RANK = {"fail": 0, "warn": 1, "baselined": 2, "note": 3}
# States whose translation is an older version of a changed source: grouped by that change.
_BEHIND = (State.STALE.value, State.FAILED.value)


@dataclass(frozen=True)
class ProblemGroup:
    """Problems with one outcome and one cause: one line to act on, the instances kept whole.

    `source` is the source they are about (a repository-wide finding's own path);
    `of_languages` how many languages translate it, so a view can say "in 40 of 54 languages";
    `provenance` the first instance's, for stale and failed groups, whose instances share the
    commit that made them stale.
    """

    outcome: Outcome
    kind: str
    severity: Severity
    message: str
    source: str
    source_line: int | None
    languages: tuple[str, ...]
    of_languages: int
    count: int
    verdicts: tuple[Verdict, ...]
    provenance: Provenance | None = None
    # How many images without metadata the group rolls up (one line for all of them in the
    # same languages, never one per image); 0 for any other group.
    images: int = 0

    @property
    def problems(self) -> int:
        return len(self.verdicts)


@dataclass(frozen=True)
class CommitGroup:
    """The stale groups of one outcome that one commit (or one reason) explains."""

    outcome: Outcome
    commit: CommitRef | None
    reason: str | None
    groups: tuple[ProblemGroup, ...]
    kind = State.STALE.value

    @property
    def problems(self) -> int:
        return self.translations

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(group.source for group in self.groups)

    @property
    def translations(self) -> int:
        return sum(len(group.verdicts) for group in self.groups)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({code for group in self.groups for code in group.languages}))

    @property
    def of_languages(self) -> int:
        """How many languages translate any of the sources: "in 51 of 54 languages"."""
        return max(group.of_languages for group in self.groups)


def group_verdicts(verdicts: Iterable[Verdict], report: Report) -> tuple[ProblemGroup, ...]:
    """The verdicts as roll-ups: failures first, then warnings, baselined and notes; within an
    outcome errors first, then the groups reaching the most languages, then the most problems."""
    sources = Sources.of(report.entries)
    members: dict[tuple[object, ...], list[Verdict]] = {}
    for verdict in verdicts:
        members.setdefault(_key(verdict, sources), []).append(verdict)
    groups = [_group(instances, sources) for instances in members.values()]
    return tuple(sorted(groups, key=_importance))


def group_by_commit(groups: Iterable[ProblemGroup]) -> tuple[CommitGroup, ...]:
    """The stale groups gathered by outcome and the commit that made them stale, the most
    translations first."""
    gathered: dict[tuple[str, str], list[ProblemGroup]] = {}
    for group in groups:
        if group.kind == State.STALE.value:
            gathered.setdefault((group.outcome.value, _cause(group.provenance)), []).append(group)
    by_commit = [
        CommitGroup(
            outcome=members[0].outcome,
            commit=_since(members[0].provenance),
            reason=None if _since(members[0].provenance) else _cause(members[0].provenance),
            groups=tuple(members),
        )
        for members in gathered.values()
    ]
    return tuple(
        sorted(
            by_commit,
            key=lambda item: (
                _OUTCOME_RANK[item.outcome.value],
                -item.translations,
                item.commit.date if item.commit else "",
                item.sources,
            ),
        )
    )


def by_cause(
    groups: Iterable[ProblemGroup], commit_groups: Iterable[CommitGroup]
) -> tuple[ProblemGroup | CommitGroup, ...]:
    """One item per cause, the most important first: each commit that made translations stale
    stands for its stale groups, and the groups of one check in one source file that reach the
    same languages are one (a translation cut short loses every link after the cut: one fix).
    Failures lead, then errors, then the causes reaching the most languages, then the most
    problems."""
    in_file: dict[tuple[object, ...], list[ProblemGroup]] = {}
    images: dict[tuple[object, ...], list[ProblemGroup]] = {}
    for group in groups:
        if _untracked_images(group):
            images.setdefault(
                (group.outcome, group.kind, group.severity, group.languages), []
            ).append(group)
        elif group.kind != State.STALE.value:
            key = (group.outcome, group.kind, group.severity, group.source, group.languages)
            in_file.setdefault(key, []).append(group)
    items: list[ProblemGroup | CommitGroup] = [*commit_groups]
    items += [_one_file(members) for members in in_file.values()]
    items += [_images(members) for members in images.values()]
    return tuple(sorted(items, key=_cause_importance))


def _untracked_images(group: ProblemGroup) -> bool:
    """Images without metadata (legacy flat names): their freshness cannot be judged, image
    by image, so they are one cause per set of languages."""
    return group.kind == State.UNTRACKED.value and all(
        verdict.problem.entry is not None and verdict.problem.entry.kind is Kind.IMAGE
        for verdict in group.verdicts
    )


def _images(members: list[ProblemGroup]) -> ProblemGroup:
    ordered = sorted(members, key=lambda group: group.source)
    return replace(
        ordered[0],
        source=IMAGES_LAYOUT.container,
        count=sum(group.count for group in ordered),
        verdicts=tuple(verdict for group in ordered for verdict in group.verdicts),
        images=len(ordered),
    )


def _one_file(members: list[ProblemGroup]) -> ProblemGroup:
    """Groups at several places of one source as one: the first place leads, the rest counted."""
    if len(members) == 1:
        return members[0]
    ordered = sorted(members, key=lambda group: (group.source_line or 0, group.message))
    first = ordered[0]
    return replace(
        first,
        message=places_message(len(ordered), first.message),
        count=sum(group.count for group in ordered),
        verdicts=tuple(verdict for group in ordered for verdict in group.verdicts),
    )


def _cause_importance(item: ProblemGroup | CommitGroup) -> tuple[int, bool, int, int, int]:
    """Failures first; within an outcome, translations that lost their text (empty, cut
    off) before anything else, then errors, the most languages, the most problems."""
    severity = item.severity if isinstance(item, ProblemGroup) else Severity.ERROR
    return (
        _OUTCOME_RANK[item.outcome.value],
        item.kind not in GUTTED_CHECKS,
        SEVERITY_RANK[severity],
        -len(item.languages),
        -item.problems,
    )


def _key(verdict: Verdict, sources: Sources) -> tuple[object, ...]:
    problem = verdict.problem
    if problem.finding is not None:
        return (verdict.outcome, *finding_key(problem.finding, sources))
    entry = problem.entry
    source = entry.source if entry is not None else problem.path
    cause = _cause(entry.provenance) if entry is not None and problem.kind in _BEHIND else ""
    return (verdict.outcome, problem.kind, problem.severity, source, cause)


def _cause(provenance: Provenance | None) -> str:
    """The commit that made a translation stale, else why there is none (as `history.causes`)."""
    if provenance is None:
        return NO_HISTORY
    if provenance.stale_since is not None:
        return provenance.stale_since.id
    return provenance.reason or UNCOMMITTED


def _since(provenance: Provenance | None) -> CommitRef | None:
    return provenance.stale_since if provenance is not None else None


def _group(instances: list[Verdict], sources: Sources) -> ProblemGroup:
    ordered = tuple(
        sorted(
            instances,
            key=lambda v: (v.problem.language or "", v.problem.path, v.problem.line or 0),
        )
    )
    first = ordered[0].problem
    finding = first.finding
    if finding is not None:
        source, source_line = sources.source_of(finding), finding.source_line
    else:
        source = first.entry.source if first.entry is not None else first.path
        source_line = None
    languages = tuple(sorted({v.problem.language for v in ordered if v.problem.language}))
    return ProblemGroup(
        outcome=ordered[0].outcome,
        kind=first.kind,
        severity=first.severity,
        message=shared_message(_neutral(v.problem) for v in ordered),
        source=source,
        source_line=source_line,
        languages=languages,
        of_languages=sources.languages.get(source, len(languages)),
        count=sum(v.problem.finding.count if v.problem.finding else 1 for v in ordered),
        verdicts=ordered,
        provenance=first.entry.provenance if first.entry is not None else None,
    )


def _neutral(problem: Problem) -> str:
    return language_neutral(problem.finding) if problem.finding else problem.message


def _importance(group: ProblemGroup) -> tuple[int, int, int, int, str, int, str]:
    return (
        _OUTCOME_RANK[group.outcome.value],
        SEVERITY_RANK[group.severity],
        -len(group.languages),
        -group.count,
        group.source,
        group.source_line or 0,
        group.kind,
    )
