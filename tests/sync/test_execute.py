"""The executor: phases in order, one write per sidecar, and a half-way failure named."""

from __future__ import annotations

from pathlib import Path

import pytest

from transync.errors import TransyncError
from transync.sync.execute import execute
from transync.sync.plan import FileEdit, Phase, Plan, Removal, SidecarUpdate
from transync.sync.records import RecordChange


def test_new_records_are_written_before_old_ones_are_removed(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("old")
    plan = Plan(
        (
            Removal("old.md", "moved"),
            SidecarUpdate("s.json", (RecordChange("new.md", {"original_hash": "1"}),), "moved"),
            FileEdit("new.md", None, b"new", "moved"),
        )
    )
    order: list[str] = []
    execute(tmp_path, plan, dry_run=True, echo=lambda text: order.append(text.splitlines()[1]))
    assert order == ["+++ b/new.md", "+++ b/s.json", "+++ /dev/null"]


def test_several_changes_to_one_sidecar_are_one_write(tmp_path: Path) -> None:
    updates = tuple(
        SidecarUpdate("s.json", (RecordChange(f"{name}.md", {"n": name}),), "x")
        for name in ("b", "a")
    )
    outcome = execute(tmp_path, Plan(updates), dry_run=False, echo=print)
    assert outcome.changed == ["s.json"]
    assert (tmp_path / "s.json").read_text() == (
        '{\n  "a.md": {\n    "n": "a"\n  },\n  "b.md": {\n    "n": "b"\n  }\n}'
    )


def test_a_run_that_fails_half_way_names_the_files_it_changed(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where a folder is needed")
    plan = Plan(
        (
            FileEdit("first.md", None, b"1", "x"),
            FileEdit("blocked/second.md", None, b"2", "x", Phase.DROP),
        )
    )
    with pytest.raises(TransyncError, match=r"stopped after changing 1 file \(first\.md\)"):
        execute(tmp_path, plan, dry_run=False, echo=print)
    assert (tmp_path / "first.md").read_bytes() == b"1"
