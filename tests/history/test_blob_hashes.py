"""The persistent blob digest cache: a second run reads no blob."""

from __future__ import annotations

from pathlib import Path

from tests.builders import md5
from transync.history.blob_hashes import BlobHashes, digest


def test_digest_has_the_raw_md5_and_the_md5_with_crlf_line_endings() -> None:
    found = digest(b"a\nb\n")
    assert (found.raw, found.crlf) == (md5(b"a\nb\n"), md5(b"a\r\nb\r\n"))
    assert digest(b"a\r\nb\r\n").crlf is None


def test_a_second_run_reads_no_blob(tmp_path: Path) -> None:
    reads: list[str] = []

    def read(blob: str) -> bytes:
        reads.append(blob)
        return blob.encode()

    first = BlobHashes(tmp_path, read)
    assert first("aa").raw == md5(b"aa")
    first.save()
    second = BlobHashes(tmp_path, read)
    assert second("aa").raw == md5(b"aa")
    assert reads == ["aa"]


def test_a_corrupt_or_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "blob-md5.json").write_text("{not json")
    hashes = BlobHashes(tmp_path, lambda blob: b"x")
    assert hashes("bb").raw == md5(b"x")
    blocked = tmp_path / "file"
    blocked.write_text("")
    BlobHashes(blocked / "sub", lambda blob: b"x")("cc")  # parent is a file: save is skipped
    unwritable = BlobHashes(blocked / "sub", lambda blob: b"x")
    unwritable("cc")
    unwritable.save()
    assert not (blocked / "sub").exists()
