"""A commit's tree as a `transync.tree.Tree`: listed by `git ls-tree`, read from one
`git cat-file --batch` stream. Never a checkout, never a write into the repository.

`BlobReader` is the one stream every commit of a trend shares; `BlobMemo` remembers what each
blob parsed to (and, through the history store, each source blob's MD5 across runs), so a file
unchanged across twenty commits is read and parsed once.
"""

from __future__ import annotations

import errno
import posixpath
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TypeVar

from transync.errors import TransyncError
from transync.history.blob_hashes import BlobHashes
from transync.paths import LEADS_OUTSIDE
from transync.tree import TreeEntry

Parsed = TypeVar("Parsed")

_LINK_MODE = "120000"
_MAX_LINK_HOPS = 40  # as many as Linux follows before ELOOP


class BlobReader:
    """Blob contents by id, through one long-lived `git cat-file --batch` process."""

    def __init__(self, root: Path) -> None:
        try:
            self._process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise TransyncError(f"{root}: cannot run git: {error.strerror}") from None
        self._input: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        self._output: IO[bytes] = self._process.stdout  # type: ignore[assignment]

    def __call__(self, blob: str) -> bytes:
        self._input.write(f"{blob}\n".encode())
        self._input.flush()
        header = self._output.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            raise TransyncError(f"git object {blob}: not a blob in this repository")
        data = self._output.read(int(header[2]) + 1)  # the contents, then a newline
        return data[:-1]

    def close(self) -> None:
        self._input.close()
        self._output.close()
        self._process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class BlobMemo:
    """What blobs parsed to, and source MD5s, shared by every commit of one trend."""

    read: Callable[[str], bytes]
    md5s: BlobHashes
    parsed: dict[tuple[str, str, Any], Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Item:
    mode: str
    blob: str


@dataclass(frozen=True)
class _Entry:
    """A `TreeEntry` from a listing: git stores files, symbolic links and (implicitly) folders."""

    name: str
    kind: str  # "file", "link" or "dir"

    def is_symlink(self) -> bool:
        return self.kind == "link"

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return self.kind == "dir"

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return self.kind == "file"


class GitTree:
    """The tree of one commit below the scan root, as `discover` and `classify` see files."""

    def __init__(self, listing: dict[str, _Item], memo: BlobMemo) -> None:
        self._items = listing
        self._memo = memo
        self._children: dict[str, dict[str, _Entry]] = {".": {}}
        for path, item in listing.items():
            parent, name = _split(path)
            kind = "link" if item.mode == _LINK_MODE else "file"
            self._children.setdefault(parent, {})[name] = _Entry(name, kind)
            while parent != ".":  # register the folders above, up to one already known
                grandparent, name = _split(parent)
                siblings = self._children.setdefault(grandparent, {})
                if name in siblings:
                    break
                siblings[name] = _Entry(name, "dir")
                parent = grandparent

    @classmethod
    def at(cls, root: Path, prefix: str, tree_id: str, memo: BlobMemo) -> GitTree:
        """The tree `tree_id` (of the whole repository) seen from `prefix`, the scan root's
        path in the work tree ("" at the top)."""
        try:
            listing = subprocess.run(
                ["git", "ls-tree", "-r", "-z", "--full-tree", tree_id],
                cwd=root,
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError) as error:
            raise TransyncError(f"{root}: cannot list tree {tree_id}: {error}") from None
        items: dict[str, _Item] = {}
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, kind, blob = meta.decode().split(" ")
            path = raw_path.decode("utf-8", "surrogateescape")
            if kind == "blob" and path.startswith(prefix):
                items[path[len(prefix) :]] = _Item(mode, blob)
        return cls(items, memo)

    # -- Tree ---------------------------------------------------------------------------------

    def is_dir(self, path: str) -> bool:
        resolved = self._resolve(path)
        return resolved is not None and resolved in self._children

    def is_file(self, path: str) -> bool:
        resolved = self._resolve(path)
        return resolved is not None and resolved in self._items

    def exists(self, path: str) -> bool:
        return self.is_dir(path) or self.is_file(path)

    def lexists(self, path: str) -> bool:
        return path in self._items or _normal(path) in self._children

    def leads_within(self, path: str) -> bool:
        return self._resolve(path) is not None

    def unreadable(self, path: str) -> str | None:
        resolved = self._resolve(path)
        if resolved is None:
            return LEADS_OUTSIDE
        if resolved in self._children:
            return "is a folder, not a file"
        return None

    def scandir(self, folder: str) -> Sequence[TreeEntry]:
        resolved = self._resolve(folder)
        if resolved is None or resolved not in self._children:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", folder)
        return list(self._children[resolved].values())

    def read(self, path: str) -> bytes:
        return self._memo.read(self._blob(path))

    def parse(self, path: str, reader: Callable[[bytes, str], Parsed]) -> Parsed:
        key = (self._blob(path), path, reader)
        if key not in self._memo.parsed:
            self._memo.parsed[key] = reader(self._memo.read(key[0]), path)
        parsed: Parsed = self._memo.parsed[key]
        return parsed

    def md5(self, path: str) -> str:
        return self._memo.md5s(self._blob(path)).raw

    # -- links --------------------------------------------------------------------------------

    def _blob(self, path: str) -> str:
        resolved = self._resolve(path)
        if resolved is None or resolved not in self._items:
            if resolved is not None and resolved in self._children:
                raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return self._items[resolved].blob

    def _resolve(self, path: str) -> str | None:
        """`path` with every symbolic link followed, or None when it leaves the root (or
        loops); the result need not exist."""
        pending = [part for part in path.split("/") if part not in ("", ".")]
        pending.reverse()
        resolved: list[str] = []
        hops = 0
        while pending:
            part = pending.pop()
            if part == "..":
                if not resolved:
                    return None
                resolved.pop()
                continue
            candidate = "/".join([*resolved, part])
            item = self._items.get(candidate)
            if item is None or item.mode != _LINK_MODE:
                resolved.append(part)
                continue
            hops += 1
            target = self._memo.read(item.blob).decode("utf-8", "surrogateescape")
            if hops > _MAX_LINK_HOPS or target.startswith("/"):
                return None
            pending.extend(reversed([p for p in target.split("/") if p not in ("", ".")]))
        return "/".join(resolved) or "."


def _split(path: str) -> tuple[str, str]:
    parent, name = posixpath.split(path)
    return parent or ".", name


def _normal(path: str) -> str:
    return posixpath.normpath(path) if path not in ("", ".") else "."
