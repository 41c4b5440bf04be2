"""Content checks over a whole scan: which translations to compare, and the per-file unit.

`content_findings` is the unit of work: a pure, top-level, picklable function of the
repository root and one `ContentTask`, returning findings in a deterministic order, so that a
process pool or a persistent cache can wrap it. Each file is parsed once per process: tasks
run grouped by source, so a small cache keyed by path, size and modification time keeps the
source while its languages are compared, and link targets' anchors are kept for the run.
Nothing is read outside the root.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from pathlib import Path

from transync.checks import CONTENT_SKIPPED
from transync.checks.engine.context import ContentContext
from transync.checks.engine.evidence import Shards
from transync.checks.engine.precedence import Claim, fold
from transync.checks.engine.repository import MAX_BYTES, Known, Repository
from transync.checks.registry import CONTENT_CHECKS
from transync.document.model import MAX_NESTING
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
    shards = Shards(root, fingerprint, enabled=use_cache)
    evidence = [shards.evidence(task.source) for task in tasks]
    keys = [
        found.key(task.language, task.source, task.translation, task.state.value)
        if shards.enabled
        else None
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
            entry = (
                evidence[index].encode(outcome.findings, outcome.existence, outcome.anchored)
                if key is not None
                else None
            )
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
