"""Line endings git converts on checkout: hash a source as git stores it, not as checked out.

co-op-translator hashes a source's raw bytes where it runs, normally a Linux checkout with LF
line endings. A Windows clone (`core.autocrlf=true` by default there) or a `.gitattributes`
with `text`/`eol` gives the same file CRLF in the work tree, so its raw bytes would make every
translation read as stale. Where git converts a file's line endings on checkout, the bytes to
hash are the ones git would store: the work tree's with CRLF turned back into LF (git's clean
conversion). A file whose CRLF is committed (the index holds CRLF) is not converted by git and
keeps raw-byte hashing, as co-op-translator would see it.

Cheap when nothing applies: a source without CRLF is never looked at twice; outside a git work
tree, or when no git configuration mentions autocrlf/eol and no `.gitattributes` above the
source mentions text/eol, git is not run at all. Otherwise git is asked once per scan
(`git ls-files --eol` and `git config core.autocrlf`).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from transync.fileio import read_bytes, read_inside
from transync.model import Finding, Severity

CHECK = "checkout-line-endings"

# What in a git config or attributes file may turn a conversion on: autocrlf set to true or
# input, another attributes file, an include (it may hold either). core.eol alone converts
# nothing (it only applies to files the attributes call text). Anything else leaves the raw
# bytes alone without asking git.
_CONFIG_WORDS = re.compile(
    rb"autocrlf\s*=\s*(true|input|yes|on|1)\b|attributesfile|include", re.IGNORECASE
)
_ATTRIBUTE_WORDS = re.compile(rb"\btext\b|\beol\b|crlf", re.IGNORECASE)


class Checkout:
    """Turns a source's checked-out bytes into the bytes git would store, where git converts
    them, and remembers which sources it converted (for `--details`)."""

    def __init__(self, top: Path | None, git_dir: Path | None, root: Path) -> None:
        self._top = top
        self._git_dir = git_dir
        # The scanned root's place in the work tree, to turn a source into a git path.
        self._prefix = "" if top is None else _relative_prefix(root, top)
        self._configured: bool | None = None
        self._attributes: dict[str, bool] = {}
        self._index: dict[str, tuple[str, str, str]] | None = None
        self._autocrlf = ""
        self._ignored: frozenset[str] | None = None
        self.converted: dict[str, str] = {}

    @classmethod
    def of(cls, root: Path) -> Checkout:
        """The checkout `root` is in (found without running git)."""
        top, git_dir = _work_tree(root)
        return cls(top, git_dir, root)

    def stored_bytes(self, source: str, data: bytes) -> bytes:
        """`data` (the source `source`, relative to the root, as read) as git would store it."""
        if self._top is None or b"\r\n" not in data or not self._may_convert(source):
            return data
        why = self._conversion(self._prefix + source)
        if why is None:
            return data
        self.converted[source] = why
        return data.replace(b"\r\n", b"\n")

    def findings(self) -> list[Finding]:
        """One note per source hashed as git stores it, so that `--details` says so."""
        return [
            Finding(
                CHECK,
                Severity.NOTE,
                source,
                f"hashed as git stores it, with LF line endings: the work tree has CRLF from"
                f" checkout ({why})",
            )
            for source, why in sorted(self.converted.items())
        ]

    def ignored(self, path: str) -> bool:
        """Whether git ignores `path` (relative to the root): untracked and matched by a
        `.gitignore`, such as a `.env` a CI step wrote. Such a file is no source: reading it
        would quote a secret in a public report. git is asked once per scan, and only when
        a source is looked at in a work tree."""
        if self._top is None:
            return False
        if self._ignored is None:
            scope = ["--", self._prefix] if self._prefix else []
            listing = _git(
                self._top,
                *("ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"),
                *scope,
            )
            self._ignored = frozenset(item.rstrip("/") for item in listing.split("\0") if item)
        if not self._ignored:
            return False
        parts = (self._prefix + path).split("/")
        return any("/".join(parts[:depth]) in self._ignored for depth in range(1, len(parts) + 1))

    # -- without git --------------------------------------------------------------------------

    def _may_convert(self, source: str) -> bool:
        if self._configured is None:
            self._configured = any(
                _mentions(path, _CONFIG_WORDS) for path in _config_files(self._git_dir)
            ) or bool(os.environ.get("GIT_CONFIG_COUNT") or os.environ.get("GIT_CONFIG_PARAMETERS"))
        return self._configured or self._attributes_above(os.path.dirname(source))

    def _attributes_above(self, folder: str) -> bool:
        """Whether a `.gitattributes` in `folder` (relative to the root) or any folder above it,
        up to the top of the work tree, may set text or eol."""
        known = self._attributes.get(folder)
        if known is None:
            assert self._top is not None
            here = os.path.join(self._top, *(self._prefix + folder).split("/"))
            known = _mentions(
                os.path.join(here, ".gitattributes"), _ATTRIBUTE_WORDS, str(self._top)
            ) or (
                self._attributes_above(os.path.dirname(folder))
                if folder
                else self._root_attributes()
            )
            self._attributes[folder] = known
        return known

    def _root_attributes(self) -> bool:
        """Attributes files above the scanned root, and the repository's own."""
        assert self._top is not None and self._git_dir is not None
        parts = [part for part in self._prefix.split("/") if part]
        above = [
            os.path.join(self._top, *parts[:depth], ".gitattributes") for depth in range(len(parts))
        ]
        return _mentions(
            os.path.join(self._git_dir, "info", "attributes"), _ATTRIBUTE_WORDS
        ) or any(_mentions(path, _ATTRIBUTE_WORDS, str(self._top)) for path in above)

    # -- with git, once -----------------------------------------------------------------------

    def _conversion(self, git_path: str) -> str | None:
        """Why git converts this file's line endings on checkout, or None if it does not."""
        if self._index is None:
            self._index = self._read_index()
        found = self._index.get(git_path)
        if found is None:
            return None  # not in the index (untracked): nothing tells what git would store
        index_eol, work_tree_eol, attributes = found
        # Git converts only text it stores with LF; committed CRLF is left as it is.
        if index_eol != "lf" or work_tree_eol != "crlf":
            return None
        words = attributes.split()
        if "-text" in words:
            return None
        text = [word for word in words if word.startswith(("text", "eol="))]
        if text:
            return f".gitattributes {' '.join(text)}"
        if self._autocrlf in ("true", "input"):
            return f"core.autocrlf={self._autocrlf}"
        return None

    def _read_index(self) -> dict[str, tuple[str, str, str]]:
        self._autocrlf = _git(self._top, "config", "--get", "core.autocrlf").strip().lower()
        listing = _git(self._top, "ls-files", "--eol", "-z")
        index: dict[str, tuple[str, str, str]] = {}
        for record in listing.split("\0"):
            meta, _, path = record.partition("\t")
            fields = meta.split()
            if len(fields) >= 2 and path:
                attributes = " ".join(fields[2:]).removeprefix("attr/")
                index[path] = (
                    fields[0].removeprefix("i/"),
                    fields[1].removeprefix("w/"),
                    attributes,
                )
        return index


def _git(top: Path | None, *args: str) -> str:
    """git's output, or nothing when git is absent or refuses: then no conversion is assumed
    (raw bytes, as before this module existed), never a failed scan."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=top,
            capture_output=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError:
        return ""
    return done.stdout if done.returncode == 0 else ""


def _work_tree(root: Path) -> tuple[Path | None, Path | None]:
    """The top of the work tree holding `root` and its git folder, by looking for `.git`."""
    here = root.resolve()
    for folder in (here, *here.parents):
        marker = folder / ".git"
        if marker.is_dir():
            return folder, marker
        if marker.is_file():  # a linked worktree or submodule: "gitdir: <path>"
            text = marker.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                git_dir = (folder / text.removeprefix("gitdir:").strip()).resolve()
                return folder, git_dir
    return None, None


def _config_files(git_dir: Path | None) -> list[str]:
    """Every file git reads its configuration from, in the order git does."""
    environment = os.environ
    home = Path.home()
    xdg = environment.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    files = []
    if not environment.get("GIT_CONFIG_NOSYSTEM"):
        files.append(environment.get("GIT_CONFIG_SYSTEM") or "/etc/gitconfig")
    if "GIT_CONFIG_GLOBAL" in environment:
        files.append(environment["GIT_CONFIG_GLOBAL"])
    else:
        files += [os.path.join(xdg, "git", "config"), os.path.join(home, ".gitconfig")]
    if git_dir is not None:
        common = _common_dir(git_dir)
        files += [os.path.join(common, "config"), os.path.join(git_dir, "config.worktree")]
    return files


def _common_dir(git_dir: Path) -> Path:
    """A linked worktree's git folder points at the main repository's, which holds config."""
    try:
        common = (git_dir / "commondir").read_text(encoding="utf-8").strip()
    except OSError:
        return git_dir
    return (git_dir / common).resolve()


def _mentions(
    path: str | os.PathLike[str], words: re.Pattern[bytes], real_top: str | None = None
) -> bool:
    """Whether the file holds one of `words`; a file of the work tree (`real_top` given) is
    read only inside it, and none is read if it is a pipe or a device (a pull request may
    commit `.gitattributes` as a link to `/dev/zero`)."""
    try:
        data = read_bytes(path) if real_top is None else read_inside(path, real_top)
    except OSError:
        return False
    return words.search(data) is not None


def _relative_prefix(root: Path, top: Path) -> str:
    relative = Path(os.path.relpath(root.resolve(), top)).as_posix()
    return "" if relative == "." else f"{relative}/"
