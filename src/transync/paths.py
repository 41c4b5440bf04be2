"""Repository-relative POSIX paths: normalising what metadata says, and staying inside the root.

Metadata is written by other tools on other systems, so every path it names is untrusted:
these helpers turn it into a clean relative path or refuse it, and nothing else in transync
joins an untrusted string onto the repository root.
"""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache

_DRIVE = re.compile(r"^[A-Za-z]:")


class UnsafePath(ValueError):
    """A path that is absolute or climbs out of the folder it is relative to."""


@lru_cache(maxsize=65536)  # the same source_file recurs in every language
def normalise_source_file(raw: str) -> str:
    """Clean up a `source_file` value: backslashes, `./` prefixes, doubled slashes.

    >>> normalise_source_file(".\\\\09-metacognition\\\\README.md")
    '09-metacognition/README.md'
    """
    if "\x00" in raw:  # no file system accepts it; a line break is merely unusual
        raise UnsafePath("contains a NUL character")
    # Not stripped: " a.md" is a legal name, and stripping made normalising non-idempotent.
    normal = posixpath.normpath(raw.replace("\\", "/"))
    if not normal.strip():
        raise UnsafePath("is empty")
    if normal.startswith("/") or _DRIVE.match(normal):
        raise UnsafePath(f"is absolute ({raw!r})")
    if normal == ".":
        raise UnsafePath(f"names no file ({raw!r})")
    return normal


def join(base: str, relative: str) -> str:
    """Join two repository-relative paths; refuse a result outside the repository."""
    if _is_clean(relative) and (base == "." or _is_clean(base)):
        # Nothing to normalise: the common case, made cheap.
        return relative if base == "." else f"{base}/{relative}"
    joined = posixpath.normpath(posixpath.join(base, relative) if base != "." else relative)
    if joined == ".." or joined.startswith("../"):
        raise UnsafePath(f"leaves the repository ({relative!r})")
    return joined


def resolves_within(path: str | os.PathLike[str], real_root: str) -> bool:
    """Whether `path`, every symbolic link on the way followed, stays inside `real_root` (an
    already resolved root). Checked before anything from the repository is opened."""
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


LEADS_OUTSIDE = "leads outside the repository through a symbolic link"


def unreadable_path(path: str | os.PathLike[str], real_root: str) -> str | None:
    """Why `path` must not be opened, or None: it leads outside `real_root`, or it exists but
    is not a regular file (a folder, or a pipe or device, whose reading blocks or never ends)."""
    if not resolves_within(path, real_root):
        return LEADS_OUTSIDE
    if os.path.isdir(path):
        return "is a folder, not a file"
    if os.path.exists(path) and not os.path.isfile(path):
        return "is not a regular file (a pipe, socket or device)"
    return None


def exists_as_named(path: str) -> bool:
    """Whether a file exists under exactly this name, the case of its last part included.

    On a case-insensitive file system (macOS, Windows) a case-only rename (`Guide.md` ->
    `guide.md`) leaves the old name opening the new file: a translation made from `Guide.md`
    would read as current there and as orphaned on Linux. Judging by the exact name gives the
    same answer everywhere (co-op-translator's, on the Linux runner). Costs one extra stat on a
    case-sensitive file system, and a folder listing only where the case could differ.
    """
    if not os.path.lexists(path):
        return False
    folder, name = os.path.split(path)
    other_case = name.swapcase()
    if other_case == name or not os.path.lexists(os.path.join(folder, other_case)):
        return True  # no other case of the name opens anything: nothing to tell apart
    try:
        return name in os.listdir(folder or ".")
    except OSError:
        return True


def relative_to(path: str, base: str) -> str:
    """`path` relative to `base`, both repository-relative (`base` may be `.`)."""
    if base == ".":
        return path
    if path.startswith(base) and path[len(base) : len(base) + 1] == "/":
        rest = path[len(base) + 1 :]
        if _is_clean(rest):
            return rest  # the common case, without relpath's two abspath calls
    return posixpath.relpath(path, base)


def _is_clean(path: str) -> bool:
    """Whether normalising certainly leaves `path` as it is: not empty, not absolute, no empty
    segment, and no segment starting with a dot (so no `.` or `..`; a rare hidden folder
    takes the exact, slower way). Substring tests: a regex search cost three times as much."""
    return (
        bool(path)
        and path[0] not in "./"
        and path[-1] != "/"
        and "//" not in path
        and "/." not in path
    )


def is_within(path: str, base: str) -> bool:
    return base == "." or path == base or path.startswith(base + "/")


@lru_cache(maxsize=256)
def glob_pattern(glob: str) -> re.Pattern[str]:
    """Compile a repository glob: `**` spans folders, `*` and `?` stay within one."""
    parts = []
    index = 0
    while index < len(glob):
        if glob.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            parts.append(".*")
            index += 2
        elif glob[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(glob[index]))
            index += 1
    # A pattern naming a folder also covers everything below it.
    return re.compile("".join(parts) + "(?:/.*)?")


def matches_any(path: str, globs: tuple[str, ...]) -> bool:
    return any(glob_pattern(glob.strip("/")).fullmatch(path) for glob in globs)
