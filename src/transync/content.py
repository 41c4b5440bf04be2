"""Content checks over a whole scan: which translations to compare, and the per-file unit.

`content_findings` is the unit of work: a pure, top-level, picklable function of the
repository root and one `ContentTask`, returning findings in a deterministic order, so that a
process pool or a persistent cache can wrap it. Each file is parsed once per process (sources
shared by many languages, and link targets asked about for anchors, come from a small cache
keyed by path, size and modification time). Nothing is read outside the root.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transync.checks import CONTENT_CHECKS, CONTENT_SKIPPED
from transync.checks.context import ContentContext
from transync.document import Document
from transync.document.markdown import parse_file
from transync.model import Finding, Kind, Layout, Severity, State, TranslationEntry
from transync.text import BinaryContent

# States whose translation and source are both on disk.
CHECKED_STATES = frozenset({State.CURRENT, State.STALE, State.FAILED})
# markdown-it-py parses about 1 MB a second: a larger file (a pull request can add a 50 MB
# one) is not compared, and the `content-skipped` finding says so.
MAX_BYTES = 10 * 1024 * 1024


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


def content_findings(root: str, task: ContentTask) -> list[Finding]:
    """Compare one translation with its source; the unit a pool or cache may wrap."""
    repository = _Repository(root)
    for path in (task.source, task.translation):
        size = repository.size(path)
        if size is not None and size > MAX_BYTES:
            message = (
                f"{path} is {size / 1e6:.1f} MB; content checks compare files up to"
                f" {MAX_BYTES / 1e6:.1f} MB"
            )
            return [
                Finding(CONTENT_SKIPPED, Severity.WARNING, task.translation, message, task.language)
            ]
    source = repository.document(task.source, translated=False)
    translation = repository.document(task.translation, translated=True)
    if source is None or translation is None:
        return []
    context = ContentContext(
        language=task.language,
        source_path=task.source,
        translation_path=task.translation,
        source=source,
        translation=translation,
        repository=repository,
        layouts=task.layouts,
        state=task.state,
    )
    findings = [
        finding
        for names, check in CONTENT_CHECKS.items()
        if not set(names) <= task.skip
        for finding in check(context)
    ]
    return sorted(set(findings), key=_order)


def run_content(root: Path, tasks: Iterable[ContentTask]) -> list[Finding]:
    return [finding for task in tasks for finding in content_findings(str(root), task)]


def _order(finding: Finding) -> tuple[str, int, str, str]:
    return (finding.path, finding.line or 0, finding.check, finding.message)


class _Repository:
    """Answers `ContentContext.repository` questions for files under one root."""

    def __init__(self, root: str) -> None:
        self.root = root

    def exists(self, path: str) -> bool:
        return os.path.exists(os.path.join(self.root, path))

    def anchors(self, path: str) -> frozenset[str] | None:
        document = self.document(path, translated=False)
        return document.anchors if document is not None else None

    def size(self, path: str) -> int | None:
        try:
            return os.stat(os.path.join(self.root, path)).st_size
        except OSError:
            return None

    def document(self, path: str, *, translated: bool) -> Document | None:
        """The parsed file; None unless it is a regular file inside the root (a pipe or a
        device would block or never end) and small enough to parse."""
        full = os.path.join(self.root, path)
        try:
            info = os.stat(full)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        if not _inside(self.root, full):
            return None
        return _parsed(full, info.st_size, info.st_mtime_ns, translated)


@lru_cache(maxsize=1024)
def _parsed(full: str, size: int, mtime: int, translated: bool) -> Document | None:
    """Parse a file once per process and version (size and mtime are part of the key)."""
    try:
        with open(full, "rb") as handle:
            data = handle.read()
        return parse_file(data, full, translated=translated)
    except (OSError, BinaryContent):
        return None


@lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    return os.path.realpath(root)


def _inside(root: str, full: str) -> bool:
    real = os.path.realpath(full)
    base = _real_root(root)
    return real == base or real.startswith(base + os.sep)
