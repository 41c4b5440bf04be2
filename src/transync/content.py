"""Content checks over a whole scan: which translations to compare, and the per-file unit.

`content_findings` is the unit of work: a pure, top-level, picklable function of the
repository root and one `ContentTask`, returning findings in a deterministic order, so that a
process pool or a persistent cache can wrap it. Each file is parsed once per process (sources
shared by many languages, and link targets asked about for anchors, come from a small cache
keyed by path, size and modification time). Nothing is read outside the root.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from transync.cache import Cache
from transync.checks import CONTENT_CHECKS
from transync.checks.context import ContentContext
from transync.document import Document
from transync.document.markdown import parse_file
from transync.model import Finding, Kind, Layout, Severity, State, TranslationEntry
from transync.parallel import Pool
from transync.text import BinaryContent

# States whose translation and source are both on disk.
CHECKED_STATES = frozenset({State.CURRENT, State.STALE, State.FAILED})


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


def content_findings(root: str, task: ContentTask) -> list[Finding]:
    """Compare one translation with its source; the unit a pool or cache may wrap."""
    return content_outcome(root, task).findings


def content_outcome(root: str, task: ContentTask) -> ContentOutcome:
    """`content_findings` with the evidence a cache needs to know when they go out of date."""
    repository = _Repository(root)
    findings = _compare(repository, task)
    return ContentOutcome(findings, repository.existence, frozenset(repository.anchored))


def _compare(repository: _Repository, task: ContentTask) -> list[Finding]:
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


def run_content(
    root: Path,
    tasks: Sequence[ContentTask],
    fingerprint: str,
    *,
    use_cache: bool = True,
    workers: int | None = None,
) -> list[Finding]:
    """Every task's findings, in task order: from the cache when nothing they depend on
    changed, the rest computed on every core. `fingerprint` stands for the configuration."""
    cache = Cache.open(root, "content", fingerprint, enabled=use_cache)
    base = str(root)
    keys = [_cache_key(cache, base, task) for task in tasks]
    results = [_cached(cache, base, key) for key in keys]
    todo = [index for index, found in enumerate(results) if found is None]
    with Pool(workers) as pool:
        outcomes = pool.map(partial(content_outcome, base), [tasks[index] for index in todo])
        for index, outcome in zip(todo, outcomes, strict=True):
            results[index] = outcome.findings
            key = keys[index]
            if key is not None:
                cache.put(key, _encode(cache, base, outcome))
    cache.save()
    return [finding for found in results if found for finding in found]


def _order(finding: Finding) -> tuple[str, int, str, str]:
    return (finding.path, finding.line or 0, finding.check, finding.message)


class _Repository:
    """Answers `ContentContext.repository` questions for files under one root."""

    def __init__(self, root: str) -> None:
        self.root = root
        # What was asked, so that a cached result can be checked against the tree later.
        self.existence: dict[str, bool] = {}
        self.anchored: set[str] = set()

    def exists(self, path: str) -> bool:
        found = self.existence.get(path)
        if found is None:
            found = self.existence[path] = os.path.exists(os.path.join(self.root, path))
        return found

    def anchors(self, path: str) -> frozenset[str] | None:
        self.anchored.add(path)
        document = self.document(path, translated=False)
        return document.anchors if document is not None else None

    def document(self, path: str, *, translated: bool) -> Document | None:
        full = os.path.join(self.root, path)
        try:
            stat = os.stat(full)
        except OSError:
            return None
        if not _inside(self.root, full):
            return None
        return _parsed(full, stat.st_size, stat.st_mtime_ns, translated)


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


# -- the persistent cache -------------------------------------------------------------------
# A task's entry is keyed by both files' digests; it also holds what else its findings
# depend on (link targets' existence, anchors of linked documents), checked on every hit.


def _cache_key(cache: Cache, base: str, task: ContentTask) -> str | None:
    try:
        translation = cache.digest(task.translation, os.path.join(base, task.translation))
        source = cache.digest(task.source, os.path.join(base, task.source))
    except OSError:
        return None  # unreadable: never cached, the checks will say what they can
    return "\0".join(
        (task.language, task.source, task.translation, task.state.value, translation, source)
    )


def _cached(cache: Cache, base: str, key: str | None) -> list[Finding] | None:
    value = cache.get(key) if key is not None else None
    if value is None:
        return None
    try:
        for path, existed in value["existence"].items():
            if os.path.exists(os.path.join(base, path)) != existed:
                return None
        for path, digest in value["anchored"].items():
            if _digest_or_none(cache, base, path) != digest:
                return None
        return [
            Finding(check, Severity(severity), path, message, language, line)
            for check, severity, path, message, language, line in value["findings"]
        ]
    except (AttributeError, KeyError, TypeError, ValueError):
        return None  # an entry of another shape: computed again and replaced


def _encode(cache: Cache, base: str, outcome: ContentOutcome) -> dict[str, object]:
    return {
        "findings": [
            [f.check, f.severity.value, f.path, f.message, f.language, f.line]
            for f in outcome.findings
        ],
        "existence": dict(outcome.existence),
        "anchored": {path: _digest_or_none(cache, base, path) for path in outcome.anchored},
    }


def _digest_or_none(cache: Cache, base: str, path: str) -> str | None:
    try:
        return cache.digest(path, os.path.join(base, path))
    except OSError:
        return None
