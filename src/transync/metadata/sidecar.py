"""`.co-op-translator.json`, the per-language sidecar co-op-translator writes today.

    {"lesson/README.md": {"original_hash": ..., "source_file": ..., ...},
     "__translation_failures__": {"lesson/README.md": {"original_hash": ..., "status": "failed",
                                                      "error_type": ...}}}

Keys are source paths relative to the layout's source root (the same sidecar format is used
by `translated_images/<lang>/`, keyed by the translated image's file name).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from transync.metadata.fields import parse_record
from transync.model import FailureRecord, MetadataOrigin, MetadataProblem, MetadataRecord
from transync.paths import UnsafePath, normalise_source_file

FAILURES_KEY = "__translation_failures__"
_ORIGIN = MetadataOrigin.SIDECAR


@dataclass(frozen=True)
class Sidecar:
    """A parsed sidecar. `error` is set when the file as a whole could not be used."""

    location: str
    records: Mapping[str, MetadataRecord | MetadataProblem] = field(default_factory=dict)
    failures: Mapping[str, FailureRecord] = field(default_factory=dict)
    problems: tuple[MetadataProblem, ...] = ()
    error: str | None = None


def read_sidecar(data: bytes, location: str) -> Sidecar:
    """Parse a sidecar; entries are keyed by their normalised source path."""
    try:
        pairs = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_Pairs)
    except (ValueError, RecursionError) as error:
        return Sidecar(location, error=f"not valid JSON: {error}")
    if not isinstance(pairs, _Pairs):
        return Sidecar(location, error="top level is not a JSON object")
    records: dict[str, MetadataRecord | MetadataProblem] = {}
    problems: list[MetadataProblem] = []
    failures: dict[str, FailureRecord] = {}
    for key, value in pairs:
        if key == FAILURES_KEY:
            failures.update(_failures(value, location, problems))
            continue
        if key.startswith("__"):
            continue  # reserved for co-op-translator's own bookkeeping
        try:
            path = _key(key)
        except UnsafePath as error:
            problems.append(MetadataProblem(_ORIGIN, location, None, f"entry {key!r}: key {error}"))
            continue
        record = parse_record(_plain(value), _ORIGIN, location, default_source=key)
        if isinstance(record, MetadataProblem):
            record = MetadataProblem(_ORIGIN, location, None, f"entry {key!r}: {record.reason}")
        if path in records:
            record = MetadataProblem(
                _ORIGIN, location, None, f"entry {key!r} appears twice (after normalising the path)"
            )
        records[path] = record
    return Sidecar(location, records, failures, tuple(problems))


def _failures(
    value: object, location: str, problems: list[MetadataProblem]
) -> dict[str, FailureRecord]:
    if not isinstance(value, _Pairs):
        problems.append(
            MetadataProblem(_ORIGIN, location, None, f"'{FAILURES_KEY}' is not an object")
        )
        return {}
    failures = {}
    for key, record in value:
        try:
            path = _key(key)
        except UnsafePath as error:
            problems.append(
                MetadataProblem(_ORIGIN, location, None, f"failure {key!r}: key {error}")
            )
            continue
        plain = _plain(record)
        fields = plain if isinstance(plain, dict) else {}
        original_hash = fields.get("original_hash")
        detail = fields.get("error_type") or fields.get("error") or fields.get("status")
        failures[path] = FailureRecord(
            location=location,
            source_file=key,
            original_hash=original_hash.lower() if isinstance(original_hash, str) else None,
            detail=detail if isinstance(detail, str) else None,
        )
    return failures


def _key(key: str) -> str:
    """A key names a file inside the sidecar's own folder: normalised, and refused when
    absolute or leaving the folder (`../x.md` would be joined onto the folder and climb)."""
    path = normalise_source_file(key)
    if path == ".." or path.startswith("../"):
        raise UnsafePath(f"leaves the folder ({key!r})")
    return path


class _Pairs(list[tuple[str, object]]):
    """A JSON object kept as its key/value pairs, so that repeated keys are not lost."""


def _plain(value: object) -> object:
    """Turn kept pairs back into ordinary dicts (records are small; last key wins, like JSON)."""
    # Scalars are passed through without a call: sidecars hold thousands of records.
    if isinstance(value, _Pairs):
        return {key: _plain(item) if isinstance(item, list) else item for key, item in value}
    if isinstance(value, list):
        return [_plain(item) if isinstance(item, list) else item for item in value]
    return value
