"""The verdicts and the report: one entry per language and file, the roll-ups, the figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from transync.model.layout import LanguageFolder, Layout
from transync.model.provenance import (
    BASIS_HASH,
    Cause,
    CommitCause,
    Estimate,
    EstimatedState,
    Provenance,
)
from transync.model.records import FailureRecord, Finding, MetadataProblem, MetadataRecord
from transync.model.states import Kind, Severity, State

# A scan's progress: called once with the number of translated files, then with each batch done.
ProgressFactory = Callable[[int], Callable[[int], None]]


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
