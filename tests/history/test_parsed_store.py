"""Reader results kept across runs: every type round-trips; damaged entries are re-parsed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.builders import inline_block, md5, record
from transync.history.parsed_store import ParsedStore
from transync.metadata.inline import read_inline
from transync.metadata.notebook import read_notebook
from transync.metadata.sidecar import read_sidecar
from transync.metadata.stored import decode, encode

SIDECAR = json.dumps(
    {
        "guide.md": record("guide.md", md5("x"), "fr"),
        "bad.md": {"original_hash": 3},
        "__translation_failures__": {"lost.md": {"original_hash": md5("y"), "error": "quota"}},
    }
).encode()


def test_every_reader_result_round_trips() -> None:
    results = [
        read_inline(inline_block("guide.md", md5("x"), "fr").encode() + b"# Guide\n", "fr/g.md"),
        read_inline(b"<!--\nCO_OP_TRANSLATOR_METADATA:\n{oops\n-->\n", "fr/broken.md"),
        read_inline(b"# No metadata\n", "fr/none.md"),
        read_notebook(b'{"cells": [], "metadata": {}}', "fr/n.ipynb"),
        read_sidecar(SIDECAR, "translations/fr/.co-op-translator.json"),
        read_sidecar(b"{not json", "translations/ja/.co-op-translator.json"),
    ]
    for result in results:
        assert decode(json.loads(json.dumps(encode(result)))) == result
    sidecar = results[4]
    assert sidecar is not None and not isinstance(sidecar, list)


def test_results_are_kept_by_blob_path_and_reader(tmp_path: Path) -> None:
    file = tmp_path / "parsed.json"
    store = ParsedStore(file)
    value = read_inline(inline_block("a.md", md5("a"), "fr").encode(), "fr/a.md")
    store.put("b" * 40, "fr/a.md", read_inline, value)
    store.save()
    again = ParsedStore(file)
    assert again.get("b" * 40, "fr/a.md", read_inline) == (True, value)
    assert again.get("b" * 40, "fr/a.md", read_notebook) == (False, None)
    assert again.get("b" * 40, "fr/other.md", read_inline) == (False, None)
    assert again.knows("b" * 40, "fr/a.md") and not again.knows("c" * 40, "fr/a.md")


def test_a_damaged_entry_is_not_used(tmp_path: Path) -> None:
    file = tmp_path / "parsed.json"
    file.write_text(
        json.dumps({f"{'b' * 40}:fr/a.md": {"transync.metadata.inline.read_inline": ["record", 1]}})
    )
    assert ParsedStore(file).get("b" * 40, "fr/a.md", read_inline) == (False, None)
