"""The four fields every co-op-translator record carries, validated once for every reader."""

from __future__ import annotations

import re

from transync.model import MetadataOrigin, MetadataProblem, MetadataRecord

_MD5 = re.compile(r"[0-9a-fA-F]{32}")


def parse_record(
    value: object,
    origin: MetadataOrigin,
    location: str,
    line: int | None = None,
    default_source: str | None = None,
) -> MetadataRecord | MetadataProblem:
    """Check a decoded JSON record; a sidecar passes its key as `default_source`."""

    def problem(reason: str) -> MetadataProblem:
        return MetadataProblem(origin, location, line, reason)

    if not isinstance(value, dict):
        return problem(f"record is {_json_type(value)}, not an object")
    original_hash = value.get("original_hash")
    if original_hash is None:
        return problem("record has no 'original_hash'")
    if not isinstance(original_hash, str):
        return problem(f"'original_hash' is {_json_type(original_hash)}, not a string")
    if not _MD5.fullmatch(original_hash):
        return problem(f"'original_hash' {original_hash[:40]!r} is not an MD5 hex digest")
    source_file = value.get("source_file", default_source)
    if source_file is None:
        return problem("record has no 'source_file'")
    if not isinstance(source_file, str) or not source_file.strip():
        return problem("'source_file' is not a non-empty string")
    return MetadataRecord(
        origin=origin,
        location=location,
        line=line,
        source_file=source_file,
        original_hash=original_hash.lower(),
        translation_date=_optional_string(value.get("translation_date")),
        language_code=_optional_string(value.get("language_code")),
    )


def _optional_string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"
