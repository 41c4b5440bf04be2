"""The history of HEAD, read in one `git log` walk and indexed by path.

One walk of the whole history (translation folders excluded, renames detected) costs about
as much as one `git log --follow` of a single file, and answers every source and language at
once. Paths are relative to the scan root, which may be a folder inside the work tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transync.errors import TransyncError
from transync.model import CommitRef

if TYPE_CHECKING:
    from git import Repo

_RECORD = "\x1e"
_FIELD = "\x1f"
_FORMAT = f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%an{_FIELD}%s"


@dataclass(frozen=True)
class FileChange:
    """One path touched by one commit; `commit` indexes `History.commits` (0 is newest)."""

    commit: int
    status: str  # git's letter: A, M, D, R, T
    path: str
    blob: str
    old_path: str | None = None


@dataclass(frozen=True)
class Version:
    """A committed version of a file: the commit that wrote it and the blob it wrote."""

    commit: int
    blob: str


class History:
    """Commits of HEAD, newest first, and the changes each made to the paths under the root.

    `repo` None opens the repository of `root` when a blob is first read: a history read from
    the cache answers most runs without gitpython (~70 ms to import).
    """

    def __init__(
        self,
        repo: Repo | None,
        commits: list[CommitRef],
        changes: Iterable[FileChange],
        *,
        root: Path | None = None,
        shallow: bool | None = None,
    ) -> None:
        self._repo = repo
        self._root = root
        self.commits = commits
        self._touching: dict[str, list[FileChange]] = {}
        for change in changes:
            self._touching.setdefault(change.path, []).append(change)
            if change.old_path is not None:
                self._touching.setdefault(change.old_path, []).append(change)
        self._shallow = shallow

    @property
    def repo(self) -> Repo:
        if self._repo is None:
            self._repo = open_repo(self._root or Path.cwd())
            if self._repo is None:
                raise TransyncError(f"{self._root}: no longer a git work tree")
        return self._repo

    @property
    def shallow(self) -> bool:
        if self._shallow is None:
            self._shallow = self.repo.git.rev_parse("--is-shallow-repository") == "true"
        return self._shallow

    def read_blob(self, blob: str) -> bytes:
        data: bytes = self.repo.odb.stream(bytes.fromhex(blob)).read()
        return data

    def versions(self, path: str, before: int = -1) -> list[Version]:
        """Committed versions of `path`, newest first, following renames back to its creation.

        A version is new content: a pure rename or mode change keeps the version (and the
        commit) that wrote the content. `before` skips the commits from that index on (newer
        ones), to start below a deletion.
        """
        found: list[Version] = []
        current, start = path, before
        while True:
            renamed: FileChange | None = None
            for change in self._touching.get(current, ()):
                if change.commit <= start or change.path != current or change.status == "D":
                    continue
                if found and found[-1].blob == change.blob:
                    found.pop()  # the newer one only renamed or re-moded it
                found.append(Version(change.commit, change.blob))
                if change.status.startswith("R") and change.old_path is not None:
                    renamed = change
                    break
                if change.status == "A":
                    return found
            if renamed is None or renamed.old_path is None:
                return found
            current, start = renamed.old_path, renamed.commit

    def removal(self, path: str) -> FileChange | None:
        """The commit that deleted `path` or renamed it away, if that is its newest change."""
        changes = self._touching.get(path)
        if not changes:
            return None
        newest = changes[0]
        gone = newest.old_path == path or (newest.status == "D" and newest.path == path)
        return newest if gone else None

    def followed(self, change: FileChange) -> str | None:
        """Where a file renamed by `change` lives now, through later renames; None if deleted."""
        current, since = change.path, change.commit
        while True:
            later = [
                item
                for item in self._touching.get(current, ())
                if item.commit < since and (item.old_path == current or item.status == "D")
            ]
            if not later:
                return current
            last = later[-1]  # the oldest of the later changes acts first
            if last.status == "D" and last.path == current:
                return None
            current, since = last.path, last.commit

    def added_in(self, commit: int) -> Iterator[str]:
        for path, changes in self._touching.items():
            if any(
                change.commit == commit and change.status == "A" and change.path == path
                for change in changes
            ):
                yield path

    def paths(self) -> Iterable[str]:
        return self._touching.keys()


def open_repo(root: Path) -> Repo | None:
    """The git work tree holding `root`, if it has a commit; None otherwise (or without git)."""
    if not _maybe_in_work_tree(root):
        return None  # importing gitpython alone costs ~70 ms: not for a plain folder
    try:
        import git
    except ImportError:  # git is not installed: gitpython refuses to load
        return None
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    if repo.bare or repo.working_tree_dir is None or not repo.head.is_valid():
        return None
    return repo


def _maybe_in_work_tree(root: Path) -> bool:
    """False only when no `.git` sits in `root` or above it and git is not pointed elsewhere."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    folder = os.path.realpath(root)
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent


def open_history(root: Path, excluded: Iterable[str]) -> History | None:
    """Read HEAD's history for `root`; None when `root` is not in a git work tree with commits.

    `excluded` names folders (relative to `root`) whose files are never sources: the
    translation folders, which hold most of the files and most of the churn.
    """
    head = _head(root)
    if head is not None:
        top, commit = head
        pathspecs = _pathspecs(_prefix(root, top), excluded)
        cached = _LogCache(top, pathspecs)
        known = cached.load(commit)
        if known is not None:
            return History(None, *known, root=root, shallow=False)
    repo = open_repo(root)
    if repo is None or repo.working_tree_dir is None:
        return None
    top = os.path.realpath(repo.working_tree_dir)
    prefix = _prefix(root, top)
    pathspecs = _pathspecs(prefix, excluded)
    import git

    try:
        output = repo.git.log(
            "-z", "--topo-order", "--raw", "--no-abbrev", "-M", _FORMAT, "HEAD", "--", *pathspecs
        )
    except git.GitCommandError as error:
        reason = (error.stderr or str(error)).strip().splitlines()
        raise TransyncError(
            f"{root}: git log failed: {reason[-1] if reason else 'unknown error'}"
        ) from None
    commits, changes = _parse(output, prefix)
    history = History(repo, commits, changes)
    if head is not None and head[0] == top:
        _LogCache(top, pathspecs).save(head[1], commits, changes)
    return history


def _prefix(root: Path, top: str) -> str:
    """The scan root inside the work tree, as a path prefix (empty at the top)."""
    prefix = os.path.relpath(os.path.realpath(root), top).replace(os.sep, "/")
    return "" if prefix == "." else prefix + "/"


def _pathspecs(prefix: str, excluded: Iterable[str]) -> list[str]:
    return [f":(top){prefix}"] + [
        f":(exclude,top){prefix}{folder}" for folder in excluded if folder not in ("", ".")
    ]


def _head(root: Path) -> tuple[str, str] | None:
    """The work tree's top and HEAD's commit id, from one `git rev-parse`; None when that
    fails for any reason, or the clone is shallow (a fetch can deepen it under the same HEAD),
    and the history is then read, or refused, as without a cache."""
    if not _maybe_in_work_tree(root):
        return None
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) != 3 or lines[1] != "false":
        return None
    return os.path.realpath(lines[0]), lines[2]


class _LogCache:
    """The parsed history of HEAD for one work tree and set of pathspecs, kept in the cache
    folder under HEAD's commit id: a commit's history never changes, so a run on the same
    HEAD reads it back instead of walking the log (and importing gitpython) again."""

    VERSION = 1

    def __init__(self, top: str, pathspecs: list[str]) -> None:
        from transync.cache_dir import cache_dir

        name = hashlib.sha256(json.dumps([top, pathspecs]).encode()).hexdigest()[:20]
        self.file = cache_dir() / f"git-log-{name}.json"

    def load(self, head: str) -> tuple[list[CommitRef], list[FileChange]] | None:
        try:
            with open(self.file, encoding="utf-8") as stream:
                data: Any = json.load(stream)
            if data["version"] != self.VERSION or data["head"] != head:
                return None
            return (
                [CommitRef(*fields) for fields in data["commits"]],
                [FileChange(*fields) for fields in data["changes"]],
            )
        except (OSError, ValueError, TypeError, KeyError):
            return None  # absent or damaged: the log is read again and the file replaced

    def save(self, head: str, commits: list[CommitRef], changes: list[FileChange]) -> None:
        from transync.sync.atomic import write_atomic

        data = {
            "version": self.VERSION,
            "head": head,
            "commits": [astuple(commit) for commit in commits],
            "changes": [astuple(change) for change in changes],
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.file, json.dumps(data, separators=(",", ":")))
        except (OSError, TransyncError):
            return  # best-effort, like every cache


def _parse(output: str, prefix: str) -> tuple[list[CommitRef], list[FileChange]]:
    commits: list[CommitRef] = []
    changes: list[FileChange] = []
    for record in output.split(_RECORD)[1:]:
        header, _, raw = record.partition("\0")
        commit_id, date, author, subject = header.split(_FIELD, 3)
        index = len(commits)
        commits.append(CommitRef(commit_id, date, author, subject))
        tokens = iter(raw.lstrip("\n").split("\0"))
        for token in tokens:
            if not token.startswith(":"):
                continue
            fields = token.split()  # :old_mode new_mode old_blob new_blob status
            status, blob = fields[4], fields[3]
            first = _local(next(tokens), prefix)
            if status[0] == "R":
                changes.append(FileChange(index, "R", _local(next(tokens), prefix), blob, first))
            elif status[0] == "C":  # a copy (diff.renames=copies) starts a new file
                changes.append(FileChange(index, "A", _local(next(tokens), prefix), blob))
            else:
                changes.append(FileChange(index, status[0], first, blob))
    return commits, changes


def _local(path: str, prefix: str) -> str:
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path
