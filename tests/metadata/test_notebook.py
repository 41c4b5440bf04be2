"""`metadata.coopTranslator` in translated notebooks."""

from __future__ import annotations

import json

from tests.builders import md5, record
from transync.metadata.notebook import read_notebook
from transync.model import MetadataProblem, MetadataRecord

HASH = md5("source")


def test_reads_the_record_from_notebook_metadata() -> None:
    notebook = {"cells": [], "metadata": {"coopTranslator": record("nb.ipynb", HASH, "ko")}}
    entry = read_notebook(json.dumps(notebook).encode(), "t.ipynb")
    assert isinstance(entry, MetadataRecord)
    assert entry.source_file == "nb.ipynb"


def test_a_notebook_without_the_record_has_no_metadata() -> None:
    assert read_notebook(json.dumps({"cells": [], "metadata": {}}).encode(), "t.ipynb") is None


def test_a_notebook_that_is_not_json_but_mentions_the_key_is_a_problem() -> None:
    entry = read_notebook(b'{"metadata": {"coopTranslator": ', "t.ipynb")
    assert isinstance(entry, MetadataProblem)
    assert "not valid JSON" in entry.reason
