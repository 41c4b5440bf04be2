"""Where transync keeps caches: always outside the scanned tree, so scans stay read-only."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VARIABLE = "TRANSYNC_CACHE_DIR"


def cache_dir() -> Path:
    """`$TRANSYNC_CACHE_DIR`, else `$XDG_CACHE_HOME/transync`, else `~/.cache/transync`.

    A relative `XDG_CACHE_HOME` is ignored, as the XDG specification says: relative to the
    current folder, it would put the cache inside the repository being scanned."""
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "transync"
