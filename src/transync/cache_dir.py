"""Where transync keeps caches: always outside the scanned tree, so scans stay read-only."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VARIABLE = "TRANSYNC_CACHE_DIR"


def cache_dir() -> Path:
    """`$TRANSYNC_CACHE_DIR`, else `$XDG_CACHE_HOME/transync`, else `~/.cache/transync`."""
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "transync"
