"""The `.co-op-translator.json` reader: records, failures, and broken files."""

from __future__ import annotations

import json

from tests.builders import md5, record
from transync.metadata.sidecar import read_sidecar
from transync.model import MetadataProblem, MetadataRecord

HASH = md5("source")


def _read(value: object) -> object:
    return read_sidecar(json.dumps(value).encode(), "translations/ja/.co-op-translator.json")


def test_records_are_keyed_by_normalised_source_path() -> None:
    sidecar = read_sidecar(
        json.dumps({"lesson\\README.md": record("lesson\\README.md", HASH, "ja")}).encode(),
        "s.json",
    )
    assert list(sidecar.records) == ["lesson/README.md"]
    entry = sidecar.records["lesson/README.md"]
    assert isinstance(entry, MetadataRecord)
    assert entry.original_hash == HASH


def test_failures_are_not_files_but_a_map_of_failure_records() -> None:
    sidecar = read_sidecar(
        json.dumps(
            {
                "a.md": record("a.md", HASH, "ja"),
                "__translation_failures__": {
                    "a.md": {
                        "original_hash": md5("new"),
                        "status": "failed",
                        "error_type": "RuntimeError",
                    }
                },
            }
        ).encode(),
        "s.json",
    )
    assert list(sidecar.records) == ["a.md"]
    failure = sidecar.failures["a.md"]
    assert failure.original_hash == md5("new")
    assert failure.detail == "RuntimeError"


def test_a_record_without_source_file_uses_its_key() -> None:
    sidecar = read_sidecar(json.dumps({"a.md": {"original_hash": HASH}}).encode(), "s.json")
    entry = sidecar.records["a.md"]
    assert isinstance(entry, MetadataRecord)
    assert entry.source_file == "a.md"


def test_malformed_json_and_non_objects_make_the_whole_sidecar_unusable() -> None:
    assert "not valid JSON" in (read_sidecar(b"{", "s.json").error or "")
    assert read_sidecar(b"[]", "s.json").error == "top level is not a JSON object"


def test_an_entry_that_is_not_an_object_is_a_problem_for_that_file_only() -> None:
    sidecar = read_sidecar(
        json.dumps({"a.md": "nope", "b.md": record("b.md", HASH, "ja")}).encode(), "s.json"
    )
    assert isinstance(sidecar.records["a.md"], MetadataProblem)
    assert isinstance(sidecar.records["b.md"], MetadataRecord)


def test_two_keys_for_one_path_after_normalisation_are_a_problem() -> None:
    data = json.dumps(
        {"a/b.md": record("a/b.md", HASH, "ja"), "a\\b.md": record("a\\b.md", HASH, "ja")}
    )
    entry = read_sidecar(data.encode(), "s.json").records["a/b.md"]
    assert isinstance(entry, MetadataProblem)
    assert "appears twice" in entry.reason


def test_absolute_keys_are_reported_and_skipped() -> None:
    sidecar = read_sidecar(
        json.dumps({"/etc/passwd": record("/etc/passwd", HASH, "ja")}).encode(), "s.json"
    )
    assert sidecar.records == {}
    assert "absolute" in sidecar.problems[0].reason
