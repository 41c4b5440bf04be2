"""The history of HEAD, read in one `git log` walk and indexed by path.

One walk of the whole history (translation folders excluded, renames detected) costs about
as much as one `git log --follow` of a single file, and answers every source and language at
once. Paths are relative to the scan root, which may be a folder inside the work tree.

History degrades, never fails: git never fetches a missing object during a scan
(`history.objects`); a walk that cannot detect renames (contents missing: a blobless clone,
`--filter=blob:none`, or a mirror without its largest files) is redone without, reading trees
only; one that cannot run at all leaves an empty history; a blob that cannot be read is
recorded, not raised past provenance, which reads only the versions of the sources it
explains. `History.gaps` says which of these happened, for the one line every command prints.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from transync.errors import TransyncError
from transync.history.log_records import FORMAT, FileChange, LogCache, parse
from transync.history.objects import UnreadableObject, no_fetch_variables
from transync.model import CommitRef

if TYPE_CHECKING:
    from git import Repo

    from transync.history.blob_reader import BlobReader


@dataclass(frozen=True)
class Version:
    """A committed version of a file: the commit that wrote it and the blob it wrote."""

    commit: int
    blob: str


@dataclass
class Gaps:
    """What the history could not tell, and why: each fact a scan reports as unknown."""

    # Why no history could be read at all (the walk failed), or None.
    walk: str | None = None
    # Why renames are unknown (the walk had to run without detecting them), or None.
    renames: str | None = None
    # Blobs that could not be read, and git's word for the first.
    unreadable: set[str] = field(default_factory=set)
    first_error: str | None = None

    def __bool__(self) -> bool:
        return bool(self.walk or self.renames or self.unreadable)


class History:
    """Commits of HEAD, newest first, and the changes each made to the paths under the root.

    `repo` None is a history read from the cache (see `open_history`) of the work tree at
    `top`: blobs are read without gitpython (~70 ms to import), which opens only if asked for.
    """

    def __init__(
        self,
        repo: Repo | None,
        commits: list[CommitRef],
        changes: Iterable[FileChange],
        gaps: Gaps | None = None,
        *,
        top: str | None = None,
    ) -> None:
        self._repo = repo
        self._top = top
        self.commits = commits
        self.gaps = gaps or Gaps()
        self._touching: dict[str, list[FileChange]] = {}
        for change in changes:
            self._touching.setdefault(change.path, []).append(change)
            if change.old_path is not None:
                self._touching.setdefault(change.old_path, []).append(change)
        # A cached history is never of a shallow clone (`_head`).
        self._shallow: bool | None = None if repo is not None else False
        self._blobs: BlobReader | None = None

    @property
    def repo(self) -> Repo:
        if self._repo is None:
            self._repo = open_repo(Path(self._top or "."))
            if self._repo is None:
                raise TransyncError(f"{self._top}: no longer a git work tree")
        return self._repo

    @property
    def shallow(self) -> bool:
        if self._shallow is None:
            import git

            try:
                self._shallow = self.repo.git.rev_parse("--is-shallow-repository") == "true"
            except git.GitCommandError:
                self._shallow = False
        return self._shallow

    def read_blob(self, blob: str) -> bytes:
        """The blob's bytes; raises UnreadableObject (and remembers it) when git cannot."""
        if blob in self.gaps.unreadable:
            raise UnreadableObject(blob)
        if self._blobs is None:
            from transync.history.blob_reader import BlobReader

            top = self._top if self._repo is None else self.repo.working_tree_dir
            self._blobs = BlobReader(Path(top or "."))
        try:
            return self._blobs(blob)
        except UnreadableObject as error:
            self.gaps.unreadable.add(blob)
            self.gaps.first_error = self.gaps.first_error or str(error)
            raise

    def commit_ids(self) -> list[str]:
        """HEAD's commits, children before parents (`git rev-list --topo-order`), from one
        plain git process: a history read from the cache opens no gitpython for them."""
        top = self._top if self._repo is None else self._repo.working_tree_dir
        done = subprocess.run(
            ["git", "rev-list", "--topo-order", "HEAD"],
            cwd=top or ".",
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **no_fetch_variables(os.environ)},
        )
        if done.returncode != 0:
            raise TransyncError(f"{top}: git rev-list failed: {_last_line(done.stderr)}")
        return done.stdout.split()

    def close(self) -> None:
        if self._blobs is not None:
            self._blobs.close()

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

    def last_written(self, path: str) -> int | None:
        """The newest commit that wrote `path`'s text, followed back through moves: a rename,
        even one that edited links as `transync relocate` does, is not a rewrite."""
        current, start = path, -1
        while True:
            for change in self._touching.get(current, ()):
                if change.commit <= start or change.path != current or change.status == "D":
                    continue
                if change.status == "R" and change.old_path is not None:
                    current, start = change.old_path, change.commit
                    break
                return change.commit
            else:
                return None

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

    def renamed_in(self, commit: int) -> Iterator[tuple[str, str]]:
        """The (old, new) paths of the renames `commit` made."""
        for path, changes in self._touching.items():
            for change in changes:
                if change.commit == commit and change.path == path and change.old_path is not None:
                    yield change.old_path, path

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
    without_fetching(repo)
    return repo


def without_fetching(repo: Repo) -> None:
    """Every git command run for `repo` from now on reads only what is there."""
    repo.git.update_environment(**no_fetch_variables(os.environ))


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


def open_history(
    root: Path, excluded: Iterable[str], *, only: Iterable[str] | None = None
) -> History | None:
    """Read HEAD's history for `root`; None when `root` is not in a git work tree with commits.

    `excluded` names folders (relative to `root`) whose files are never sources: the
    translation folders, which hold most of the files and most of the churn. `only` reads
    the history of those folders alone instead (the translations' own, for estimates). A walk
    git cannot make gives a history with fewer facts and `gaps` saying why, never an error.
    """
    head = _head(root)
    if head is not None:
        pathspecs = _pathspecs(_prefix(root, head[0]), excluded, only)
        known = LogCache(head[0], pathspecs).load(head[1])
        if known is not None:
            return History(None, *known, top=head[0])
    repo = open_repo(root)
    if repo is None or repo.working_tree_dir is None:
        return None
    top = os.path.realpath(repo.working_tree_dir)
    prefix = _prefix(root, top)
    pathspecs = _pathspecs(prefix, excluded, only)
    import git

    gaps = Gaps()
    # Inexact rename detection compares contents; without it the walk reads trees only, which
    # a partial clone or a mirror without its largest files has.
    for renames in ("-M", "--no-renames"):
        try:
            output = repo.git.log(
                "-z", "--topo-order", "--raw", "--no-abbrev", renames, FORMAT, "HEAD", "--",
                *pathspecs,
            )  # fmt: skip
        except git.GitCommandError as error:
            failure = _last_line(error.stderr or str(error))
            if renames == "-M":
                gaps.renames = failure
            else:
                gaps.walk, gaps.renames = failure, None
            continue
        commits, changes = parse(output, prefix)
        if not gaps and head is not None and head[0] == top:
            LogCache(top, pathspecs).save(head[1], commits, changes)
        return History(repo, commits, changes, gaps)
    return History(repo, [], [], gaps)


def _prefix(root: Path, top: str) -> str:
    """The scan root inside the work tree, as a path prefix (empty at the top)."""
    prefix = os.path.relpath(os.path.realpath(root), top).replace(os.sep, "/")
    return "" if prefix == "." else prefix + "/"


def _pathspecs(prefix: str, excluded: Iterable[str], only: Iterable[str] | None) -> list[str]:
    if only is not None:
        return [f":(top){prefix}{folder}" for folder in only] or [f":(top){prefix}"]
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
            env={**os.environ, **no_fetch_variables(os.environ)},
        )
    except OSError:
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) != 3 or lines[1] != "false":
        return None
    return os.path.realpath(lines[0]), lines[2]


def _last_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else "unknown error"
    return last.removeprefix("stderr: ").strip("'").removeprefix("fatal: ")
