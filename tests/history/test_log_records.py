"""The parsed git log kept under HEAD's commit id reads back exactly as it was written."""

from __future__ import annotations

from transync.history.log_records import FileChange, LogCache
from transync.model import CommitRef


def test_a_kept_log_reads_back_field_for_field() -> None:
    commits = [CommitRef("a" * 40, "2026-01-02T03:04:05+00:00", "Ana", "Move the lessons")]
    changes = [
        FileChange(0, "R", "lessons/02/README.md", "b" * 40, "lessons/old/README.md"),
        FileChange(0, "M", "README.md", "c" * 40),
    ]
    cache = LogCache("/repo", [":(top)"])
    cache.save("a" * 40, commits, changes)
    assert cache.load("a" * 40) == (commits, changes)
    assert cache.load("d" * 40) is None  # another HEAD: walked again
