"""NO_COLOR and FORCE_COLOR (no-color.org, force-color.org) for the rich outputs: the status
table and check's text. FORCE_COLOR colours a log that is not a terminal (CI); NO_COLOR removes
colour, also when FORCE_COLOR asks for it; a pipe gets no escape codes at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from transync.cli import cli

# An SGR sequence that sets a foreground colour (30-37, 90-97, or 38;5 / 38;2).
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")
ESCAPE = "\x1b["

COMMANDS = {
    "status": ["status", "--no-history"],
    "check": ["check", "--no-content"],
}


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    repo = RepoBuilder(tmp_path)
    repo.source("README.md", "# Hello\n")
    repo.source("guide.md", "# Guide\n")
    repo.inline("ja", "README.md")
    repo.inline("ja", "guide.md", stale=True)
    return tmp_path


def _output(root: Path, command: str, **env: str | None) -> str:
    environment: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, **env}
    result = CliRunner().invoke(cli, [*COMMANDS[command], str(root)], env=environment)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_force_color_colours_output_that_is_not_a_terminal(translated: Path, command: str) -> None:
    assert COLOUR.search(_output(translated, command, FORCE_COLOR="1"))


@pytest.mark.parametrize("command", COMMANDS)
def test_no_color_wins_over_force_color(translated: Path, command: str) -> None:
    output = _output(translated, command, FORCE_COLOR="1", NO_COLOR="1")
    assert not COLOUR.search(output)
    assert "stale" in output.lower()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_pipe_gets_plain_text(translated: Path, command: str) -> None:
    assert ESCAPE not in _output(translated, command)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_color_alone_gives_plain_text(translated: Path, command: str) -> None:
    assert ESCAPE not in _output(translated, command, NO_COLOR="1")
