"""What metadata says and what checks find: records, their problems, recorded failures,
findings."""

from __future__ import annotations

from dataclasses import dataclass

from transync.model.states import MetadataOrigin, Severity


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
