"""Runs a plan: every write atomic, in an order that never loses a record.

Phases run in order (see `sync.plan.Phase`): new content and records first, the old ones
removed last, so a run killed at any moment leaves each record in its old place, its new one
or both, and the same command run again plans only what is left. A run that stops half-way
says which files it had already changed.
"""

from __future__ import annotations

import difflib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from transync.errors import EXIT_INTERRUPTED, TransyncError
from transync.fileio import (
    inside_root,
    make_parents,
    read_bytes,
    remove_file,
    remove_leftovers,
    write_atomic,
)
from transync.sync.plan import Action, FileEdit, Plan, Removal, SidecarUpdate
from transync.sync.records import updated_sidecar
from transync.text import plural

Echo = Callable[[str], None]


@dataclass
class Outcome:
    """What a run changed (or, dry, would change), repository-relative, in order, and how
    (`wrote`, `created`, `removed`)."""

    changed: list[str] = field(default_factory=list)
    how: list[str] = field(default_factory=list)


def execute(root: Path, plan: Plan, *, dry_run: bool, echo: Echo, git: bool = False) -> Outcome:
    """Carry out `plan` under `root`; with `dry_run`, print a unified diff of every change
    instead. `git` stages moves as renames (what `git mv` would record)."""
    outcome = Outcome()
    ordered = _merged(sorted(plan.actions, key=lambda action: action.phase))
    try:
        for action in ordered:
            # Every target checked before the first write: a link or a path leaving the
            # root stops the run with nothing changed, not half-way.
            inside_root(root, _target(action))
    except TransyncError as error:
        raise TransyncError(_stopped(error, [])) from None
    if not dry_run:
        _clear_leftovers(root, ordered)
    for action in ordered:
        try:
            before, after = _contents(root, action)
            if before == after:
                continue
            if dry_run:
                echo(
                    _diff(
                        action.path if not isinstance(action, SidecarUpdate) else action.sidecar,
                        before,
                        after,
                    )
                )
            else:
                _apply(root, action, after)
            outcome.changed.append(_target(action))
            outcome.how.append(
                "created" if before is None else "removed" if after is None else "wrote"
            )
        except TransyncError as error:
            raise TransyncError(_stopped(error, outcome.changed)) from None
        except KeyboardInterrupt:  # Ctrl-C: each file is old or new; say how many are new
            raise Interrupted(_stopped(Interrupted("interrupted"), outcome.changed)) from None
    if git and not dry_run and plan.renames:
        _stage(root, plan.renames)
    return outcome


def _clear_leftovers(root: Path, actions: list[Action]) -> None:
    """Temporary files of an earlier, killed run that wrote the same files."""
    folders: dict[str, set[str]] = {}
    for action in actions:
        folder, _, name = _target(action).rpartition("/")
        folders.setdefault(folder, set()).add(name)
    for folder, names in folders.items():
        remove_leftovers(inside_root(root, folder) if folder else root, names)


def _merged(actions: list[Action]) -> list[Action]:
    """One write per sidecar and phase, however many of its records change."""
    merged: list[Action] = []
    first: dict[tuple[int, str], int] = {}
    for action in actions:
        if not isinstance(action, SidecarUpdate):
            merged.append(action)
            continue
        place = first.get((action.phase, action.sidecar))
        if place is None:
            first[(action.phase, action.sidecar)] = len(merged)
            merged.append(action)
            continue
        earlier = merged[place]
        assert isinstance(earlier, SidecarUpdate)
        merged[place] = replace(earlier, changes=earlier.changes + action.changes)
    return merged


def _target(action: Action) -> str:
    return action.sidecar if isinstance(action, SidecarUpdate) else action.path


def _contents(root: Path, action: Action) -> tuple[bytes | None, bytes | None]:
    """The file's bytes now and after the action (None: absent)."""
    path = inside_root(root, _target(action))
    current = _read(path)
    if isinstance(action, FileEdit):
        return current, action.after
    if isinstance(action, Removal):
        return current, None
    text = updated_sidecar(current, action.sidecar, action.changes)
    return current, None if text is None else text.encode("utf-8")


def _apply(root: Path, action: Action, after: bytes | None) -> None:
    path = inside_root(root, _target(action))
    if after is None:
        remove_file(path)
        return
    make_parents(path)
    write_atomic(path, after)


def _read(path: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise TransyncError(f"{path}: cannot read: {error.strerror}") from None


def _diff(path: str, before: bytes | None, after: bytes | None) -> str:
    old = _lines(before)
    new = _lines(after)
    lines = difflib.unified_diff(
        old,
        new,
        fromfile=f"a/{path}" if before is not None else "/dev/null",
        tofile=f"b/{path}" if after is not None else "/dev/null",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ).rstrip("\n")


def _lines(data: bytes | None) -> list[str]:
    if data is None:
        return []
    return data.decode("utf-8", errors="replace").splitlines(keepends=True)


def _stage(root: Path, renames: tuple[tuple[str, str], ...]) -> None:
    """Record each move in the index as `git mv` would: the old path removed, the new added."""
    olds = [old for old, _ in renames]
    news = [new for _, new in renames]
    for command in (
        ["git", "rm", "-q", "--cached", "--ignore-unmatch", "--", *olds],
        ["git", "add", "--", *news],
    ):
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise TransyncError(
                f"files moved, but git could not stage the moves: {done.stderr.strip()}"
            )


class Interrupted(TransyncError):
    """Ctrl-C during a run: the shell's exit status for SIGINT, and one short line."""

    exit_code = EXIT_INTERRUPTED


# How many changed files a stopped run names: the first few tell where it was, a list of
# thousands would be one unreadable line.
_NAMED = 5


def _stopped(error: TransyncError, changed: list[str]) -> str:
    if not changed:
        return f"{error} (nothing was changed)"
    named = ", ".join(changed[:_NAMED])
    more = f" and {len(changed) - _NAMED} more" if len(changed) > _NAMED else ""
    return (
        f"{error}; stopped after changing {plural(len(changed), 'file')} ({named}{more});"
        " run the same command again to finish"
    )
