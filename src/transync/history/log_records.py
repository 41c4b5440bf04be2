"""`git log`'s records as the history reads them: one `FileChange` per path a commit touched,
parsed from one `--raw -z` walk (`FORMAT`), and the parsed walk kept under HEAD's commit id
(`LogCache`), so a run on the same HEAD reads no git at all."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from transync.errors import TransyncError
from transync.model import CommitRef

_RECORD = "\x1e"
_FIELD = "\x1f"
FORMAT = f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%an{_FIELD}%s"


@dataclass(frozen=True)
class FileChange:
    """One path touched by one commit; `commit` indexes `History.commits` (0 is newest)."""

    commit: int
    status: str  # git's letter: A, M, D, R, T
    path: str
    blob: str
    old_path: str | None = None


class LogCache:
    """The parsed history of HEAD for one work tree and set of pathspecs, kept in the cache
    folder under HEAD's commit id: a commit's history never changes, so a run on the same
    HEAD reads it back instead of walking the log (and importing gitpython) again. Only a
    complete walk (no gaps) is kept."""

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
        from transync.fileio import write_atomic

        data = {
            "version": self.VERSION,
            "head": head,
            # Field by field: dataclasses.astuple deep-copies every field (a tenth of a cold
            # history's time on a 300-commit course).
            "commits": [
                (commit.id, commit.date, commit.author, commit.subject) for commit in commits
            ],
            "changes": [
                (change.commit, change.status, change.path, change.blob, change.old_path)
                for change in changes
            ],
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.file, json.dumps(data, separators=(",", ":")))
        except (OSError, TransyncError):
            return  # best-effort, like every cache


def parse(output: str, prefix: str) -> tuple[list[CommitRef], list[FileChange]]:
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
