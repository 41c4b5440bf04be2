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
# name -> (arguments, exit codes a case that status runs may give); `{path}` is the case's
# PATH, `{root}` its repository. A case that status cannot run stops every command (exit 2).
COMMANDS: dict[str, tuple[list[str], set[int]]] = {
    "status-table": (["status", "{path}", "--details"], {0}),
    "status-markdown": (["status", "{path}", "--format", "markdown", "--details"], {0}),
    "check-text": (["check", "{path}"], {0, 1}),
    "check-json": (["check", "{path}", "--format", "json"], {0, 1}),
    "check-github": (["check", "{path}", "--format", "github"], {0, 1}),
    "check-sarif": (["check", "{path}", "--format", "sarif"], {0, 1}),
    "check-junit": (["check", "{path}", "--format", "junit"], {0, 1}),
    "check-markdown": (["check", "{path}", "--format", "markdown"], {0, 1}),
    # diff needs git history: outside a work tree it cannot run, which is exit 2 too.
    "diff": (["diff", "{root}/translations/ja/README.md", "--root", "{path}"], {0, 2}),
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_command_reads_only_inside_and_writes_nothing(
    case: Case, command: tuple[list[str], set[int]], tmp_path: Path
) -> None:
    arguments, exit_codes = command
    assert_clean(run(case, tmp_path, arguments), exit_codes if case.exit_code == 0 else {2})


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
