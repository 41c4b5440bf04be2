"""The names every stage shares: a translation's state, a finding's severity, a file's kind,
where a metadata record was found."""

from __future__ import annotations

from enum import Enum

# The checks that find a page empty or cut off: the most urgent work a language has.
GUTTED_CHECKS = frozenset({"truncated", "content-lost", "empty"})


class Name(str, Enum):
    """A name that equals its string value, and hashes as it: Enum's own `__hash__` hashes the
    member's name in Python, a call for every finding or entry put in a set or dict (75,000
    findings rolled up on a re-run `check`)."""

    __hash__ = str.__hash__


class Severity(Name):
    """How much a state or finding matters; `check` fails on errors by default."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class State(Name):
    """Where one translated file stands against its source. Exactly one per language x file."""

    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"
    ORPHAN = "orphan"
    UNTRACKED = "untracked"
    INVALID_METADATA = "invalid-metadata"
    FAILED = "failed"

    @property
    def severity(self) -> Severity | None:
        """Current files need no attention; untracked ones may be hand-written on purpose."""
        if self is State.CURRENT:
            return None
        if self is State.UNTRACKED:
            return Severity.WARNING
        return Severity.ERROR


class Kind(Name):
    """What sort of file a translation is; each is read by its own metadata reader."""

    MARKDOWN = "markdown"
    NOTEBOOK = "notebook"
    IMAGE = "image"


class MetadataOrigin(Name):
    """Where a metadata record was read from, in co-op-translator's order of precedence."""

    SIDECAR = "sidecar"
    NOTEBOOK = "notebook"
    INLINE = "inline"
