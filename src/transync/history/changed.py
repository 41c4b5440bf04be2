"""`--changed-from REF`: which files a change touches, on both sides of the translation.

A pull request is judged by what it touches: sources changed since REF (so all their
translations are checked), translated files changed since REF, and sidecar records changed
since REF (a PR that only refreshes `translations/**` is checked, not skipped). The change is
measured from the merge base of REF and HEAD to the working tree, so commits that landed on
REF meanwhile are not counted and uncommitted edits are. A few plain `git` processes answer:
gitpython is not imported.
"""

from __future__ import annotations

import json
import posixpath
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transync.discover import SIDECAR_NAME
from transync.errors import TransyncError
from transync.fileio import read_bytes
from transync.history.reach import FETCH_HINT
from transync.model import TranslationEntry
from transync.paths import join, relative_to

FAILURES_KEY = "__translation_failures__"


@dataclass(frozen=True)
class ChangeSet:
    """Paths are relative to the scanned folder. `sidecar_keys` maps each changed sidecar to
    the record keys that changed in it (None: unreadable on one side, so all of them)."""

    ref: str
    base: str
    paths: frozenset[str]
    sidecar_keys: Mapping[str, frozenset[str] | None]

    def touches(self, entry: TranslationEntry) -> bool:
        if entry.source in self.paths or entry.translation in self.paths:
            return True
        if entry.folder is None:
            return False
        sidecar = join(entry.folder.path, SIDECAR_NAME)
        if sidecar not in self.sidecar_keys:
            return False
        keys = self.sidecar_keys[sidecar]
        return keys is None or bool(
            {
                relative_to(entry.translation, entry.folder.path),
                relative_to(entry.source, entry.folder.layout.sources),
            }
            & keys
        )


def changed_since(root: Path, ref: str) -> ChangeSet:
    """What changed under `root` between the merge base of `ref` and HEAD and the working tree."""
    found = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if found is None or len(found.splitlines()) != 2:
        raise TransyncError(f"--changed-from: {root} is not inside a git repository")
    top_line, shallow_line = found.splitlines()
    top = Path(top_line).resolve()
    prefix = Path(root).resolve().relative_to(top).as_posix()
    shallow = shallow_line == "true"
    target = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if target is None:
        hint = (
            f"the clone is shallow; {FETCH_HINT}" if shallow else f"fetch it first, or {FETCH_HINT}"
        )
        raise TransyncError(f"--changed-from: unknown revision {ref!r} ({hint})") from None
    base = (_git(top, "merge-base", target.strip(), "HEAD") or "").strip()
    if not base:
        raise TransyncError(
            f"--changed-from: {ref!r} and HEAD share no history in this clone"
            f" (too shallow? {FETCH_HINT})"
        )
    changed = {
        *_split(_git(top, "diff", "--name-only", "--no-renames", "-z", base, "--") or ""),
        *_split(_git(top, "ls-files", "--others", "--exclude-standard", "-z", "--full-name") or ""),
    }
    paths = frozenset(_under(changed, prefix))
    sidecars = {
        path: _changed_keys(_old_json(top, base, path, prefix), _new_json(root / path))
        for path in paths
        if posixpath.basename(path) == SIDECAR_NAME
    }
    return ChangeSet(ref, base, paths, sidecars)


def _git(where: Path, *args: str) -> str | None:
    """A git command's output, run in `where`; None when it fails (or git is missing).
    Plain processes: importing gitpython would cost more than the few commands asked."""
    try:
        done = subprocess.run(["git", *args], cwd=where, capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def _split(output: str) -> list[str]:
    return [path for path in output.split("\0") if path]


def _under(paths: Iterable[str], prefix: str) -> Iterable[str]:
    """Repository paths as paths relative to the scanned folder (others dropped)."""
    for path in paths:
        if prefix == ".":
            yield path
        elif path.startswith(prefix + "/"):
            yield path[len(prefix) + 1 :]


def _old_json(top: Path, base: str, path: str, prefix: str) -> Any:
    full = path if prefix == "." else f"{prefix}/{path}"
    found = _git(top, "show", f"{base}:{full}")
    return {} if found is None else _parse(found)  # None: the sidecar is new


def _new_json(path: Path) -> Any:
    try:
        return _parse(read_bytes(path).decode("utf-8"))
    except FileNotFoundError:
        return {}  # the sidecar was deleted
    except (OSError, UnicodeDecodeError):
        return None


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _changed_keys(old: Any, new: Any) -> frozenset[str] | None:
    """Record keys whose value differs; failure records count under their own keys."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return None
    keys = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    if FAILURES_KEY in keys:
        keys.discard(FAILURES_KEY)
        old_failures, new_failures = old.get(FAILURES_KEY, {}), new.get(FAILURES_KEY, {})
        if not isinstance(old_failures, dict) or not isinstance(new_failures, dict):
            return None
        keys |= _changed_keys(old_failures, new_failures) or set()
    return frozenset(keys)
