"""The result cache: right location, survives restarts, invalidates itself, never breaks a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import settle
from transync import cache as cache_module
from transync.cache import Cache
from transync.cache_dir import ENV_VARIABLE as CACHE_VARIABLE


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TRANSYNC_CACHE_DIR outside the scanned tree (`tmp_path / "repo"`)."""
    location = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(location))
    (tmp_path / "repo").mkdir()
    return location


def _old(path: Path) -> Path:
    settle(path)
    return path


def test_results_survive_into_the_next_run(tmp_path: Path, folder: Path) -> None:
    first = Cache.open(tmp_path / "repo", "content", "config-1")
    first.put("key", {"findings": [1, 2]})
    assert first.save()
    assert Cache.open(tmp_path / "repo", "content", "config-1").get("key") == {"findings": [1, 2]}
    assert list(folder.iterdir()) == [first.path]  # no temporary file left behind


def test_another_root_or_namespace_has_its_own_cache(tmp_path: Path, folder: Path) -> None:
    (tmp_path / "other").mkdir()
    first = Cache.open(tmp_path / "repo", "content", "c")
    first.put("key", 1)
    first.save()
    assert Cache.open(tmp_path / "other", "content", "c").get("key") is None
    assert Cache.open(tmp_path / "repo", "links", "c").get("key") is None


def test_a_changed_configuration_invalidates_everything(tmp_path: Path, folder: Path) -> None:
    first = Cache.open(tmp_path / "repo", "content", "config-1")
    first.put("key", 1)
    first.save()
    assert Cache.open(tmp_path / "repo", "content", "config-2").get("key") is None


def test_another_transync_version_invalidates_everything(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Cache.open(tmp_path / "repo", "content", "c")
    first.put("key", 1)
    first.save()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert Cache.open(tmp_path / "repo", "content", "c").get("key") is None


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b"[1, 2]", b'{"fingerprint": 3}', b"\xff\xfe\x00"]
)
def test_a_corrupt_cache_is_ignored_and_replaced(
    tmp_path: Path, folder: Path, garbage: bytes
) -> None:
    path = Cache.open(tmp_path / "repo", "content", "c").path
    assert path is not None
    folder.mkdir()
    path.write_bytes(garbage)
    cache = Cache.open(tmp_path / "repo", "content", "c")
    assert cache.get("key") is None
    cache.put("key", 1)
    assert cache.save()
    assert Cache.open(tmp_path / "repo", "content", "c").get("key") == 1


def test_entries_this_run_did_not_use_are_dropped(tmp_path: Path, folder: Path) -> None:
    first = Cache.open(tmp_path / "repo", "content", "c")
    first.put("gone", 1)
    first.put("kept", 2)
    first.save()
    second = Cache.open(tmp_path / "repo", "content", "c")
    assert second.get("kept") == 2
    second.save()
    third = Cache.open(tmp_path / "repo", "content", "c")
    assert (third.get("gone"), third.get("kept")) == (None, 2)


def test_no_cache_reads_and_writes_nothing(tmp_path: Path, folder: Path) -> None:
    first = Cache.open(tmp_path / "repo", "content", "c")
    first.put("key", 1)
    first.save()
    off = Cache.open(tmp_path / "repo", "content", "c", enabled=False)
    assert not off.enabled
    assert off.get("key") is None
    off.put("other", 2)
    assert not off.save()


def test_a_cache_dir_inside_the_scanned_tree_turns_caching_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "repo" / ".cache"))
    cache = Cache.open(tmp_path / "repo", "content", "c")
    cache.put("key", 1)
    assert not cache.enabled
    assert not cache.save()
    assert not (tmp_path / "repo" / ".cache").exists()


def test_an_unwritable_cache_dir_does_not_fail_the_run(tmp_path: Path, folder: Path) -> None:
    folder.write_text("a file where the folder should be")
    cache = Cache.open(tmp_path / "repo", "content", "c")
    cache.put("key", 1)
    assert not cache.save()


def _digested_page(tmp_path: Path, *, settled: bool = True) -> tuple[Path, str]:
    """A page (settled, unless asked otherwise) whose digest a first run kept."""
    page = tmp_path / "repo" / "a.md"
    page.write_text("# A\n")
    if settled:
        _old(page)
    first = Cache.open(tmp_path / "repo", "content", "c")
    digest = first.digest("a.md", str(page))
    first.save()
    return page, digest


def test_an_unchanged_file_is_not_read_again(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, digest = _digested_page(tmp_path)

    def no_reading(path: str) -> bytes:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(cache_module, "read_bytes", no_reading)
    assert Cache.open(tmp_path / "repo", "content", "c").digest("a.md", str(page)) == digest


def test_a_changed_file_is_hashed_again(tmp_path: Path, folder: Path) -> None:
    page, before = _digested_page(tmp_path)
    page.write_text("# B\n")  # same size, and the same old mtime: only ctime tells
    _old(page)
    after = Cache.open(tmp_path / "repo", "content", "c").digest("a.md", str(page))
    assert after != before


def test_a_file_written_just_now_is_not_trusted_by_its_stat(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = _digested_page(tmp_path, settled=False)
    reads = []
    real = cache_module.read_bytes
    monkeypatch.setattr(cache_module, "read_bytes", lambda path: reads.append(path) or real(path))
    Cache.open(tmp_path / "repo", "content", "c").digest("a.md", str(page))
    assert reads == [str(page)]


def test_a_file_is_looked_at_once_per_run(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "repo" / "a.md"
    page.write_text("# A\n")
    cache = Cache.open(tmp_path / "repo", "content", "c")
    first = cache.digest("a.md", str(page))
    monkeypatch.setattr(cache_module.os, "stat", lambda path: pytest.fail(f"{path} stat again"))
    assert cache.digest("a.md", str(page)) == first
