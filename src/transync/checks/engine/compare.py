"""The unit of the content checks' work: one translation compared with its source.

`content_findings` is a pure, top-level, picklable function of the repository root and one
`ContentTask`, returning findings in a deterministic order, so that a process pool or a
persistent cache can wrap it. Each file is parsed once per process: tasks run grouped by
source, so a small cache keyed by path, size and modification time keeps the source while its
languages are compared, and link targets' anchors are kept for the run. Nothing is read
outside the root.
"""

from __future__ import annotations

from operator import itemgetter

from transync.checks import CONTENT_SKIPPED
from transync.checks.engine.context import ContentContext
from transync.checks.engine.precedence import Claim, fold
from transync.checks.engine.repository import MAX_BYTES, Known, Repository
from transync.checks.engine.tasks import ContentOutcome, ContentTask
from transync.checks.registry import CONTENT_CHECKS
from transync.document.model import MAX_NESTING
from transync.model import Finding, Severity


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
