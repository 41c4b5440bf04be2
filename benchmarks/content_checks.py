"""Benchmark: the content checks' own CPU per translation/source pair, parsing excluded.

    python benchmarks/content_checks.py [ROOT ...] [--corpus SOURCES LANGUAGES] [--runs 5]

For each tree (each ROOT, and a make_corpus tree with `--corpus`), the pairs `check` would
compare are collected by a scan, every file they name is parsed beforehand, and then
`content_outcome` runs over all pairs serially, in `run_content`'s order (grouped by source),
`--runs` times, with the parser replaced by a lookup of the parsed documents. Process CPU time
is taken per part: the link keys of both documents and the outline alignment (computed here
before the first check asks), each check of the registry, and the rest (the stat of both
files, gathering and sorting the findings, the task). Every function cache of the checks is
emptied before each run, so each is a cold run of one process; the best of the runs is
printed per part, in ms per pair and in s for the tree.

The digest printed last covers every outcome (findings, the existence of every path asked
and the documents whose anchors were read): equal before and after a change means the
findings and the cache evidence did not move. To time another version of transync, put its
`src` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_corpus import generate
from transync.checks.engine import content, repository
from transync.checks.engine.compare import content_outcome
from transync.checks.engine.tasks import ContentOutcome, ContentTask
from transync.checks.registry import CONTENT_CHECKS
from transync.document.model import Document
from transync.scan import scan

KEYS = "link keys"
OUTLINE = "outline alignment"
REST = "the rest"


def tasks_of(root: Path) -> list[ContentTask]:
    """The pairs `check` compares in `root`, in `run_content`'s order (by source)."""
    found: list[ContentTask] = []

    def collect(_root: Path, tasks: list[ContentTask], *_: object, **options: Any) -> list[Any]:
        found.extend(tasks)
        if options.get("meanwhile"):
            options["meanwhile"]()  # what the scan reads while the pairs are compared
        return []

    original = content.run_content
    content.run_content = collect  # type: ignore[assignment]
    try:
        scan(root, content=True, cache=False)
    finally:
        content.run_content = original
    return sorted(found, key=lambda task: task.source)


def parsed(root: Path, tasks: Iterable[ContentTask]) -> dict[tuple[str, bool], Document | None]:
    """Every document the pairs compare, parsed once, by full path and side."""
    documents: dict[tuple[str, bool], Document | None] = {}
    for task in tasks:
        for path, translated in ((task.source, False), (task.translation, True)):
            full = str(root / path)
            if (full, translated) not in documents:
                documents[full, translated] = repository._parsed(full, translated=translated)
    return documents


class Timer:
    """CPU time per part, summed over a run."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}

    def add(self, part: str, started: float) -> None:
        self.parts[part] = self.parts.get(part, 0.0) + time.process_time() - started

    def check(self, names: tuple[str, ...], function: Callable[[Any], Iterable[Any]]) -> Any:
        first = names == next(iter(CONTENT_CHECKS))

        def timed(context: Any) -> Iterator[Any]:
            if first:
                started = time.process_time()
                context.source_keys, context.translation_keys  # noqa: B018
                self.add(KEYS, started)
                started = time.process_time()
                context.outline  # noqa: B018
                self.add(OUTLINE, started)
            started = time.process_time()
            found = list(function(context))
            self.add(names[0], started)
            return iter(found)

        return timed


def forget() -> None:
    """Empty every function cache of the content checks: each run starts as a process does."""
    for name, module in list(sys.modules.items()):
        if name.startswith("transync.checks"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def run(root: str, tasks: list[ContentTask]) -> tuple[dict[str, float], list[ContentOutcome]]:
    forget()
    timer = Timer()
    checks = dict(CONTENT_CHECKS)
    registry: Any = CONTENT_CHECKS
    for names, function in checks.items():
        registry[names] = timer.check(names, function)
    try:
        # One run's memory of the file system, as `run_content` keeps (when this version does).
        known = {"known": repository.Known()} if hasattr(repository, "Known") else {}
        started = time.process_time()
        outcomes = [content_outcome(root, task, **known) for task in tasks]
        total = time.process_time() - started
    finally:
        registry.update(checks)
    timer.parts[REST] = total - sum(timer.parts.values())
    timer.parts["total"] = total
    return timer.parts, outcomes


def digest(outcomes: list[ContentOutcome]) -> str:
    text = repr(
        [
            (outcome.findings, sorted(outcome.existence.items()), sorted(outcome.anchored))
            for outcome in outcomes
        ]
    )
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def measure(root: Path, runs: int) -> None:
    tasks = tasks_of(root)
    started = time.process_time()
    documents = parsed(root, tasks)
    print(f"\n{root}: {len(tasks)} pairs, parsed in {time.process_time() - started:.1f} CPU-s")
    original = repository._parsed
    repository._parsed = lambda full, *, translated: documents.get((full, translated))
    try:
        results = [run(str(root), tasks) for _ in range(runs)]
    finally:
        repository._parsed = original
    best = {part: min(parts[part] for parts, _ in results) for part in results[0][0]}
    for part, seconds in best.items():
        print(f"  {part:<22} {1000 * seconds / max(1, len(tasks)):7.3f} ms/pair {seconds:7.2f} s")
    digests = {digest(outcomes) for _, outcomes in results}
    print(f"  outcomes digest {', '.join(sorted(digests))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="*", type=Path)
    parser.add_argument("--corpus", nargs=2, type=int, metavar=("SOURCES", "LANGUAGES"))
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    for root in arguments.roots:
        measure(root, arguments.runs)
    if arguments.corpus:
        with tempfile.TemporaryDirectory() as folder:
            sources, languages = arguments.corpus
            generate(Path(folder), sources, languages, seed=1)
            measure(Path(folder), arguments.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
