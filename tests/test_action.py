"""The composite action's check step (action/check.sh): inputs become arguments, never shell
code; the outputs come from the JSON report; exit 1 of a failed policy is kept."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECK_SCRIPT = Path(__file__).resolve().parents[1] / "action" / "check.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or sys.platform == "win32",
    reason="the action's step runs under bash with executables on PATH",
)

# A stand-in for transync: logs its arguments, writes a JSON report when asked for one, and
# exits with $FAKE_EXIT.
FAKE_TRANSYNC = """#!{python}
import json, os, sys
arguments = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(json.dumps(arguments) + "\\n")
if "--output" in arguments:
    target = arguments[arguments.index("--output") + 1]
    fmt = arguments[arguments.index("--format") + 1]
    passed = os.environ.get("FAKE_EXIT", "0") == "0"
    with open(target, "w") as out:
        if fmt == "json":
            json.dump({{"totals": {{"fresh_percent": 87.5}}, "policy": {{"passed": passed}}}}, out)
        else:
            out.write("report in " + fmt)
sys.exit(int(os.environ.get("FAKE_EXIT", "0")))
"""


def _run(tmp_path: Path, *, exit_code: int = 0, **inputs: str) -> tuple[int, list[list[str]]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "transync"
    fake.write_text(FAKE_TRANSYNC.format(python=sys.executable))
    fake.chmod(0o755)
    (bin_dir / "python").symlink_to(sys.executable)
    log = tmp_path / "calls.log"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_LOG": str(log),
        "FAKE_EXIT": str(exit_code),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "outputs"),
        "TRANSYNC_PATH": ".",
        "TRANSYNC_FAIL_ON": "",
        "TRANSYNC_CHANGED_FROM": "",
        "TRANSYNC_FORMAT": "github",
        "TRANSYNC_OUTPUT": "",
        "TRANSYNC_ARGS": "",
        "TRANSYNC_COMMENT": "false",
        **inputs,
    }
    done = subprocess.run(
        ["bash", str(CHECK_SCRIPT)], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return done.returncode, calls


def test_defaults_run_check_with_github_annotations(tmp_path: Path) -> None:
    code, calls = _run(tmp_path)
    assert code == 0
    assert calls[0] == ["check", ".", "--format", "github"]


def test_inputs_become_flags_and_stay_literal(tmp_path: Path) -> None:
    _, calls = _run(
        tmp_path,
        TRANSYNC_PATH="docs site",
        TRANSYNC_FAIL_ON="stale,$(touch pwned)",
        TRANSYNC_CHANGED_FROM="origin/main",
        TRANSYNC_OUTPUT="out.sarif",
        TRANSYNC_FORMAT="sarif",
        TRANSYNC_ARGS="--min-fresh 90 --lang ja",
    )
    assert calls[0] == [
        "check",
        "docs site",
        "--fail-on",
        "stale,$(touch pwned)",
        "--changed-from",
        "origin/main",
        "--min-fresh",
        "90",
        "--lang",
        "ja",
        "--format",
        "sarif",
        "--output",
        "out.sarif",
    ]
    assert not (tmp_path / "pwned").exists()


def test_outputs_come_from_the_json_report_written_with_the_same_arguments(
    tmp_path: Path,
) -> None:
    code, calls = _run(tmp_path, TRANSYNC_ARGS="--lang ja")
    report = tmp_path / "transync-report.json"
    assert code == 0
    assert calls[1] == ["check", ".", "--lang", "ja", "--format", "json", "--output", str(report)]
    outputs = (tmp_path / "outputs").read_text().splitlines()
    assert outputs == ["passed=true", "fresh-percent=87.5", f"report={report}"]


def test_a_failed_policy_sets_passed_false_and_exits_1(tmp_path: Path) -> None:
    code, _ = _run(tmp_path, exit_code=1)
    assert code == 1
    assert "passed=false" in (tmp_path / "outputs").read_text().splitlines()


def test_transync_unable_to_run_stops_at_once_with_its_exit_code(tmp_path: Path) -> None:
    code, calls = _run(tmp_path, exit_code=2)
    assert code == 2
    assert len(calls) == 1
    assert not (tmp_path / "outputs").exists()


def test_comment_false_renders_no_markdown(tmp_path: Path) -> None:
    _, calls = _run(tmp_path)
    assert [call for call in calls if "markdown" in call] == []


def test_comment_true_renders_markdown_and_hands_it_to_the_comment_script(
    tmp_path: Path,
) -> None:
    code, calls = _run(tmp_path, exit_code=1, TRANSYNC_COMMENT="true")
    markdown = tmp_path / "transync-report.md"
    assert code == 1  # the failed policy still fails the step after commenting
    assert calls[2] == ["check", ".", "--format", "markdown", "--output", str(markdown)]
    assert markdown.read_text() == "report in markdown"
