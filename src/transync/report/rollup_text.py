"""One-line wordings of roll-ups, shared by the terminal, Markdown and GitHub views.

Every line names its languages: "in 3 of 8 languages (ar, hu, ja)", "in all 54 languages",
"in 51 of 54 languages (all but fr, ja, ko)", so that a maintainer knows whom a fix concerns
without opening the details.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from transync.config import COUNT_IMAGES
from transync.model import NO_HISTORY, Cause, CommitRef, FindingGroup, LanguageSummary, State
from transync.report.history_text import LABEL, REASONS, counts_phrase
from transync.report.terminal import shortened
from transync.summary import fresh_percent
from transync.text import plural as plural  # re-exported: the renderers' one `plural`

if TYPE_CHECKING:
    # For a type only: the policy's evaluation imports every content check (~60 ms), which
    # `status` renders this module's sentences without.
    from transync.policy.evaluate import Freshness
    from transync.policy.groups import CommitGroup, ProblemGroup

# Languages listed by name at most; the rest are counted ("ar, bg, … 34 more").
LISTED = 8
_STATE_WORDS = {
    State.STALE.value: "stale",
    State.MISSING.value: "missing",
    State.ORPHAN.value: "orphaned (source gone)",
    State.UNTRACKED.value: "untracked (no metadata)",
    State.INVALID_METADATA.value: "with unusable metadata",
    State.FAILED.value: "failed to retranslate",
}


def state_counts(counts: Mapping[State, int]) -> str:
    """`1,836 current, 51 stale`: the states that have any, in the states' order."""
    return ", ".join(f"{count:,} {state.value}" for state, count in counts.items() if count)


def describe_images(summary: LanguageSummary) -> str:
    """The images' own figure, and whether the headline counts them: images without metadata
    (legacy flat names) cannot be judged, and thousands of them would bury the pages'."""
    counted = (
        "counted above"
        if summary.images_counted
        else f"not counted above ({COUNT_IMAGES} = true counts them)"
    )
    images = plural(summary.image_files, "translated image")
    if summary.images[State.UNTRACKED] == summary.image_files:
        return f"Images: {images}, none with metadata to judge them by; {counted}"
    return (
        f"Images: {images}: {state_counts(summary.images)}"
        f" ({fresh_percent(summary.images):.1f}% fresh); {counted}"
    )


def languages_phrase(
    languages: Sequence[str], of_languages: int, *, listed: int | None = LISTED
) -> str:
    """Where a roll-up holds; `listed=None` names every language (annotations, job summary)."""
    count = len(languages)
    if not count:
        # A fault of a source every translation inherits, or of the repository (a stray file).
        if of_languages:
            return f"in the source, inherited by its {plural(of_languages, 'language')}"
        return "in the repository"
    noun = "language" if of_languages == 1 else "languages"
    if count >= of_languages > 1:
        return f"in all {of_languages} {noun}"
    head = f"in {count} of {of_languages} {noun}"
    return f"{head} ({_names(languages, listed)})"


def in_languages(languages: Sequence[str]) -> str:
    """`in 51 languages (ar, bg, …, zh)`, every one named: a command's one line per cause."""
    return f"in {plural(len(languages), 'language')} ({', '.join(languages)})"


def _names(languages: Sequence[str], listed: int | None) -> str:
    if listed is None or len(languages) <= listed:
        return ", ".join(languages)
    return f"{', '.join(languages[:listed])}, … {len(languages) - listed} more"


def describe_problem_group(group: ProblemGroup, *, listed: int | None = LISTED) -> str:
    """`README.md: stale in 51 of 54 languages (…) (translated from 4ef49ea, 2 commits behind)`
    for a state; `AGENTS.md:11: link points to … — in all 8 languages` for a finding."""
    if group.images:
        where = languages_phrase(group.languages, group.of_languages, listed=listed)
        line = (
            f"{group.source}: {plural(group.problems, 'image')} {where} without metadata"
            f" ({plural(group.images, 'source image')}; legacy flat names: freshness unknown)"
        )
    elif group.kind in _STATE_WORDS:
        where = languages_phrase(group.languages, group.of_languages, listed=listed)
        # An estimated group's members may stand at different commits: its counts say it.
        behind = _estimated(group) or _behind(group)
        line = f"{group.source}: {_STATE_WORDS[group.kind]} {where}{behind}"
    else:
        line = _finding_line(group, len(group.verdicts), listed)
    return line + _tolerated(group)


def _estimated(group: ProblemGroup) -> str:
    """` (estimated from git: 1 outdated, 1 up to date)` for translations without metadata."""
    counts = Counter(
        verdict.problem.entry.estimate.state
        for verdict in group.verdicts
        if verdict.problem.entry is not None and verdict.problem.entry.estimate is not None
    )
    return f" ({LABEL}: {counts_phrase(counts)})" if counts else ""


def _tolerated(group: ProblemGroup) -> str:
    """Why the problems a rule names do not fail (`stale for 3 days, within max-age 14`)."""
    reasons = list(dict.fromkeys(v.reason for v in group.verdicts if v.reason is not None))
    if not reasons:
        return ""
    return f" ({reasons[0]}{', …' if len(reasons) > 1 else ''})"


def describe_finding_group(group: FindingGroup, *, listed: int | None = LISTED) -> str:
    return _finding_line(group, len(group.instances), listed)


def finding_group_parts(group: FindingGroup, *, listed: int | None = LISTED) -> tuple[str, str]:
    """`describe_finding_group` in two parts, where and what, for views that give each a line."""
    return _finding_parts(group, len(group.instances), listed)


def _finding_line(group: FindingGroup | ProblemGroup, instances: int, listed: int | None) -> str:
    """`AGENTS.md:11 in all 8 languages (22 times): link points to …`: where and in which
    languages first, so that a line cut to the terminal's width still says both."""
    where, what = _finding_parts(group, instances, listed)
    return f"{where}: {what}"


def _finding_parts(
    group: FindingGroup | ProblemGroup, instances: int, listed: int | None
) -> tuple[str, str]:
    where = languages_phrase(group.languages, group.of_languages, listed=listed)
    place = f"{group.source}:{group.source_line}" if group.source_line else group.source
    occurrences = f" ({group.count:,} times)" if group.count > instances else ""
    return f"{place} {where}{occurrences}", group.message


def describe_below_fresh(below: Sequence[Freshness]) -> str:
    """`2 languages are below the freshness target: ja 50.0% < 75%, ko 50.0% < 75%`."""
    named = ", ".join(
        f"{item.language} {item.fresh_percent:.1f}% < {item.required:g}%" for item in below
    )
    noun = "language is" if len(below) == 1 else "languages are"
    return f"{len(below)} {noun} below the freshness target: {named}"


class StaleByCommit(Protocol):
    """The translations one commit (or one reason) made stale: status's `model.CommitCause`
    and check's `policy.groups.CommitGroup` each are one, built from their own groups."""

    @property
    def commit(self) -> CommitRef | None: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def sources(self) -> tuple[str, ...]: ...
    @property
    def translations(self) -> int: ...
    @property
    def languages(self) -> tuple[str, ...]: ...
    @property
    def of_languages(self) -> int: ...


# A commit's subject shortened to fit a line keeps at least this many characters, or is left
# out: "'R…'" would tell nothing.
SHORTEST_SUBJECT = 8


def describe_commit(
    stale: StaleByCommit, *, listed: int | None = LISTED, width: int | None = None
) -> str:
    """`22 sources changed in 822bab6 'Feb2026 update': 1,185 translations stale, in all 54
    languages`: one commit, one fix, however many sources and languages it reaches. With a
    `width` (a terminal's), the subject is shortened first, so that the counts and languages
    after it stay on the line."""
    sources = stale.sources
    what = f"{len(sources)} sources" if len(sources) != 1 else sources[0]
    where = languages_phrase(stale.languages, stale.of_languages, listed=listed)
    tail = f": {plural(stale.translations, 'translation')} stale, {where}"
    if stale.commit is not None:
        subject = f" '{stale.commit.subject}'"
        if width is not None:
            room = width - len(f"{what} changed in {stale.commit.short} ''{tail}")
            subject = (
                f" '{shortened(stale.commit.subject, room)}'" if room >= SHORTEST_SUBJECT else ""
            )
        change = f"changed in {stale.commit.short}{subject}"
    elif stale.reason == NO_HISTORY:
        change = "changed (no git history to tell when)"
    else:
        change = REASONS.get(stale.reason or "", f"origin unknown ({stale.reason})")
    return f"{what} {change}{tail}"


def describe_stale_source(cause: Cause) -> str:
    """`lessons/02/README.md: stale in all 54 languages`: one source under its commit's line,
    which already says what changed it."""
    where = languages_phrase(cause.languages, cause.of_languages, listed=None)
    return f"{cause.source}: stale {where}"


def describe_check_cause(item: ProblemGroup | CommitGroup, *, listed: int | None = LISTED) -> str:
    """One of `CheckResult.causes` in words: a commit's stale sources, or one group."""
    where, what = check_cause_parts(item, listed=listed)
    return f"{where}: {what}" if what else where


def check_cause_parts(
    item: ProblemGroup | CommitGroup, *, listed: int | None = LISTED, width: int | None = None
) -> tuple[str, str]:
    """A cause as (where and in which languages, what is wrong); the second part is empty when
    the first says it all (a state: "README.md: stale in 3 of 8 languages"). `width` as for
    `describe_commit`."""
    from transync.policy.groups import CommitGroup  # loaded by check, which alone asks

    if isinstance(item, CommitGroup):
        if len(item.groups) != 1:
            return describe_commit(item, listed=listed, width=width), ""
        item = item.groups[0]
    if item.kind in _STATE_WORDS:
        return describe_problem_group(item, listed=listed), ""
    where, what = _finding_parts(item, len(item.verdicts), listed)
    return where, what + _tolerated(item)


def _behind(group: ProblemGroup) -> str:
    """Where the translations stand: the commit they were made from and how far behind."""
    provenance = group.provenance
    if provenance is None:
        return ""
    if provenance.translated_from is None:  # why it is not known, as `status` says it
        return f", {REASONS[provenance.reason]}" if provenance.reason in REASONS else ""
    behind = provenance.commits_behind
    commits = f", {behind} commit{'s' if behind != 1 else ''} behind" if behind else ""
    return f" (translated from {provenance.translated_from.short}{commits})"
