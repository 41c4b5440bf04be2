"""The plain data that flows through transync's pipeline.

Every stage takes these values and returns new ones; nothing here does I/O. They are frozen
so that a check, a renderer or a cache can hold on to them without fearing that a later stage
changed them underneath.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

LANG_PLACEHOLDER = "<lang>"
# The checks that find a page empty or cut off: the most urgent work a language has.
GUTTED_CHECKS = frozenset({"truncated", "content-lost", "empty"})


# A scan's progress: called once with the number of translated files, then with each batch done.
ProgressFactory = Callable[[int], Callable[[int], None]]


class Severity(str, Enum):
    """How much a state or finding matters; `check` fails on errors by default."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class State(str, Enum):
    """Where one translated file stands against its source. Exactly one per language x file."""

    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"
    ORPHAN = "orphan"
    UNTRACKED = "untracked"
    INVALID_METADATA = "invalid-metadata"
    FAILED = "failed"

    @property
    def severity(self) -> Severity | None:
        """Current files need no attention; untracked ones may be hand-written on purpose."""
        if self is State.CURRENT:
            return None
        if self is State.UNTRACKED:
            return Severity.WARNING
        return Severity.ERROR


class Kind(str, Enum):
    """What sort of file a translation is; each is read by its own metadata reader."""

    MARKDOWN = "markdown"
    NOTEBOOK = "notebook"
    IMAGE = "image"


class MetadataOrigin(str, Enum):
    """Where a metadata record was read from, in co-op-translator's order of precedence."""

    SIDECAR = "sidecar"
    NOTEBOOK = "notebook"
    INLINE = "inline"


@dataclass(frozen=True)
class Layout:
    """Pairs a translation root template (with `<lang>`) with the source root it mirrors.

    `translations="docs/i18n/<lang>"`, `sources="docs"` says that `docs/i18n/ja/cli.md` is the
    Japanese translation of `docs/cli.md`.
    """

    translations: str
    sources: str
    # mkdocs-static-i18n's suffixes: `page.fr.md` beside `page.md`, in the source tree itself
    # (`translations` is then the source root, without `<lang>`).
    suffix: bool = False

    @property
    def container(self) -> str:
        """The folder whose children are the language folders (`docs/i18n`)."""
        return self.translations.split(LANG_PLACEHOLDER, 1)[0].rstrip("/") or "."

    def translation_root(self, language: str) -> str:
        return self.translations.replace(LANG_PLACEHOLDER, language).rstrip("/")

    def source_key(self, key: str, language: str) -> str:
        """A translation's path below its translation root -> its source's below the source
        root: the same path, or `page.fr.md` -> `page.md` with suffixes."""
        if not self.suffix:
            return key
        stem, dot, extension = key.rpartition(".")
        marker = f".{language}"
        if dot and stem.endswith(marker):
            return f"{stem[: -len(marker)]}.{extension}"
        return key

    def translation_key(self, key: str, language: str) -> str:
        """The inverse of `source_key`."""
        if not self.suffix:
            return key
        stem, dot, extension = key.rpartition(".")
        return f"{stem}.{language}.{extension}" if dot else f"{key}.{language}"


@dataclass(frozen=True)
class LanguageFolder:
    """One language's translation root inside one layout; the language is the folder name."""

    layout: Layout
    code: str
    path: str


@dataclass(frozen=True)
class MetadataRecord:
    """What co-op-translator wrote down when it made a translation.

    `source_file` is kept exactly as written (backslashes and all); `source` is the
    repository-relative POSIX path it resolves to, or None when it cannot be trusted.
    """

    origin: MetadataOrigin
    location: str
    line: int | None
    source_file: str
    original_hash: str
    translation_date: str | None
    language_code: str | None


@dataclass(frozen=True)
class MetadataProblem:
    """Metadata that exists but cannot be used: the reason names what is wrong."""

    origin: MetadataOrigin
    location: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class FailureRecord:
    """An entry of `__translation_failures__`: the last attempt to translate a source failed."""

    location: str
    source_file: str
    original_hash: str | None
    detail: str | None


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed. Plain data: checks create them, renderers show them."""

    check: str
    severity: Severity
    path: str
    message: str
    language: str | None = None
    line: int | None = None
    # Where in the English source the finding is (the source's path and 1-based line): the
    # same defect in forty languages shares it, which is how roll-ups group across languages.
    source: str | None = None
    source_line: int | None = None
    # How many occurrences of one cause in this file the finding stands for (every rewritten
    # table-of-contents anchor of a page is one finding with a count, at the first line).
    count: int = 1


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


@dataclass(frozen=True)
class FindingGroup:
    """A roll-up: findings with one cause, shown as one line, kept whole for `--details`.

    The same check at the same place of the same source (`source`, `source_line`) in every
    language that has it is one group naming those languages; `of_languages` is how many
    languages translate that source, so a renderer can say "in 40 of 54 languages". `count`
    adds up the instances' own counts. The JSON report keeps every instance.
    """

    check: str
    severity: Severity
    message: str
    source: str | None
    source_line: int | None
    languages: tuple[str, ...]
    of_languages: int
    count: int
    instances: tuple[Finding, ...]


@dataclass(frozen=True)
class TextAmount:
    """The letters and digits (in bytes) of a page's own text and of its source's, measured
    for pages small enough to have lost most of it (`metadata.own_text`)."""

    translation: int
    source: int


@dataclass(frozen=True)
class TranslationEntry:
    """The verdict for one language x file, with the evidence it was reached from.

    `records` holds every metadata record found for the file, best first; `record` is the one
    that decided the state. Renderers show only the public fields (see `report.json_report`).
    """

    language: str
    state: State
    kind: Kind
    source: str
    translation: str
    stored_hash: str | None = None
    current_hash: str | None = None
    translated_at: str | None = None
    folder: LanguageFolder | None = None
    record: MetadataRecord | None = None
    records: tuple[MetadataRecord, ...] = ()
    problems: tuple[MetadataProblem, ...] = ()
    failure: FailureRecord | None = None
    note: str | None = None
    provenance: Provenance | None = None
    # Measured only for a page small beside its source (the `empty` check judges it).
    text: TextAmount | None = None
    # Only for untracked translations judged from git history (see `history.estimates`).
    estimate: Estimate | None = None

    @property
    def basis(self) -> str | None:
        """What the state rests on: the stored hash, git history (an estimate), or nothing."""
        if self.estimate is not None:
            return self.estimate.basis
        return BASIS_HASH if self.record is not None else None


@dataclass(frozen=True)
class LanguageSummary:
    """Counts of states for one language, and the share of it that is up to date.

    `counts` and `fresh_percent` are the headline: translated pages (Markdown, notebooks),
    and images too only where the configuration counts them (`count-images`), so that
    thousands of images without metadata never dilute the figure of the pages. `images`
    counts every translated image's state, counted in the headline or not.
    """

    code: str
    counts: Mapping[State, int]
    fresh_percent: float
    images: Mapping[State, int] = field(default_factory=dict)
    images_counted: bool = False

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    @property
    def image_files(self) -> int:
        return sum(self.images.values())


@dataclass(frozen=True)
class EstimatedSummary:
    """One language's estimated states, and its fresh share were they counted (the figure
    `estimates = "count"` gives)."""

    code: str
    counts: Mapping[EstimatedState, int]
    fresh_percent: float


@dataclass(frozen=True)
class Report:
    """Everything one scan found. The JSON renderer turns this into `transync.report/1`."""

    root: str
    layouts: tuple[Layout, ...]
    languages: tuple[LanguageSummary, ...]
    totals: LanguageSummary
    entries: tuple[TranslationEntry, ...]
    findings: tuple[Finding, ...] = field(default=())
    causes: tuple[Cause, ...] = field(default=())
    commit_causes: tuple[CommitCause, ...] = field(default=())
    finding_groups: tuple[FindingGroup, ...] = field(default=())
    # The groups of one check in one source file that reach the same languages, merged: one
    # line per cause in the default views (`rollup.by_file`).
    finding_causes: tuple[FindingGroup, ...] = field(default=())
    # Estimated states of untracked translations per language and in total ("total"): shown
    # apart from `languages` and `totals` (see `history.estimates`).
    estimated: Mapping[str, EstimatedSummary] = field(default_factory=dict)
