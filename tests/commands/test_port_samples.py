"""`port` on the real ai-healthcheck history, against the retranslation co-op-translator made.

At fc636d2 the English README's two code samples changed `gpt-4o-mini` to `gpt-5-mini` (a
code-only change) and the Korean README went stale; co-op-translator retranslated the whole
page in 3e68489. Porting instead changes exactly those two lines, which are the same in
co-op-translator's version, and records the same source hash.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from transync.cli import cli

KO = "translations/ko/README.md"


def test_port_at_fc636d2_gives_co_op_translators_code_lines_and_hash(
    samples: Path, tmp_path: Path
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "ai-healthcheck"
    subprocess.run(
        ["git", "clone", "-q", str(samples / "ai-healthcheck.bundle"), str(clone)], check=True
    )
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", "fc636d2"], check=True)
    before = (clone / KO).read_text(encoding="utf-8").splitlines()
    result = CliRunner().invoke(cli, ["port", str(clone)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ported = (clone / KO).read_text(encoding="utf-8").splitlines()
    retranslated = subprocess.run(
        ["git", "-C", str(clone), "show", f"3e68489:{KO}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    changed = [number for number, (a, b) in enumerate(zip(before, ported, strict=True)) if a != b]
    # The hash and the date of the record, and the two code lines.
    assert [ported[number].strip() for number in changed[2:]] == ['model="gpt-5-mini",'] * 2
    assert all(ported[number] == retranslated[number] for number in changed[2:])
    assert ported[3] == retranslated[3]  # "original_hash": the same source version
    assert len(ported) == len(retranslated)
