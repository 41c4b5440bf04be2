"""`transync migrate`: records move between inline blocks and sidecars and no state changes,
even when the run is killed part-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.builders import RepoBuilder
from tests.commands.conftest import Invoke, status
from tests.treehash import tree_hash
from transync.model import MetadataOrigin, State

SIDECAR = "translations/ja/.co-op-translator.json"


def _states(root: Path) -> dict[str, State]:
    return {entry.translation: entry.state for entry in status(root).entries}


def _origins(root: Path) -> set[MetadataOrigin]:
    return {record.origin for entry in status(root).entries for record in entry.records}


def _mixed(repo: RepoBuilder) -> None:
    """Current, stale and orphaned pages, all inline, and a failure record in the sidecar."""
    repo.source("README.md", "# Hello\n")
    repo.source("guide/setup.md", "# Setup\n")
    repo.source("guide/use.md", "# Use\n")
    repo.inline("ja", "README.md", "# こんにちは\n")
    repo.inline("ja", "guide/setup.md", "# 設定\n", stale=True)
    repo.inline("ja", "guide/gone.md", "# 消えた\n")
    repo.inline("ja", "guide/use.md", "# 使う\n")
    repo.update_sidecar(
        "ja",
        {
            "__translation_failures__": {
                "guide/use.md": {
                    "original_hash": repo.source_hash("guide/use.md"),
                    "status": "failed",
                }
            }
        },
    )


def test_migrate_there_and_back_keeps_every_state_and_every_byte(
    repo: RepoBuilder, invoke: Invoke
) -> None:
    _mixed(repo)
    states, original = _states(repo.root), tree_hash(repo.root)
    assert set(states.values()) >= {State.CURRENT, State.STALE, State.ORPHAN, State.FAILED}
    assert invoke("migrate", str(repo.root), "--to", "json").exit_code == 0
    assert _states(repo.root) == states
    assert _origins(repo.root) == {MetadataOrigin.SIDECAR}
    sidecar = json.loads((repo.root / SIDECAR).read_text())
    assert sorted(sidecar) == [
        "README.md",
        "__translation_failures__",
        "guide/gone.md",
        "guide/setup.md",
        "guide/use.md",
    ]
    assert invoke("migrate", str(repo.root), "--to", "inline").exit_code == 0
    assert _states(repo.root) == states
    assert _origins(repo.root) == {MetadataOrigin.INLINE}
    assert tree_hash(repo.root) == original  # the failure record stayed; pages as they were


def test_a_page_whose_two_records_differ_is_left_alone(repo: RepoBuilder, invoke: Invoke) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md", "# こんにちは\n")
    repo.sidecar_entry("ja", "README.md", None, stale=True)
    before = tree_hash(repo.root)
    result = invoke("migrate", str(repo.root), "--to", "json")
    assert result.exit_code == 1
    assert "hold different records" in result.output
    assert tree_hash(repo.root) == before


def test_dry_run_shows_both_sides_and_writes_nothing(repo: RepoBuilder, invoke: Invoke) -> None:
    _mixed(repo)
    before = tree_hash(repo.root)
    result = invoke("migrate", str(repo.root), "--to", "json", "--dry-run")
    assert result.exit_code == 0
    assert "-CO_OP_TRANSLATOR_METADATA:" in result.output
    assert '+  "guide/setup.md": {' in result.output
    assert tree_hash(repo.root) == before


def test_a_migrate_killed_at_any_moment_loses_no_record_and_a_rerun_finishes(
    repo: RepoBuilder, cache_dir: Path
) -> None:
    for index in range(400):
        repo.source(f"pages/p{index:03}.md", f"# Page {index}\n")
        repo.inline("ja", f"pages/p{index:03}.md", f"# ページ {index}\n", stale=index % 3 == 0)
    states = _states(repo.root)
    command = [sys.executable, "-m", "transync", "migrate", str(repo.root), "--to", "json"]
    environment = {**os.environ, "TRANSYNC_CACHE_DIR": str(cache_dir)}
    # Varied moments: some kills land while pages are written, some before, some after.
    for delay in (0.2, 0.6, 0.9, 1.3, 1.8, 2.5):
        process = subprocess.Popen(
            command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _states(repo.root) == states  # every record readable, in one place or both
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert _states(repo.root) == states
    assert _origins(repo.root) == {MetadataOrigin.SIDECAR}
    assert not list(repo.root.rglob("*.tmp"))  # what a kill left half-written is cleared
