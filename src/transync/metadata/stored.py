"""What the metadata readers return, as JSON-ready lists, to keep between runs.

Kept by content (git blobs, `history.parsed_store`) and by stat signature (files on disk,
`classify.memo`); bump the keeping file's version when a reader parses differently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transync.metadata.sidecar import Sidecar
from transync.model import FailureRecord, MetadataOrigin, MetadataProblem, MetadataRecord

Parsed = MetadataRecord | MetadataProblem | FailureRecord | Sidecar | int | None


def reader_name(reader: Callable[..., Any]) -> str:
    """What names a reader among kept results: its module and name."""
    return f"{reader.__module__}.{reader.__qualname__}"


def encode(value: Parsed) -> Any:
    """A reader's result as JSON-ready lists tagged by type (`None` and numbers stay as they
    are)."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, MetadataRecord):
        return [
            "record",
            value.origin.value,
            value.location,
            value.line,
            value.source_file,
            value.original_hash,
            value.translation_date,
            value.language_code,
        ]
    if isinstance(value, MetadataProblem):
        return ["problem", value.origin.value, value.location, value.line, value.reason]
    if isinstance(value, FailureRecord):
        return ["failure", value.location, value.source_file, value.original_hash, value.detail]
    if isinstance(value, Sidecar):
        return [
            "sidecar",
            value.location,
            {key: encode(item) for key, item in value.records.items()},
            {key: encode(item) for key, item in value.failures.items()},
            [encode(problem) for problem in value.problems],
            value.error,
        ]
    raise TypeError(f"cannot keep a {type(value).__name__}")


def decode(data: Any) -> Parsed:
    """The inverse of `encode`; raises ValueError, TypeError, KeyError or IndexError on data
    it did not write."""
    if data is None or type(data) is int:
        return data
    tag, *fields = data
    if tag == "record":
        origin, location, line, source_file, original_hash, date, language = fields
        return MetadataRecord(
            MetadataOrigin(origin), location, line, source_file, original_hash, date, language
        )
    if tag == "problem":
        origin, location, line, reason = fields
        return MetadataProblem(MetadataOrigin(origin), location, line, reason)
    if tag == "failure":
        return FailureRecord(*fields)
    if tag == "sidecar":
        location, records, failures, problems, error = fields
        return Sidecar(
            location,
            {key: _record_or_problem(decode(item)) for key, item in records.items()},
            {key: _failure(decode(item)) for key, item in failures.items()},
            tuple(_problem(decode(item)) for item in problems),
            error,
        )
    raise ValueError(f"unknown tag {tag!r}")


def _record_or_problem(value: Parsed) -> MetadataRecord | MetadataProblem:
    if isinstance(value, MetadataRecord | MetadataProblem):
        return value
    raise TypeError("a sidecar entry must be a record or a problem")


def _failure(value: Parsed) -> FailureRecord:
    if isinstance(value, FailureRecord):
        return value
    raise TypeError("a failure entry must be a failure record")


def _problem(value: Parsed) -> MetadataProblem:
    if isinstance(value, MetadataProblem):
        return value
    raise TypeError("a sidecar problem must be a problem")
