"""A commit's tree as a `transync.discover.tree.Tree`: listed by `git ls-tree`, read from one
`git cat-file --batch` stream. Never a checkout, never a write into the repository.

`BlobReader` is the one stream every commit of a trend shares; `BlobMemo` remembers what each
blob parsed to (across runs too, in `parsed_store`) and each source blob's MD5 (in the history
store), so a file unchanged across twenty commits, or twenty runs, is read and parsed once.
"""

from __future__ import annotations

import contextlib
import errno
import posixpath
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TypeVar

from transync.discover.tree import INSIDE_GIT, TreeEntry, inside_git_folder
from transync.errors import TransyncError
from transync.history.blob_hashes import BlobHashes
from transync.history.objects import UnreadableObject, no_fetch_environment
from transync.history.parsed_store import ParsedStore
from transync.history.store import Store
from transync.model import Finding
from transync.paths import LEADS_OUTSIDE

Parsed = TypeVar("Parsed")

_LINK_MODE = "120000"
_MAX_LINK_HOPS = 40  # as many as Linux follows before ELOOP


class BlobReader:
    """Blob contents by id, through one long-lived `git cat-file --batch` process.

    A blob the repository lacks (a partial clone's) is left out of `many` and raises
    UnreadableObject from a call. Before git 2.44 the process exits on such a blob (its
    fetch, forbidden by `history.objects`, fails): it is started again for the rest, after
    listing once the objects the repository has, so that no other missing blob is asked for
    (a restart and a failed fetch per blob made a trend of a blobless clone take minutes).
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self._present: frozenset[str] | None = None  # listed after git first exits
        self._start()

    def _start(self) -> None:
        try:
            self._process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self._root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=no_fetch_environment(),
            )
        except OSError as error:
            raise TransyncError(f"{self._root}: cannot run git: {error.strerror}") from None
        self._input: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        self._output: IO[bytes] = self._process.stdout  # type: ignore[assignment]

    def __call__(self, blob: str) -> bytes:
        """The blob's bytes; raises UnreadableObject when the repository lacks it."""
        found = self._fetch([blob])
        if blob not in found:
            raise UnreadableObject(f"{blob[:12]} is missing")
        return found[blob]

    def many(self, blobs: Sequence[str]) -> dict[str, bytes]:
        """Several blobs in one pipelined exchange: a round trip per blob costs ~0.5 ms on a
        busy machine, 3 s for a commit of 6,000 files. A thread writes the requests while
        the answers are read, so that neither pipe fills up and blocks the other side.
        Blobs the repository lacks are left out."""
        return self._fetch(blobs)

    def _fetch(self, blobs: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        pending = self._asked(blobs)
        while pending:
            answered = self._exchange(pending, found)
            if answered == len(pending):
                break
            # git exited on pending[answered], a blob it lacks: once more for the rest.
            self.close()
            if self._present is None:
                self._present = self._objects_present()
            self._start()
            pending = self._asked(pending[answered + 1 :])
        return found

    def _asked(self, blobs: Sequence[str]) -> list[str]:
        """The blobs worth asking git for: all, until git exited on one it lacks."""
        if self._present is None:
            return list(blobs)
        return [blob for blob in blobs if blob in self._present]

    def _objects_present(self) -> frozenset[str]:
        """Every object the repository holds (`--batch-all-objects` lists, never fetches)."""
        command = ["git", "cat-file", "--batch-check=%(objectname)", "--batch-all-objects"]
        try:
            done = subprocess.run(
                command, cwd=self._root, capture_output=True, env=no_fetch_environment()
            )
        except OSError as error:
            raise TransyncError(f"{self._root}: cannot run git: {error.strerror}") from None
        return frozenset(done.stdout.decode("ascii", "replace").split())

    def _exchange(self, blobs: list[str], found: dict[str, bytes]) -> int:
        """Ask for `blobs`, keep the answers in `found`; how many git answered."""
        requests = "".join(f"{blob}\n" for blob in blobs).encode()
        if len(blobs) == 1:
            self._send(requests)
            return self._answers(blobs, found)
        writer = threading.Thread(target=self._send, args=(requests,), daemon=True)
        writer.start()
        try:
            return self._answers(blobs, found)
        except BaseException:
            self._process.kill()  # the writer may be blocked on a pipe nobody reads any more
            raise
        finally:
            if self._process.poll() is not None:
                self._output.close()  # git exited: the writer's pipe is broken, not blocked
            writer.join()

    def _answers(self, blobs: list[str], found: dict[str, bytes]) -> int:
        for index, blob in enumerate(blobs):
            header = self._output.readline().split()
            if not header:
                return index  # git exited
            if header[1:] == [b"missing"]:
                continue
            if len(header) != 3 or header[1] != b"blob":
                raise TransyncError(f"git object {blob}: not a blob in this repository")
            data = self._output.read(int(header[2]) + 1)  # the contents, then a newline
            found[blob] = data[:-1]
        return len(blobs)

    def _send(self, requests: bytes) -> None:
        try:
            self._input.write(requests)
            self._input.flush()
        except (OSError, ValueError):
            pass  # git is gone: the reading side reports it

    def close(self) -> None:
        for stream in (self._input, self._output):
            with contextlib.suppress(OSError):  # a pipe git closed first
                stream.close()
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
