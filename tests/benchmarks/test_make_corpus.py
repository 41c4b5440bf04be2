"""The benchmark corpus is what it claims to be, so that benchmark figures mean something."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from benchmarks.make_corpus import Fractions, generate, main
from click.testing import CliRunner

from transync.cli import cli


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", sources=12, languages=3, seed=7)
    generate(tmp_path / "b", sources=12, languages=3, seed=7)
    generate(tmp_path / "c", sources=12, languages=3, seed=8)
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")
    assert _tree_digest(tmp_path / "a") != _tree_digest(tmp_path / "c")


def test_status_reports_exactly_the_generated_counts(tmp_path: Path) -> None:
    fractions = Fractions(stale=0.2, missing=0.1, untracked=0.1, orphan=0.1, notebooks=0.3)
    summary = generate(tmp_path, sources=40, languages=4, seed=3, fractions=fractions)
    result = CliRunner().invoke(cli, ["status", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    counts = {state: n for state, n in report["totals"]["counts"].items() if n}
    assert counts == summary["counts"]
    assert set(counts) == {"current", "stale", "missing", "orphan", "untracked"}
    present = [entry for entry in report["files"] if entry["state"] != "missing"]
    assert len(present) == summary["translated_files"]
    assert len(report["languages"]) == 4


def test_the_corpus_mixes_metadata_generations_and_notebooks(tmp_path: Path) -> None:
    generate(tmp_path, sources=40, languages=3, seed=5, fractions=Fractions(notebooks=0.3))
    result = CliRunner().invoke(cli, ["status", str(tmp_path), "--format", "json"])
    report = json.loads(result.output)
    origins = Counter((entry["kind"], entry["metadata"]) for entry in report["files"])
    assert {("markdown", "sidecar"), ("markdown", "inline")} <= set(origins)
    assert {("notebook", "sidecar"), ("notebook", "notebook")} <= set(origins)


def test_sources_are_realistic_markdown_of_2_to_20_kb(tmp_path: Path) -> None:
    generate(tmp_path, sources=16, languages=1, seed=2, fractions=Fractions(notebooks=0.0))
    sources = list((tmp_path / "lessons").rglob("*.md"))
    assert len(sources) == 16
    for source in sources:
        text = source.read_text()
        assert 2_000 <= len(text.encode()) <= 21_000
    everything = "".join(source.read_text() for source in sources)
    for feature in ("\n## ", "| --- |", "```python", "](./part-", "![", "https://"):
        assert feature in everything


def test_the_command_line_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["--sources", "1", "--languages", "1", "--out", str(tmp_path)]) == 2
