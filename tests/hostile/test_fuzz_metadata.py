"""The metadata readers survive any input and never invent a record (property-based)."""

from __future__ import annotations

import json
import re

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.hostile.strategies import any_text, dumps, json_values, mutated, records
from transync.metadata.inline import read_inline
from transync.metadata.notebook import read_notebook
from transync.metadata.sidecar import FAILURES_KEY, read_sidecar
from transync.model import MetadataProblem, MetadataRecord
from transync.paths import UnsafePath, normalise_source_file

LOCATION = "translations/ja/x.md"
_MD5 = re.compile("[0-9a-f]{32}")


def _sound(result: object) -> None:
    """A reader returns nothing, a problem with a reason, or a record with a usable hash."""
    assert result is None or isinstance(result, (MetadataRecord, MetadataProblem))
    if isinstance(result, MetadataRecord):
        assert _MD5.fullmatch(result.original_hash)
        assert result.source_file.strip()
        assert result.location == LOCATION
    if isinstance(result, MetadataProblem):
        assert result.reason


def _block(record: object, newline: str) -> str:
    return f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{dumps(record)}\n-->\n".replace("\n", newline)


newlines = st.sampled_from(["\n", "\r\n", "\r"])
prose = st.text(max_size=60).filter(lambda text: "CO_OP_TRANSLATOR_METADATA" not in text)


@given(st.binary(max_size=300))
def test_inline_reader_survives_any_bytes(data: bytes) -> None:
    _sound(read_inline(b"<!-- CO_OP_TRANSLATOR_METADATA:" + data, LOCATION))


@given(
    mutated(
        st.builds(lambda record, newline: _block(record, newline).encode(), records(), newlines)
    )
)
def test_inline_reader_survives_damaged_blocks(data: bytes) -> None:
    _sound(read_inline(data, LOCATION))


@given(
    records(valid=True), prose, prose, newlines, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])
)
def test_inline_reader_finds_a_valid_record_wherever_it_sits(
    record: dict[str, object], before: str, after: str, newline: str, encoding: str
) -> None:
    if any("-->" in str(value) for value in record.values()):
        # The HTML comment ends at the first "-->", inside the JSON: co-op-translator cannot
        # read such a block either, so invalid-metadata is the truth (see docs/robustness.md).
        return
    # A block shown inside a fenced code sample is an example, not the file's metadata.
    assume(not re.search(r"^[ \t]{0,3}(```|~~~)", before.replace("\r", "\n"), re.MULTILINE))
    text = before + _block(record, newline) + after
    result = read_inline(text.encode(encoding, "surrogatepass"), LOCATION)
    if "\x00" in before + after and encoding != "utf-16":
        assert isinstance(result, MetadataProblem)  # a NUL byte means binary, not text
        return
    assert isinstance(result, MetadataRecord), result
    assert result.original_hash == str(record["original_hash"]).lower()
    assert result.source_file == record["source_file"]


@given(
    mutated(
        st.builds(
            lambda value: dumps(value).encode(), st.dictionaries(any_text, records(), max_size=3)
        )
    )
)
def test_sidecar_reader_survives_damaged_files(data: bytes) -> None:
    sidecar = read_sidecar(data, LOCATION)
    for key, entry in sidecar.records.items():
        assert not key.startswith("/") and "\x00" not in key
        _sound(entry)
    assert all(problem.reason for problem in sidecar.problems)


@given(st.binary(max_size=300))
def test_sidecar_reader_survives_any_bytes(data: bytes) -> None:
    sidecar = read_sidecar(data, LOCATION)
    assert sidecar.error or isinstance(sidecar.records, dict)


@given(st.dictionaries(any_text, records(valid=True), max_size=4), json_values)
def test_sidecar_reader_keeps_every_valid_entry_or_says_why_not(
    entries: dict[str, dict[str, object]], failures: object
) -> None:
    data = json.dumps({**entries, FAILURES_KEY: failures}).encode("utf-8", "surrogatepass")
    sidecar = read_sidecar(data, LOCATION)
    assert sidecar.error is None
    keys: dict[str, list[str]] = {}
    for key in entries:
        if key.startswith("__"):
            continue
        try:
            path = normalise_source_file(key)
            if path == ".." or path.startswith("../"):
                raise UnsafePath("leaves the folder")
            keys.setdefault(path, []).append(key)
        except UnsafePath:
            assert any(repr(key) in problem.reason for problem in sidecar.problems)
    assert set(sidecar.records) == set(keys)
    for path, originals in keys.items():
        entry = sidecar.records[path]
        if len(originals) > 1:
            assert isinstance(entry, MetadataProblem) and "appears twice" in entry.reason
        else:
            assert isinstance(entry, MetadataRecord)
            assert entry.original_hash == str(entries[originals[0]]["original_hash"]).lower()


@given(st.binary(max_size=300), st.integers(0, 300))
def test_notebook_reader_survives_any_bytes(data: bytes, at: int) -> None:
    _sound(read_notebook(data[:at] + b'"coopTranslator"' + data[at:], LOCATION))


@given(json_values, records())
def test_notebook_reader_survives_any_json_shape(cells: object, record: object) -> None:
    for notebook in (
        {"cells": cells, "metadata": {"coopTranslator": record}},
        {"metadata": cells, "coopTranslator": record},
        [cells, "coopTranslator"],
    ):
        _sound(read_notebook(json.dumps(notebook).encode(), LOCATION))
