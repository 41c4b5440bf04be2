"""Content checks over a whole scan: which translations to compare, and the per-file unit.

`content_findings` is the unit of work: a pure, top-level, picklable function of the
repository root and one `ContentTask`, returning findings in a deterministic order, so that a
process pool or a persistent cache can wrap it. Each file is parsed once per process: tasks
run grouped by source, so a small cache keyed by path, size and modification time keeps the
source while its languages are compared, and link targets' anchors are kept for the run.
Nothing is read outside the root.
"""

from __future__ import annotations

import json
import os
import posixpath
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from pathlib import Path

from transync.cache import RACY_NS, Cache
from transync.checks import CONTENT_SKIPPED
from transync.checks.engine.context import ContentContext
from transync.checks.engine.precedence import Claim, fold
from transync.checks.engine.repository import MAX_BYTES, Known, Repository
from transync.checks.registry import CONTENT_CHECKS
from transync.document.model import MAX_NESTING
from transync.hashing import md5_hex
from transync.model import Finding, Kind, Layout, Severity, State, TranslationEntry
from transync.parallel import Pool

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


def content_findings(root: str, task: ContentTask) -> list[Finding]:
    """Compare one translation with its source; the unit a pool or cache may wrap."""
    return content_outcome(root, task).findings


def content_outcome(root: str, task: ContentTask, known: Known | None = None) -> ContentOutcome:
    """`content_findings` with the evidence a cache needs to know when they go out of date.
    `known`: what the file system answered earlier in the same run."""
    repository = Repository(root, known)
    findings = _compare(repository, task)
    return ContentOutcome(findings, repository.existence, frozenset(repository.anchored))


def _skipped(task: ContentTask, why: str) -> list[Finding]:
    """The one finding of a pair the content checks did not compare, saying why."""
    return [
        Finding(
            CONTENT_SKIPPED,
            Severity.WARNING,
            task.translation,
            why,
            task.language,
            source=task.source,
        )
    ]


def _compare(repository: Repository, task: ContentTask) -> list[Finding]:
    for path in (task.source, task.translation):
        size = repository.size(path)
        if size is not None and size > MAX_BYTES:
            return _skipped(
                task,
                f"{path} is {size / 1e6:.1f} MB; content checks compare files up to"
                f" {MAX_BYTES / 1e6:.1f} MB",
            )
    source = repository.document(task.source, translated=False)
    translation = repository.document(task.translation, translated=True)
    if source is None or translation is None:
        return []
    for path, document in ((task.source, source), (task.translation, translation)):
        if document.too_deep is not None:
            return _skipped(
                task,
                f"{path} nests deeper than {MAX_NESTING} levels at line {document.too_deep};"
                " parsing it would take time growing with the square of the depth, so the files"
                " are not compared",
            )
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
    findings: list[Finding] = []
    claims: list[Claim] = []
    for names, check in CONTENT_CHECKS.items():
        if task.skip and set(names) <= task.skip:
            continue
        for found in check(context):
            if isinstance(found, Claim):
                if found.check not in task.skip:  # a finding nobody sees explains nothing
                    claims.append(found)
            else:
                findings.append(found)
    return _distinct(fold(findings, claims))


def run_content(
    root: Path,
    tasks: Sequence[ContentTask],
    fingerprint: str,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    part: bool = False,
    meanwhile: Callable[[], None] | None = None,
) -> list[Finding]:
    """Every task's findings, in task order: from the cache when nothing they depend on
    changed, the rest computed on every core. `fingerprint` stands for the configuration.
    `part` says the tasks are a part of the tree's: the cache keeps the other entries.
    `meanwhile` is run here once the work is handed to the workers, before their results
    are collected (a scan reads git history then, instead of after)."""
    shards = _Shards(root, fingerprint, enabled=use_cache)
    evidence = [shards.evidence(task.source) for task in tasks]
    keys = [
        found.key(task) if shards.enabled else None
        for found, task in zip(evidence, tasks, strict=True)
    ]
    results = [found.cached(key) for found, key in zip(evidence, keys, strict=True)]
    # By source, so that the tasks sharing a source run one after the other in one worker
    # (which parses the source once); results still land in task order.
    todo = sorted(
        (index for index, found in enumerate(results) if found is None),
        key=lambda index: tasks[index].source,
    )
    with Pool(workers) as pool:
        outcomes = pool.map(
            partial(content_outcome, str(root), known=Known()), [tasks[index] for index in todo]
        )
        if meanwhile is not None:
            meanwhile()
        for index, outcome in zip(todo, outcomes, strict=True):
            results[index] = outcome.findings
            key = keys[index]
            entry = evidence[index].encode(outcome) if key is not None else None
            if key is not None and entry is not None:
                evidence[index].cache.put(key, entry)
    shards.save(keep_unused=part)
    return [finding for found in results if found for finding in found]


def _order(finding: Finding) -> tuple[str, int, str, str]:
    return (finding.path, finding.line or 0, finding.check, finding.message)


def _distinct(findings: list[Finding]) -> list[Finding]:
    """Each finding once, in `_order`. Equal findings have one place in that order, so only
    the findings of one place are compared: hashing every finding (a dataclass's hash is
    Python code) cost more, and a source's defect recurs at each of its links."""
    kept: list[Finding] = []
    place: tuple[str, int, str, str] | None = None
    here: list[Finding] = []
    for key, finding in sorted(
        ((_order(finding), finding) for finding in findings), key=itemgetter(0)
    ):
        if key != place:
            place, here = key, []
        if finding not in here:
            here.append(finding)
            kept.append(finding)
    return kept


# -- the persistent cache -------------------------------------------------------------------
# A task's entry is keyed by both files' digests and holds what else its findings depend on,
# checked on every hit: the anchors of linked documents (by digest) and the existence of
# link targets. Existence is checked through the nearest existing folder of each target:
# adding, removing or renaming an entry changes its folder's mtime, and a whole tree asks
# about ~70,000 paths in ~2,000 folders, so stat-ing folders is what makes a re-run fast.


# The cache is kept in files by the pairs' source (`SHARDS` of them): a change to one page
# (`check --changed-from`, the pre-commit hook) loads and writes the file holding its pairs,
# not the whole tree's (on the 5,445-file benchmark course, 4.7 MB of JSON read and written).
SHARDS = 16


class _Shards:
    """The cache files of one run, opened when a source of theirs is first asked about."""

    def __init__(self, root: Path, fingerprint: str, *, enabled: bool) -> None:
        self.root = root
        self.fingerprint = fingerprint
        self.enabled = enabled
        self._open: dict[int, _Evidence] = {}
        self._folders: dict[str, list[int] | None] = {}  # stat-ed once a run, for every file

    def evidence(self, source: str) -> _Evidence:
        shard = int(md5_hex(source.encode("utf-8", "surrogateescape"))[:4], 16) % SHARDS
        return self._shard(shard)

    def save(self, *, keep_unused: bool) -> None:
        """`keep_unused`: the run was over part of the tree; else every file is written, so
        that the entries of sources gone are dropped even from files no source now uses."""
        for shard in range(SHARDS) if not keep_unused else list(self._open):
            self._shard(shard).cache.save(keep_unused=keep_unused)

    def _shard(self, shard: int) -> _Evidence:
        found = self._open.get(shard)
        if found is None:
            cache = Cache.open(
                self.root, f"content.{shard:02d}", self.fingerprint, enabled=self.enabled
            )
            found = self._open[shard] = _Evidence(cache, str(self.root), self._folders)
        return found


class _Evidence:
    """Reads the facts the entries of one cache file depend on, each at most once per run."""

    def __init__(self, cache: Cache, base: str, folders: dict[str, list[int] | None]) -> None:
        self.cache = cache
        self.base = base
        self._folders = folders
        self._findings: dict[str, Finding] = {}
        self._row_keys: dict[int, str] = {}  # by the id of findings alive all run
        self._nearest: dict[str, str] = {}  # a target's folder -> the nearest that exists

    def key(self, task: ContentTask) -> str | None:
        try:
            translation = self.cache.digest(task.translation, self._full(task.translation))
            source = self.cache.digest(task.source, self._full(task.source))
        except OSError:
            return None  # unreadable: never cached, the checks say what they can
        # Digested: 5,000 keys of full paths and digests were a sixth of the file to parse.
        pair = (task.language, task.source, task.translation, task.state.value, translation, source)
        return md5_hex("\0".join(pair).encode("utf-8", "surrogateescape"))

    def cached(self, key: str | None) -> list[Finding] | None:
        value = self.cache.get(key) if key is not None else None
        if value is None:
            return None
        try:
            for folder, signature in value["folders"].items():
                if self._folder(folder) != signature:
                    return None
            for path, digest in value["anchored"].items():
                if self._digest(path) != digest:
                    return None
            known = self._findings
            findings: list[Finding] = []
            for row_key in value["findings"]:
                # Most keys were met earlier in the run: a dict lookup, no call (145,000 rows).
                finding = known.get(row_key) or self._finding(row_key)
                if finding is None:
                    return None
                findings.append(finding)
        except (AttributeError, KeyError, TypeError, ValueError):
            return None  # an entry of another shape: computed again and replaced
        return findings

    def _finding(self, row_key: str) -> Finding | None:
        """Findings are stored once each, under their own key, and entries list the keys: a
        source's own findings recur in every language (a 10k tree: 145,000 rows, 11,000
        distinct), and one object per distinct finding is made per run."""
        found = self._findings.get(row_key)
        if found is None:
            row = self.cache.get(row_key)
            if row is None:
                return None
            check, severity, path, message, language, line, source, source_line, number = row
            found = self._findings[row_key] = Finding(
                check,
                _SEVERITIES[severity],
                path,
                message,
                language,
                line,
                source=source,
                source_line=source_line,
                count=number,
            )
        return found

    def _row_key(self, finding: Finding) -> str:
        # By identity: a source's own finding is one object in all its languages (a worker
        # makes one, and a batch's results come back sharing it); hashing and comparing
        # 80,000 dataclasses field by field was a sixth of the cold parent's own time. The
        # findings live until the run's end, so no id is reused meanwhile.
        known = self._row_keys.get(id(finding))
        if known is not None:
            return known
        row = [
            finding.check,
            finding.severity.value,
            finding.path,
            finding.message,
            finding.language,
            finding.line,
            finding.source,
            finding.source_line,
            finding.count,
        ]
        # 64 bits of the digest: a tree holds ~10^4 distinct findings (a clash is ~10^-11
        # likely), and entries list ~15 keys each: at full length, half the file to parse.
        digest = md5_hex(json.dumps(row, ensure_ascii=False).encode("utf-8", "surrogateescape"))
        row_key = "f:" + digest[:16]
        if self.cache.get(row_key) is None:
            self.cache.put(row_key, row)
        self._row_keys[id(finding)] = row_key
        return row_key

    def encode(self, outcome: ContentOutcome) -> dict[str, object] | None:
        """The entry for an outcome; None when a folder changed too recently to trust."""
        folders: dict[str, list[int] | None] = {}
        nearest = self._nearest
        now = time.time_ns()
        for path in outcome.existence:
            parent = posixpath.dirname(path)
            folder = nearest.get(parent)
            if folder is None:
                folder = nearest[parent] = self._nearest_folder(parent)
            if folder in folders:
                continue
            signature = folders[folder] = self._folder(folder)
            if signature is not None and now - signature[1] < RACY_NS:
                return None
        return {
            "findings": [self._row_key(finding) for finding in outcome.findings],
            "folders": folders,
            "anchored": {path: self._digest(path) for path in outcome.anchored},
        }

    def _nearest_folder(self, folder: str) -> str:
        while folder and self._folder(folder) is None:
            folder = posixpath.dirname(folder)
        return folder

    def _folder(self, folder: str) -> list[int] | None:
        if folder not in self._folders:
            try:
                status = os.stat(self._full(folder) if folder else self.base)
            except OSError:
                self._folders[folder] = None
            else:
                self._folders[folder] = [status.st_ino, status.st_mtime_ns]
        return self._folders[folder]

    def _digest(self, path: str) -> str | None:
        try:
            return self.cache.digest(path, self._full(path))
        except OSError:
            return None

    def _full(self, path: str) -> str:
        return os.path.join(self.base, path)


_SEVERITIES = {severity.value: severity for severity in Severity}  # Severity() is slow
