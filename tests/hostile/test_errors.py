"""Whatever goes wrong, the user gets one line and a documented exit code; --debug alone
shows the traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from transync.cli import cli
from transync.commands import status as status_command


def _fail_with(error: BaseException) -> Callable[..., None]:
    def scan(*args: object, **kwargs: object) -> None:
        raise error

    return scan


@pytest.fixture
def scanned(repo: RepoBuilder) -> RepoBuilder:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md")
    return repo


def test_an_unexpected_error_is_one_line_without_traceback(
    scanned: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_command, "scan", _fail_with(RuntimeError("boom\n\x1b[2Jnext")))
    result = CliRunner().invoke(cli, ["status", str(scanned.root)])
    assert result.exit_code == 2
    assert result.stderr == (
        "transync: internal error: RuntimeError: boom\\n\\x1b[2Jnext (rerun with --debug)\n"
    )


def test_debug_shows_the_traceback_too(
    scanned: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_command, "scan", _fail_with(RuntimeError("boom")))
    result = CliRunner().invoke(cli, ["--debug", "status", str(scanned.root)])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.endswith(
        "transync: internal error: RuntimeError: boom (rerun with --debug)\n"
    )


def test_an_interrupt_is_one_line_and_exit_130(
    scanned: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_command, "scan", _fail_with(KeyboardInterrupt()))
    result = CliRunner().invoke(cli, ["status", str(scanned.root)])
    assert (result.exit_code, result.stderr) == (130, "transync: interrupted\n")
