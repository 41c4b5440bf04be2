"""Shell completion is click's own: `_TRANSYNC_COMPLETE=<shell>_source transync` prints the
script the README tells users to source, and completes commands and options."""

from __future__ import annotations

from click.testing import CliRunner

from transync.cli import cli


def _complete(words: str) -> list[str]:
    environment = {
        "_TRANSYNC_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = CliRunner().invoke(cli, [], prog_name="transync", env=environment)
    return [line.split(",", 1)[1] for line in result.output.splitlines()]


def test_commands_complete() -> None:
    assert _complete("transync in") == ["init"]


def test_options_complete() -> None:
    assert "--dry-run" in _complete("transync init --d")


def test_each_shell_gets_a_script_to_source() -> None:
    for shell, marker in [
        ("bash", "complete -o"),
        ("zsh", "compdef"),
        ("fish", "complete --no-files --command transync"),
    ]:
        result = CliRunner().invoke(
            cli, [], prog_name="transync", env={"_TRANSYNC_COMPLETE": f"{shell}_source"}
        )
        assert marker in result.output, shell
