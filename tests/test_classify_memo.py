"""A re-scan reads no translated file that is unchanged since an earlier run, and every file
that changed, however the change is made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.builders import RepoBuilder, settle
from transync.discover import tree as tree_module
from transync.model import Report, State
from transync.scan import scan

TRANSLATION = "translations/fr/README.md"


def _course(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n\nA page long enough to be a page of a course.\n")
    repo.source("notes.ipynb", '{"cells": [], "metadata": {}}')
    repo.inline("fr", "README.md", "# Bonjour\n\nUne page assez longue.\n")
    repo.sidecar_entry("de", "README.md", "# Hallo\n\nEine Seite.\n", stale=True)
    settle(repo.root)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The translated files and sidecars the next scans open."""
    opened: list[str] = []
    real = tree_module.read_bytes

    def read_bytes(path: str, *args: object, **kwargs: object) -> bytes:
        if "/translations/" in path:
            opened.append(path.rsplit("/translations/", 1)[1])
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tree_module, "read_bytes", read_bytes)
    return opened


def _states(report: Report) -> dict[str, str]:
    return {entry.translation: entry.state.value for entry in report.entries}


def test_an_unchanged_tree_is_judged_again_without_opening_a_translation(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course(repo)
    first = scan(repo.root)
    opened = _reads(monkeypatch)
    again = scan(repo.root)
    assert opened == []
    assert again.entries == first.entries and again.findings == first.findings


def test_a_translation_edited_since_is_read_again(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course(repo)
    scan(repo.root)
    repo.inline("fr", "README.md", "# Bonjour\n\nUne page assez longue.\n", stale=True)
    os.utime(repo.root / TRANSLATION, ns=(10**18 + 1, 10**18 + 1))  # settled, but another
    opened = _reads(monkeypatch)
    assert _states(scan(repo.root))[TRANSLATION] == State.STALE.value
    assert set(opened) == {"fr/README.md"}  # for its metadata, and for its text's measure


def test_a_file_written_in_the_last_two_seconds_is_read_on_every_run(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its next version may keep the same mtime and size (a racy signature)."""
    _course(repo)
    repo.inline("fr", "README.md", "# Bonjour\n\nUne page assez longue.\n")
    scan(repo.root)
    opened = _reads(monkeypatch)
    scan(repo.root)
    assert set(opened) == {"fr/README.md"}


def test_a_sidecar_replaced_by_one_of_the_same_size_and_time_is_read_again(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved over the old one (as editors and git write files): another inode, another ctime."""
    _course(repo)
    scan(repo.root)
    sidecar = repo.root / "translations/de/.co-op-translator.json"
    replacement = sidecar.with_name("new.json")
    replacement.write_bytes(sidecar.read_bytes().replace(b'"de"', b'"fr"'))
    settle(replacement)
    replacement.replace(sidecar)
    opened = _reads(monkeypatch)
    report = scan(repo.root)
    assert "de/.co-op-translator.json" in opened
    assert any(finding.check == "language-code-mismatch" for finding in report.findings)


def test_no_cache_keeps_nothing_and_reads_everything(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch, cache_dir: Path
) -> None:
    _course(repo)
    scan(repo.root, cache=False)
    assert not any(cache_dir.glob("parsed-*"))
    scan(repo.root)
    opened = _reads(monkeypatch)
    scan(repo.root, cache=False)
    assert {"de/.co-op-translator.json", "de/README.md", "fr/README.md"} <= set(opened)


def test_a_translation_turned_into_a_link_goes_through_the_guarded_read(
    repo: RepoBuilder, tmp_path: Path
) -> None:
    """A link leading out of the repository is judged as without a memo, whatever an earlier
    run saw at its path."""
    _course(repo)
    scan(repo.root)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_bytes((repo.root / TRANSLATION).read_bytes())
    (repo.root / TRANSLATION).unlink()
    (repo.root / TRANSLATION).symlink_to(outside)
    report = scan(repo.root)
    assert _states(report)[TRANSLATION] != State.CURRENT.value
    assert report.entries == scan(repo.root, cache=False).entries


def test_a_damaged_memo_is_read_past(repo: RepoBuilder, cache_dir: Path) -> None:
    _course(repo)
    first = scan(repo.root)
    (memo,) = cache_dir.glob("parsed-*")
    memo.write_text(memo.read_text().replace('"record"', '"nonsense"'))
    assert scan(repo.root).entries == first.entries
