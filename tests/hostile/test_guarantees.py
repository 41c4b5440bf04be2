"""The read-only guarantees, for every command and output format on every catalogue case:
the scanned tree stays byte-identical, and nothing outside the repository is opened.

A new read-only command (check, diff, dashboard) proves the same by adding its arguments to
COMMANDS; `tests/treehash.py` and `tests/hostile/audit.py` are the instruments.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import audit
from tests.hostile.cases import CASES, Case
from tests.hostile.runner import assert_clean, run
from tests.treehash import tree_hash

# The JSON form of status runs in test_catalogue.py, with its exact outcomes.
COMMANDS = {
    "status-table": ["status", "--details"],
    "status-markdown": ["status", "--format", "markdown", "--details"],
    "check-text": ["check"],
    "check-json": ["check", "--format", "json"],
    "check-github": ["check", "--format", "github"],
    "check-sarif": ["check", "--format", "sarif"],
    "check-junit": ["check", "--format", "junit"],
    "check-markdown": ["check", "--format", "markdown"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_command_reads_only_inside_and_writes_nothing(
    case: Case, command: list[str], tmp_path: Path
) -> None:
    assert_clean(run(case, tmp_path, command), case.exit_code, policy=command[0] == "check")


# -- the instruments are trustworthy -----------------------------------------------------------


def test_audit_hook_sees_a_read_through_a_symbolic_link(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("secret")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "link.md").symlink_to(secret)
    with audit.recording() as opened:
        (root / "link.md").read_bytes()
        os.listdir(root)
    assert audit.outside(opened, root) == [str(secret.resolve())]


def test_audit_hook_can_refuse_an_open_as_permissions_would(tmp_path: Path) -> None:
    target = tmp_path / "file.md"
    target.write_text("x")
    with audit.denying([target]), pytest.raises(PermissionError):
        target.read_bytes()
    assert target.read_bytes() == b"x"


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "a.md").write_text("b"),
        lambda root: (root / "a.md").chmod(0o600),
        lambda root: (root / "new.md").touch(),
        lambda root: (root / "link").unlink() or (root / "link").symlink_to("a.md"),
        lambda root: (root / ".cache").mkdir(),
    ],
    ids=["content", "mode", "new-file", "link-target", "new-folder"],
)
def test_tree_hash_notices_any_change(change, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "a.md").chmod(0o644)
    (tmp_path / "link").symlink_to("elsewhere")
    before = tree_hash(tmp_path)
    change(tmp_path)
    assert tree_hash(tmp_path) != before
