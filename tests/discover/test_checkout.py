"""Checkouts whose line endings git converts (core.autocrlf, .gitattributes text/eol): a source
is hashed as git stores it, so a Windows clone does not read every translation as stale; a
file committed with CRLF keeps raw-byte hashing. Real repositories in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder, md5
from transync.cli import cli
from transync.discover.checkout import CHECK, Checkout
from transync.model import State
from transync.scan import scan

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SOURCE_LF = b"# Hello\n\nWelcome to the course.\n"
SOURCE_CRLF = SOURCE_LF.replace(b"\n", b"\r\n")


def _translated_upstream(root: Path, source: bytes = SOURCE_LF) -> GitRepo:
    """A repository as co-op-translator leaves it: the source as committed, its translation
    made from those bytes."""
    git = GitRepo(root)
    repo = RepoBuilder(root)
    repo.source("README.md", source)
    repo.inline("lt", "README.md", "# Labas\n")
    git.commit("source and translation")
    return git


def _check_out(git: GitRepo, **config: str) -> None:
    """Check every file out again with these settings, as a fresh clone would."""
    for key, value in config.items():
        git.git("config", key, value)
    (git.root / "README.md").unlink()
    git.git("checkout", "--", ".")


def _states(root: Path) -> list[State]:
    return [entry.state for entry in scan(root).entries]


def _notes(root: Path) -> list[str]:
    return [finding.message for finding in scan(root).findings if finding.check == CHECK]


def test_autocrlf_checkout_of_an_lf_source_is_current(tmp_path: Path) -> None:
    git = _translated_upstream(tmp_path)
    _check_out(git, **{"core.autocrlf": "true"})
    assert (tmp_path / "README.md").read_bytes() == SOURCE_CRLF  # as on Windows
    assert _states(tmp_path) == [State.CURRENT]
    assert _notes(tmp_path) == [
        "hashed as git stores it, with LF line endings: the work tree has CRLF from checkout"
        " (core.autocrlf=true)"
    ]


def test_gitattributes_eol_crlf_checkout_is_current_and_names_the_attribute(
    tmp_path: Path,
) -> None:
    git = _translated_upstream(tmp_path)
    (tmp_path / ".gitattributes").write_text("*.md text eol=crlf\n")
    git.commit("attributes")
    _check_out(git)
    assert (tmp_path / "README.md").read_bytes() == SOURCE_CRLF
    assert _states(tmp_path) == [State.CURRENT]
    assert _notes(tmp_path) == [
        "hashed as git stores it, with LF line endings: the work tree has CRLF from checkout"
        " (.gitattributes text eol=crlf)"
    ]


def test_a_file_whose_crlf_is_committed_keeps_raw_byte_hashing(tmp_path: Path) -> None:
    git = _translated_upstream(tmp_path, SOURCE_CRLF)  # translated from the CRLF bytes
    _check_out(git, **{"core.autocrlf": "true"})
    assert _states(tmp_path) == [State.CURRENT]
    assert _notes(tmp_path) == []
    # ... and an LF hash against committed CRLF is stale, as co-op-translator would see it.
    RepoBuilder(tmp_path).update_sidecar(
        "lt",
        {
            "README.md": {
                "original_hash": md5(SOURCE_LF),
                "source_file": "README.md",
                "language_code": "lt",
                "translation_date": "2026-01-02",
            }
        },
    )
    assert _states(tmp_path) == [State.STALE]


def test_a_real_edit_under_autocrlf_is_still_stale(tmp_path: Path) -> None:
    git = _translated_upstream(tmp_path)
    _check_out(git, **{"core.autocrlf": "true"})
    (tmp_path / "README.md").write_bytes(SOURCE_CRLF + b"More.\r\n")
    assert _states(tmp_path) == [State.STALE]


def test_crlf_written_without_any_conversion_setting_is_stale(tmp_path: Path) -> None:
    """No autocrlf, no attributes: git would store the CRLF, so co-op-translator's hash of the
    LF bytes no longer matches."""
    _translated_upstream(tmp_path)
    (tmp_path / "README.md").write_bytes(SOURCE_CRLF)
    assert _states(tmp_path) == [State.STALE]


def test_binary_attribute_turns_conversion_off(tmp_path: Path) -> None:
    git = _translated_upstream(tmp_path)
    (tmp_path / ".gitattributes").write_text("*.md -text\n")
    git.commit("attributes")
    git.git("config", "core.autocrlf", "true")
    (tmp_path / "README.md").write_bytes(SOURCE_CRLF)
    assert _states(tmp_path) == [State.STALE]


def test_a_scan_root_below_the_top_of_the_work_tree_finds_its_files_in_the_index(
    tmp_path: Path,
) -> None:
    git = GitRepo(tmp_path)
    docs = tmp_path / "site docs"
    repo = RepoBuilder(docs)
    repo.source("README.md", SOURCE_LF)
    repo.inline("ja", "README.md", "# こんにちは\n")
    (tmp_path / ".gitattributes").write_text("* text=auto eol=crlf\n")
    git.commit("docs")
    (docs / "README.md").unlink()
    git.git("checkout", "--", ".")
    assert (docs / "README.md").read_bytes() == SOURCE_CRLF
    assert _states(docs) == [State.CURRENT]


def test_details_say_the_source_was_hashed_as_git_stores_it(tmp_path: Path) -> None:
    git = _translated_upstream(tmp_path)
    _check_out(git, **{"core.autocrlf": "true"})
    result = CliRunner().invoke(cli, ["status", str(tmp_path), "--details", "--no-history"])
    assert result.exit_code == 0, result.output
    assert CHECK in result.output
    assert "core.autocrlf=true" in result.output


class _NoGit:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> str:
        self.calls += 1
        return ""


def test_no_git_call_outside_a_work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _NoGit()
    monkeypatch.setattr("transync.discover.checkout._git", spy)
    checkout = Checkout(None, None, tmp_path)
    assert checkout.stored_bytes("README.md", SOURCE_CRLF) == SOURCE_CRLF
    assert spy.calls == 0


def test_no_git_call_when_nothing_configures_a_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _translated_upstream(tmp_path)
    (tmp_path / "README.md").write_bytes(SOURCE_CRLF)
    spy = _NoGit()
    monkeypatch.setattr("transync.discover.checkout._git", spy)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    assert Checkout.of(tmp_path).stored_bytes("README.md", SOURCE_CRLF) == SOURCE_CRLF
    assert spy.calls == 0


def test_no_git_call_for_a_source_without_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = _translated_upstream(tmp_path)
    git.git("config", "core.autocrlf", "true")
    spy = _NoGit()
    monkeypatch.setattr("transync.discover.checkout._git", spy)
    assert Checkout.of(tmp_path).stored_bytes("README.md", SOURCE_LF) == SOURCE_LF
    assert spy.calls == 0
