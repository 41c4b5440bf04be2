"""The persistent caches: a second run reads no blob and classifies no diff again."""

from __future__ import annotations

from pathlib import Path

from tests.builders import GitRepo, RepoBuilder, md5
from transync.history.blob_hashes import BlobHashes, digest
from transync.history.store import Store
from transync.scan import scan


def test_digest_has_the_raw_md5_and_the_md5_with_crlf_line_endings() -> None:
    found = digest(b"a\nb\n")
    assert (found.raw, found.crlf) == (md5(b"a\nb\n"), md5(b"a\r\nb\r\n"))
    assert digest(b"a\r\nb\r\n").crlf is None


def test_a_second_run_reads_no_blob(tmp_path: Path) -> None:
    reads: list[str] = []

    def read(blob: str) -> bytes:
        reads.append(blob)
        return blob.encode()

    store = Store(tmp_path / "blobs.json")
    assert BlobHashes(store, read)("aa").raw == md5(b"aa")
    store.save()
    assert BlobHashes(Store(tmp_path / "blobs.json"), read)("aa").raw == md5(b"aa")
    assert reads == ["aa"]


def test_a_corrupt_or_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "blobs.json").write_text("{not json")
    assert BlobHashes(Store(tmp_path / "blobs.json"), lambda blob: b"x")("bb").raw == md5(b"x")
    blocked = tmp_path / "file"
    blocked.write_text("")
    store = Store(blocked / "sub" / "blobs.json")  # its parent is a file: saving is skipped
    store.put("cc", 1)
    store.save()
    assert blocked.read_text() == ""


def test_scans_keep_their_caches_in_the_cache_directory(
    repo: RepoBuilder, git: GitRepo, cache_dir: Path
) -> None:
    repo.source("guide.md", "# Guide\n")
    repo.inline("ja", "guide.md")
    git.commit("A")
    repo.source("guide.md", "# Guide, revised\n")
    git.commit("B")
    scan(repo.root, history=True)
    names = sorted(path.name for path in cache_dir.iterdir())
    assert names[:2] == ["blob-md5.json", "change-kinds.v1.json"]
    # The log of the sources, and of the translations (for estimates), each under HEAD.
    assert names[2:] and all(name.startswith("git-log-") for name in names[2:])
