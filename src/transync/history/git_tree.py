"""A commit's tree as a `transync.discover.tree.Tree`: listed by `git ls-tree`, read from one
`git cat-file --batch` stream. Never a checkout, never a write into the repository.

`BlobReader` (`history.blob_reader`) is the one stream every commit of a trend shares;
`BlobMemo` remembers what each blob parsed to (across runs too, in `parsed_store`) and each
source blob's MD5 (in the history store), so a file unchanged across twenty commits, or
twenty runs, is read and parsed once.
"""

from __future__ import annotations

import errno
import posixpath
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from transync.discover.tree import INSIDE_GIT, TreeEntry, inside_git_folder
from transync.errors import TransyncError
from transync.history.blob_hashes import BlobHashes
from transync.history.blob_reader import BlobReader
from transync.history.objects import UnreadableObject, no_fetch_environment
from transync.history.parsed_store import ParsedStore
from transync.history.store import Store
from transync.model import Finding
from transync.paths import LEADS_OUTSIDE

Parsed = TypeVar("Parsed")

_LINK_MODE = "120000"
_MAX_LINK_HOPS = 40  # as many as Linux follows before ELOOP


class BlobMemo:
    """What blobs parsed to and source MD5s, shared by every commit of one trend and kept
    across runs (`md5_store`, `parsed_store`), so that each blob is read and parsed once."""

    def __init__(self, reader: BlobReader, md5_store: Store, parsed_store: ParsedStore) -> None:
        self.reader = reader
        self.md5s = BlobHashes(md5_store, self.read)
        self._md5_store = md5_store
        self.stored = parsed_store
        self.parsed: dict[tuple[str, str, Any], Any] = {}
        self.fetched: dict[str, bytes] = {}  # read ahead, not yet used
        self.seen: set[str] = set()  # every blob read in this run
        self.link_targets: dict[str, str] = {}  # symbolic links' blobs, asked for per path
        # Whole sources read again at every commit (the line endings of a stale one's
        # source are looked at): few and small, so kept for the run.
        self.contents: dict[str, bytes] = {}

    def read(self, blob: str) -> bytes:
        data = self.fetched.pop(blob, None)
        if data is None:
            data = self.reader(blob)
        self.seen.add(blob)
        return data

    def parse(self, blob: str, path: str, reader: Callable[[bytes, str], Parsed]) -> Parsed:
        key = (blob, path, reader)
        if key not in self.parsed:
            found, value = self.stored.get(blob, path, reader)
            if not found:
                value = reader(self.read(blob), path)
                self.stored.put(blob, path, reader, value)
            self.parsed[key] = value
        parsed: Parsed = self.parsed[key]
        return parsed

    def read_ahead(self, files: Iterable[tuple[str, str]]) -> None:
        """Fetch in one exchange the blobs of `files` (blob, path) about to be read, but for
        those read, parsed or hashed before."""
        wanted = sorted(
            {
                blob
                for blob, path in files
                if blob not in self.seen
                and blob not in self.fetched
                and self._md5_store.get(blob) is None
                and not self.stored.knows(blob, path)
            }
        )
        if wanted:
            self.fetched.update(self.reader.many(wanted))

    def forget_read_ahead(self) -> None:
        """Drop what was fetched but not needed."""
        self.fetched.clear()


@dataclass(frozen=True)
class _Entry:
    """A `TreeEntry` from a listing: git stores files, symbolic links and (implicitly) folders.
    Like `os.DirEntry` asked with `follow_symlinks=False`: where a link leads, the tree says
    (`GitTree.is_file`, `is_dir`), as discovery asks it."""

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

    def __init__(self, listing: dict[str, tuple[str, str]], memo: BlobMemo) -> None:
        self._items = listing  # path -> (mode, blob id)
        self._memo = memo
        self._has_links = False
        self._children: dict[str, dict[str, _Entry]] = {".": {}}
        for path, (mode, _) in listing.items():
            parent, _, name = path.rpartition("/")
            parent = parent or "."
            if mode == _LINK_MODE:
                self._has_links = True
                entry = _Entry(name, "link")
            else:
                entry = _Entry(name, "file")
            siblings = self._children.get(parent)
            if siblings is None:
                siblings = self._children[parent] = {}
                self._add_folder(parent)
            siblings[name] = entry

    def _add_folder(self, folder: str) -> None:
        """Register `folder` in its parent, and the folders above it not yet known."""
        while folder != ".":
            parent, _, name = folder.rpartition("/")
            parent = parent or "."
            siblings = self._children.get(parent)
            known = siblings is not None
            if siblings is None:
                siblings = self._children[parent] = {}
            siblings[name] = _Entry(name, "dir")
            if known:
                return
            folder = parent

    @classmethod
    def at(cls, root: Path, prefix: str, tree_id: str, memo: BlobMemo) -> GitTree:
        """The tree `tree_id` (of the whole repository) seen from `prefix`, the scan root's
        path in the work tree ("" at the top)."""
        command = ["git", "ls-tree", "-r", "-z", "--full-tree", tree_id]
        try:
            output = subprocess.run(
                command, cwd=root, capture_output=True, check=True, env=no_fetch_environment()
            ).stdout
        except OSError as error:
            raise TransyncError(f"{root}: cannot list tree {tree_id}: {error}") from None
        except subprocess.CalledProcessError:
            raise UnreadableObject(f"tree {tree_id[:12]} cannot be read") from None
        items: dict[str, tuple[str, str]] = {}
        skip = len(prefix)
        # "<mode> <type> <id>\t<path>": submodules (type "commit") show as empty folders.
        for record in output.decode("utf-8", "surrogateescape").split("\0"):
            meta, _, path = record.partition("\t")
            if path.startswith(prefix) and meta[7:11] == "blob":
                items[path[skip:]] = (meta[:6], meta[12:])
        return cls(items, memo)

    def read_ahead(self, paths: Iterable[str]) -> None:
        """Fetch the blobs of `paths` (files about to be read) in one exchange with git."""
        self._memo.read_ahead((self._items[path][1], path) for path in paths if path in self._items)

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

    def not_a_source(self, path: str) -> str | None:
        # A commit holds no ignored files and git refuses to store a `.git` path; a path
        # named by metadata is still judged as the work tree would judge it.
        return INSIDE_GIT if inside_git_folder(path) else None

    def scandir(self, folder: str) -> Sequence[TreeEntry]:
        resolved = self._resolve(folder)
        if resolved is None or resolved not in self._children:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", folder)
        return list(self._children[resolved].values())

    def read(self, path: str) -> bytes:
        blob = self._blob(path)
        data = self._memo.contents.get(blob)
        if data is None:
            data = self._memo.contents[blob] = self._memo.read(blob)
        return data

    def parse(self, path: str, reader: Callable[[bytes, str], Parsed]) -> Parsed:
        return self._memo.parse(self._blob(path), path, reader)

    def size(self, path: str) -> int:
        return len(self.read(path))

    def md5(self, path: str) -> str:
        return self._memo.md5s(self._blob(path)).raw

    def notes(self) -> list[Finding]:
        return []  # blobs are the bytes git stores: nothing converted

    # -- links --------------------------------------------------------------------------------

    def _blob(self, path: str) -> str:
        resolved = self._resolve(path)
        if resolved is None or resolved not in self._items:
            if resolved is not None and resolved in self._children:
                raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return self._items[resolved][1]

    def _resolve(self, path: str) -> str | None:
        """`path` with every symbolic link followed, or None when it leaves the root (or
        loops); the result need not exist."""
        if not self._has_links:  # the common case, asked for every file
            if path in self._items:
                return path
            normal = _normal(path)
            return None if normal == ".." or normal.startswith("../") else normal
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
            if item is None or item[0] != _LINK_MODE:
                resolved.append(part)
                continue
            hops += 1
            target = self._memo.link_targets.get(item[1])
            if target is None:
                target = self._memo.read(item[1]).decode("utf-8", "surrogateescape")
                self._memo.link_targets[item[1]] = target
            if hops > _MAX_LINK_HOPS or target.startswith("/"):
                return None
            pending.extend(reversed([p for p in target.split("/") if p not in ("", ".")]))
        return "/".join(resolved) or "."


def _normal(path: str) -> str:
    return posixpath.normpath(path) if path not in ("", ".") else "."
