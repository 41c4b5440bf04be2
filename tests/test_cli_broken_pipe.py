"""A reader that stops early (`transync ... | head -1`, a pager quit) ends transync quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import RepoBuilder
from transync.errors import EXIT_BROKEN_PIPE


@pytest.mark.parametrize(
    "command", [["status"], ["status", "--format", "json"], ["check"], ["todo"]]
)
def test_a_reader_gone_before_the_output_gets_no_error_and_exit_141(
    tmp_path: Path, command: list[str]
) -> None:
    repo = RepoBuilder(tmp_path)
    repo.source("docs/intro.md", "# Intro\n")
    repo.source("docs/setup.md", "# Setup\n")
    repo.inline("fr", "docs/intro.md")

    # `head -1` that has had its line: the read end is closed before transync writes, so
    # every write meets a broken pipe however large the pipe's buffer (no race with timing).
    process = subprocess.Popen(
        [sys.executable, "-m", "transync", *command, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    code = process.wait()

    assert errors == ""
    assert code == EXIT_BROKEN_PIPE
