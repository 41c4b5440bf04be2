"""The composite action's command line: inputs become arguments, never shell code."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ACTION = Path(__file__).resolve().parents[1] / "action.yml"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def _check_script() -> str:
    """The `run: |` block of the action's last step, unindented."""
    lines = ACTION.read_text().splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == "run: |") + 1
    body = [line[8:] for line in lines[start:] if line.startswith("        ") or not line.strip()]
    return "\n".join(body) + "\n"


def _run(tmp_path: Path, **inputs: str) -> list[str]:
    fake = tmp_path / "bin" / "transync"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n')
    fake.chmod(0o755)
    env = {
        "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}",
        "TRANSYNC_PATH": ".",
        "TRANSYNC_FAIL_ON": "",
        "TRANSYNC_CHANGED_FROM": "",
        "TRANSYNC_FORMAT": "github",
        "TRANSYNC_OUTPUT": "",
        "TRANSYNC_ARGS": "",
        **inputs,
    }
    done = subprocess.run(
        ["bash", "-c", _check_script()],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_defaults_run_check_with_github_annotations(tmp_path: Path) -> None:
    assert _run(tmp_path) == ["check", ".", "--format", "github"]


def test_inputs_become_flags_and_stay_literal(tmp_path: Path) -> None:
    assert _run(
        tmp_path,
        TRANSYNC_PATH="docs site",
        TRANSYNC_FAIL_ON="stale,$(touch pwned)",
        TRANSYNC_CHANGED_FROM="origin/main",
        TRANSYNC_OUTPUT="out.sarif",
        TRANSYNC_FORMAT="sarif",
        TRANSYNC_ARGS="--min-fresh 90 --lang ja",
    ) == [
        "check",
        "docs site",
        "--format",
        "sarif",
        "--fail-on",
        "stale,$(touch pwned)",
        "--changed-from",
        "origin/main",
        "--output",
        "out.sarif",
        "--min-fresh",
        "90",
        "--lang",
        "ja",
    ]
    assert not (tmp_path / "pwned").exists()
