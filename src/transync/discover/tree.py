"""The tree a scan reads: the files on disk, or one commit's tree read from git.

Discovery and classification ask a `Tree` every question they have about files, so the same
rules judge the working tree (`WorkTree`, `transync status`) and an earlier commit
(`history.git_tree.GitTree`, `transync trend`) without a checkout. Paths are POSIX and
relative to the scan root; "." is the root itself. `SourceHashes` hashes each source a scan
asks about once, through the tree.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from transync.discover.checkout import Checkout
from transync.fileio import read_bytes
from transync.hashing import md5_hex
from transync.model import Finding
from transync.paths import exists_as_named, resolves_within, unreadable_path

Parsed = TypeVar("Parsed")
INSIDE_GIT = "is inside .git/; never a source, not read"


def inside_git_folder(path: str) -> bool:
    """Whether a repository-relative path lies in a `.git` folder (any case: macOS and
    Windows open `.GIT/config` as `.git/config`)."""
    return ".git" in path.lower().split("/")


class TreeEntry(Protocol):
    """What `Tree.scandir` lists: the part of `os.DirEntry` discovery uses."""

    @property
    def name(self) -> str: ...

    def is_symlink(self) -> bool: ...

    def is_dir(self, *, follow_symlinks: bool = True) -> bool: ...

    def is_file(self, *, follow_symlinks: bool = True) -> bool: ...


class Tree(Protocol):
    """The file-system questions a scan asks; symbolic links are followed like `os.path`."""

    def is_dir(self, path: str) -> bool: ...

    def is_file(self, path: str) -> bool: ...

    def exists(self, path: str) -> bool: ...

    def lexists(self, path: str) -> bool: ...

    def leads_within(self, path: str) -> bool:
        """Whether `path`, every symbolic link followed, stays inside the root."""

    def unreadable(self, path: str) -> str | None:
        """Why `path` must not be opened (see `paths.unreadable_path`), or None."""

    def not_a_source(self, path: str) -> str | None:
        """Why `path` may never be a source whatever metadata says (inside `.git/`, ignored
        by git), or None."""

    def scandir(self, folder: str) -> Sequence[TreeEntry]:
        """The entries of `folder`, in no particular order; raises OSError."""

    def read(self, path: str) -> bytes:
        """The whole file; raises OSError."""

    def parse(self, path: str, reader: Callable[[bytes, str], Parsed]) -> Parsed:
        """`reader(bytes, path)`; a tree may remember the result by the file's content."""

    def size(self, path: str) -> int:
        """The file's size in bytes; raises OSError."""

    def md5(self, path: str) -> str:
        """The MD5 of the file's bytes, as co-op-translator hashes sources."""

    def notes(self) -> list[Finding]:
        """What the tree did to answer that a user should know of (`--details`): sources
        hashed as git stores them rather than as checked out."""


class ParseMemo(Protocol):
    """What readers made of files on disk in earlier runs, by the files' stat signatures."""

    def recall(
        self, path: str, status: os.stat_result, reader: Callable[[bytes, str], Parsed]
    ) -> tuple[bool, Parsed | None]:
        """(True, what `reader` returned for the file as `status` signs it), else (False, None)."""

    def remember(
        self,
        path: str,
        status: os.stat_result,
        reader: Callable[[bytes, str], Parsed],
        value: Parsed,
    ) -> None: ...


class WorkTree:
    """The files under a folder on disk: what `transync status` reads.

    `replaced` gives some files other contents, as if already written: `transync badges`
    judges the README it is about to write (it may be a translated source itself). Sources
    are hashed as git would store them where the checkout converted their line endings
    (`transync.discover.checkout`), and a name exists only with its exact case, as on Linux.
    With a `memo`, a regular file whose stat signature is unchanged since an earlier run is
    not read again: what the reader made of it then is what it makes of it now.
    """

    def __init__(
        self,
        root: Path,
        replaced: Mapping[str, bytes] | None = None,
        memo: ParseMemo | None = None,
    ) -> None:
        # Plain strings, not Path objects: joined once per file, tens of thousands of times.
        self._base = os.fspath(root)
        self._real_root = os.path.realpath(root)
        self._replaced = replaced or {}
        self._checkout = Checkout.of(root)
        self._memo = memo
        self._sizes: dict[str, int] = {}  # of the files `parse` looked at

    def _full(self, path: str) -> str:
        return f"{self._base}/{path}"

    def is_dir(self, path: str) -> bool:
        return os.path.isdir(self._full(path))

    def is_file(self, path: str) -> bool:
        return os.path.isfile(self._full(path))

    def exists(self, path: str) -> bool:
        return os.path.exists(self._full(path))

    def lexists(self, path: str) -> bool:
        return exists_as_named(self._full(path))

    def leads_within(self, path: str) -> bool:
        return resolves_within(self._full(path), self._real_root)

    def unreadable(self, path: str) -> str | None:
        return unreadable_path(self._full(path), self._real_root)

    def not_a_source(self, path: str) -> str | None:
        if inside_git_folder(path):
            return INSIDE_GIT
        if self._checkout.ignored(path):
            return "is ignored by git (.gitignore); never a source, not read"
        return None

    def scandir(self, folder: str) -> Sequence[TreeEntry]:
        return list(os.scandir(self._full(folder)))

    def read(self, path: str) -> bytes:
        replaced = self._replaced.get(path)
        return read_bytes(self._full(path)) if replaced is None else replaced

    def parse(self, path: str, reader: Callable[[bytes, str], Parsed]) -> Parsed:
        if self._memo is None or path in self._replaced:
            return reader(self.read(path), path)
        status = os.lstat(self._full(path))
        if not stat.S_ISREG(status.st_mode):
            return reader(self.read(path), path)  # a link, a pipe: the guarded read judges it
        self._sizes[path] = status.st_size
        found, value = self._memo.recall(path, status, reader)
        if found:
            return value  # type: ignore[return-value]
        parsed = reader(self.read(path), path)  # signed before read: a later write re-reads
        self._memo.remember(path, status, reader, parsed)
        return parsed

    def size(self, path: str) -> int:
        replaced = self._replaced.get(path)
        if replaced is not None:
            return len(replaced)
        known = self._sizes.get(path)
        return known if known is not None else os.stat(self._full(path)).st_size

    def md5(self, path: str) -> str:
        return md5_hex(self._checkout.stored_bytes(path, self.read(path)))

    def notes(self) -> list[Finding]:
        return self._checkout.findings()


_LF_HINT = "the stored hash matches the source with LF line endings; only line endings changed"
_CRLF_HINT = "the stored hash matches the source with CRLF line endings; only line endings changed"


class SourceHashes:
    """Hashes each source at most once per scan, however many languages ask for it (and its
    line-ending variants at most once: stale translations of a source are explained by them)."""

    def __init__(self, tree: Tree) -> None:
        self._tree = tree
        self._hashes: dict[str, str] = {}
        self._variants: dict[str, tuple[str, str]] = {}

    def __call__(self, source: str) -> str:
        digest = self._hashes.get(source)
        if digest is None:
            digest = self._hashes[source] = self._tree.md5(source)
        return digest

    def line_ending_hint(self, source: str, stored_hash: str) -> str | None:
        """Explain a mismatch that only line endings cause; such a file is still stale,
        because co-op-translator compares raw bytes and would retranslate it."""
        variants = self._variants.get(source)
        if variants is None:
            variants = self._variants[source] = self._line_ending_variants(source)
        as_lf, as_crlf = variants
        if stored_hash == as_lf:
            return _LF_HINT
        if stored_hash == as_crlf:
            return _CRLF_HINT
        return None

    def _line_ending_variants(self, source: str) -> tuple[str, str]:
        """The MD5 of the source with LF line endings, and with CRLF line endings."""
        as_lf = self._tree.read(source).replace(b"\r\n", b"\n")
        return md5_hex(as_lf), md5_hex(as_lf.replace(b"\n", b"\r\n"))
