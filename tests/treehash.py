"""A fingerprint of a whole tree, to prove that a command left it byte-identical.

Every command that reads a repository (status, check, diff, dashboard) promises not to write
inside it; its tests take `tree_hash(root)` before and after and compare. Symbolic links are
recorded, never followed, so loops and links that leave the tree are safe to fingerprint.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

# path -> (kind, permission bits, content digest or link target)
TreeHash = dict[str, tuple[str, int, str]]


def tree_hash(root: Path) -> TreeHash:
    """Every file, folder and link below `root` with its mode and content (`.git` included)."""
    fingerprint: TreeHash = {}
    for folder, folders, files in os.walk(root, followlinks=False):
        for name in (*folders, *files):
            path = os.path.join(folder, name)
            info = os.lstat(path)
            key = os.path.relpath(path, root)
            mode = stat.S_IMODE(info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                fingerprint[key] = ("link", mode, os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                fingerprint[key] = ("folder", mode, "")
            elif stat.S_ISREG(info.st_mode):
                fingerprint[key] = ("file", mode, _digest(path))
            else:  # a pipe, socket or device: opening it could block
                fingerprint[key] = ("special", mode, str(stat.S_IFMT(info.st_mode)))
    return fingerprint


def _digest(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:  # an unreadable file is still fingerprinted by its error
        return f"unreadable: {error.errno}"
    return digest.hexdigest()
