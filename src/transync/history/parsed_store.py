"""What the metadata readers made of git blobs, kept across runs in the cache folder.

A blob's bytes never change, so what `read_inline`, `read_notebook` or `read_sidecar` return
for a blob at a path is true forever: a trend over a commit it has not judged yet reads only
the blobs no earlier run parsed. Keyed by blob id and path (records name their location);
bump the file's version when a reader parses differently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from transync.history.store import Store
from transync.metadata.sidecar import Sidecar
from transync.model import FailureRecord, MetadataOrigin, MetadataProblem, MetadataRecord

PARSED_CACHE = "parsed-metadata.v1.json"

Parsed = MetadataRecord | MetadataProblem | FailureRecord | Sidecar | None


class ParsedStore:
    """Reader results by (blob, path, reader), as compact JSON."""

    def __init__(self, file: Path | None) -> None:
        self._store = Store(file)

    def knows(self, blob: str, path: str) -> bool:
        return self._store.get(f"{blob}:{path}") is not None

    def get(self, blob: str, path: str, reader: Callable[..., Any]) -> tuple[bool, Any]:
        """(True, what `reader` returned) when stored, else (False, None)."""
        entry = self._store.get(f"{blob}:{path}")
        if not isinstance(entry, dict) or _name(reader) not in entry:
            return False, None
        try:
            return True, decode(entry[_name(reader)])
        except (ValueError, TypeError, KeyError, IndexError):
            return False, None  # a damaged entry: parsed again, and replaced

    def put(self, blob: str, path: str, reader: Callable[..., Any], value: Any) -> None:
        try:
            encoded = encode(value)
        except TypeError:
            return  # a reader result this store does not know: simply not kept
        entry = self._store.get(f"{blob}:{path}")
        entry = dict(entry) if isinstance(entry, dict) else {}
        entry[_name(reader)] = encoded
        self._store.put(f"{blob}:{path}", entry)

    def save(self) -> None:
        self._store.save()


def _name(reader: Callable[..., Any]) -> str:
    return f"{reader.__module__}.{reader.__qualname__}"


def encode(value: Parsed) -> Any:
    """A reader's result as JSON-ready lists tagged by type (`None` stays null)."""
    if value is None:
        return None
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
    if data is None:
        return None
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
