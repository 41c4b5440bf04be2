"""Content checks over a whole scan: each pair's findings, from the cache or compared anew.

A pair whose files and evidence are unchanged takes its findings from the cache
(`evidence`); the others are compared (`compare`, imported only then: a re-run whose every
result comes from the cache loads no check) on every core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from transync.checks.engine.evidence import Shards
from transync.checks.engine.tasks import ContentOutcome, ContentTask
from transync.model import Finding
from transync.parallel import Pool


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
        outcomes: Iterable[ContentOutcome] = ()
        if todo:
            from transync.checks.engine.compare import content_outcome
            from transync.checks.engine.repository import Known

            compare = partial(content_outcome, str(root), known=Known())
            outcomes = pool.map(compare, [tasks[index] for index in todo])
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
