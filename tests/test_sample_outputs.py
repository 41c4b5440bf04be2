"""Findings and states on every real sample stay byte-identical while the code gets faster.

`status --format json` and `check --format json` (with history, an empty cache, then the cache
it filled) are pinned per sample by a digest of their JSON in `tests/data/sample_outputs.json`,
beside readable counts that show what moved when a digest does not match. Left out: the `tool`
key, which names the version, and the day counts (`days_behind`, `days_since_translation`),
which grow with the clock; the dates they are counted from stay in. A change meant to alter
what transync reports rewrites the pins on purpose, and its commit says why:

    python tests/test_sample_outputs.py
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

PINS = Path(__file__).parent / "data" / "sample_outputs.json"
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
FOLDERS = ("seed", "coop-docs", "mcp-retail", "edgeai")
BUNDLES = ("ai-healthcheck", "security-101")
DAY_COUNTS = frozenset({"days_behind", "days_since_translation"})
RUNS = {
    "status": ["status", "--format", "json"],
    "check, empty cache": ["check", "--format", "json"],
    "check, warm cache": ["check", "--format", "json"],
}


def outputs(root: Path, cache: Path) -> dict[str, dict[str, object]]:
    """Each run's exit code, digest and counts, run as a user runs them, in `root`."""
    environment = {**os.environ, "TRANSYNC_CACHE_DIR": str(cache)}
    for variable in ("FORCE_COLOR", "GITHUB_ACTIONS", "CI"):
        environment.pop(variable, None)
    found: dict[str, dict[str, object]] = {}
    for name, arguments in RUNS.items():
        done = subprocess.run(
            [sys.executable, "-m", "transync", *arguments],
            cwd=root,
            env=environment,
            capture_output=True,
            check=False,
        )
        report = json.loads(done.stdout)
        report.pop("tool", None)
        _without_day_counts(report)
        canonical = json.dumps(report, sort_keys=True, ensure_ascii=False).encode()
        found[name] = {
            "exit": done.returncode,
            "digest": hashlib.sha256(canonical).hexdigest(),
            "states": dict(sorted(Counter(item["state"] for item in report["files"]).items())),
            "findings": dict(sorted(Counter(item["check"] for item in report["findings"]).items())),
        }
    return found


def _without_day_counts(value: object) -> None:
    if isinstance(value, dict):
        for key in DAY_COUNTS & value.keys():
            value[key] = None
        for item in value.values():
            _without_day_counts(item)
    elif isinstance(value, list):
        for item in value:
            _without_day_counts(item)


def sample_root(name: str, folder: Path) -> Path:
    """The sample's tree: the folder itself, or a clone of its bundle inside `folder`."""
    if name in FOLDERS:
        return SAMPLES / name
    clone = folder / name
    subprocess.run(["git", "clone", "-q", str(SAMPLES / f"{name}.bundle"), str(clone)], check=True)
    return clone


@pytest.mark.parametrize("name", [*FOLDERS, *BUNDLES])
def test_every_sample_reports_what_it_reported_before(
    name: str, samples: Path, tmp_path: Path
) -> None:
    if name in BUNDLES and shutil.which("git") is None:
        pytest.skip("git is not installed")
    pinned = json.loads(PINS.read_text())[name]
    assert outputs(sample_root(name, tmp_path), tmp_path / "cache") == pinned


def _write() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pins = {
            name: outputs(sample_root(name, Path(folder)), Path(folder) / f"cache-{name}")
            for name in (*FOLDERS, *BUNDLES)
        }
    PINS.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n")
    print(f"wrote {PINS}")


if __name__ == "__main__":
    _write()
