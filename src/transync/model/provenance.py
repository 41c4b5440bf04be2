"""What git history tells about a translation: the commit it was made from, what changed in
its source since, the estimate for one without metadata, and the causes of staleness."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class CommitRef:
    """One commit as provenance names it: enough to find it, date it and recognise it."""

    id: str
    date: str
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.id[:7]


class ChangeKind(str, Enum):
    """What a source diff touched, from the most cosmetic to the most work to retranslate.

    The order matters: a diff is classified by the most significant kind it contains.
    """

    WHITESPACE = "whitespace"
    LINKS_ONLY = "links-only"
    CODE_ONLY = "code-only"
    TABLE = "table"
    PROSE = "prose"


# The changes `transync port` carries into a translation with no translator (links, code,
# wrapping): the work list lists them as `port`, not as words to translate.
PORTABLE = frozenset({ChangeKind.WHITESPACE, ChangeKind.LINKS_ONLY, ChangeKind.CODE_ONLY})


@dataclass(frozen=True)
class Change:
    """How the source changed since the translation was made (see `history.changes`)."""

    kind: ChangeKind
    prose_words: int = 0


@dataclass(frozen=True)
class Provenance:
    """What git history says about a stale or orphaned translation.

    `origin` is "commit" when a committed version of the source has the stored hash
    (`translated_from`), "unknown" otherwise; `reason` then says why (`shallow-clone`,
    `no-matching-version`, `not-committed`) and `detail` says it in words. Fields that do not
    depend on the origin (the source's last change, the translation's age) are filled either way.
    `change` classifies the source diff since `translated_from`, for policies such as
    `--fail-on stale:prose`.
    """

    origin: str
    reason: str | None = None
    detail: str | None = None
    translated_from: CommitRef | None = None
    stale_since: CommitRef | None = None
    missed: tuple[CommitRef, ...] = ()
    last_changed: CommitRef | None = None
    days_behind: int | None = None
    days_since_translation: int | None = None
    change: Change | None = None
    line_endings: str | None = None
    removed_in: CommitRef | None = None
    moved_to: str | None = None
    moved_by: str | None = None
    # The blob of `translated_from`'s version of the source, for `transync diff` (not reported).
    source_blob: str | None = None

    @property
    def commits_behind(self) -> int | None:
        return len(self.missed) if self.translated_from is not None else None


class EstimatedState(str, Enum):
    """Where an untracked translation stands, judged from git history instead of a stored hash.

    `outdated`: its source has commits after the translation's last commit; `up-to-date`: none;
    `moved`: the source it mirrors was renamed or moved (to `Provenance.moved_to`); `removed`:
    the source was deleted; `unknown`: history cannot tell (`Estimate.detail` says why).
    """

    OUTDATED = "outdated"
    UP_TO_DATE = "up-to-date"
    MOVED = "moved"
    REMOVED = "removed"
    UNKNOWN = "unknown"

    @property
    def needs_work(self) -> bool:
        return self in (EstimatedState.OUTDATED, EstimatedState.MOVED)


BASIS_HASH = "hash"


BASIS_GIT = "git"

# The cause of stale translations in a scan that read no git history.
NO_HISTORY = "no-history"


@dataclass(frozen=True)
class Estimate:
    """The git-history verdict on a translation without metadata (basis "git").

    `translation_commit` is the translation's last commit that changed its text (moves do not
    count); the source side (the version it was made from, the commits since, where the source
    moved) is the entry's `Provenance`.
    """

    state: EstimatedState
    translation_commit: CommitRef | None = None
    detail: str | None = None
    basis: str = BASIS_GIT


@dataclass(frozen=True)
class Cause:
    """One source change that made several translations stale: one fix, many languages.

    `commit` is the source's `stale_since`. When there is none, `reason` says why: the
    provenance reason (origin unknown), or `uncommitted-changes` (the source changed only in the
    working tree since the translation's commit).
    """

    source: str
    commit: CommitRef | None
    reason: str | None
    languages: tuple[str, ...]
    of_languages: int


@dataclass(frozen=True)
class CommitCause:
    """One commit that made translations stale, across every source it changed.

    "822bab6 'Feb2026 update' changed 22 sources: 1,185 translations stale, in 54 languages"
    is one line to act on where the per-source causes are 22. `commit` is None for the causes
    without a commit (`reason` says why, as in `Cause`).
    """

    commit: CommitRef | None
    reason: str | None
    causes: tuple[Cause, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(cause.source for cause in self.causes)

    @property
    def translations(self) -> int:
        return sum(len(cause.languages) for cause in self.causes)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({language for cause in self.causes for language in cause.languages}))

    @property
    def of_languages(self) -> int:
        """How many languages translate any of the sources: "in 51 of 54 languages"."""
        return max((cause.of_languages for cause in self.causes), default=0)
