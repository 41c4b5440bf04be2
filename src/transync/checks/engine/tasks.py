"""What the content checks compare: one task per translation and its source, and its outcome.

Light on purpose: the runner (`content`) and the cache (`evidence`) work with tasks and
outcomes without importing the checks (`compare` does, where a pair is compared).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transync.model import Finding, Kind, Layout, Severity, State, TranslationEntry

# States whose translation and source are both on disk.
# Untracked ones too: a translation without metadata at the path mirroring a source is still
# that source's translation.
CHECKED_STATES = frozenset({State.CURRENT, State.STALE, State.FAILED, State.UNTRACKED})


@dataclass(frozen=True)
class ContentTask:
    """One translation to compare with its source (paths relative to the root)."""

    language: str
    source: str
    translation: str
    state: State
    layouts: tuple[Layout, ...]
    # Checks whose findings nobody wants (all names of a family "off"): not even run.
    skip: frozenset[str] = frozenset()


def content_tasks(
    entries: Iterable[TranslationEntry],
    layouts: tuple[Layout, ...],
    severities: Mapping[str, Severity | None] | None = None,
) -> list[ContentTask]:
    """The tasks for every Markdown or notebook translation whose source exists."""
    off = frozenset(name for name, severity in (severities or {}).items() if severity is None)
    return [
        ContentTask(entry.language, entry.source, entry.translation, entry.state, layouts, off)
        for entry in entries
        if entry.state in CHECKED_STATES and entry.kind is not Kind.IMAGE
    ]


@dataclass(frozen=True)
class ContentOutcome:
    """A task's findings and what they depend on besides the two files compared: the paths
    whose existence was asked (and the answer) and the documents whose anchors were read."""

    findings: list[Finding]
    existence: Mapping[str, bool]
    anchored: frozenset[str]
