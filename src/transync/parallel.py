"""Spreading per-file work over the machine's cores, with results in input order.

Scans run in CI on small machines (two cores is common) over tens of thousands of files.
`Pool.map` hands batches of items to worker processes and returns the results in the order
of the items, so a parallel run is indistinguishable from a serial one. Small inputs run in
this process: starting workers costs more than it saves on a few dozen items.

The function must be picklable (a top-level function, or a `functools.partial` of one) and
pure: workers are forked, so they see the parent's memory as it was, and nothing they change
comes back except the results.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from types import TracebackType
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

WORKERS_VARIABLE = "TRANSYNC_WORKERS"
# Below this many items a map runs serially: forking workers and collecting results costs
# 10-20 ms, the time content checks take on a handful of files.
MIN_PARALLEL_ITEMS = 64
# Batches per worker: enough to balance uneven files, few enough to keep IPC cheap.
_BATCHES_PER_WORKER = 4


def default_workers() -> int:
    """`TRANSYNC_WORKERS` if set (1 turns parallelism off), else the usable CPUs."""
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured:
        try:
            return max(1, int(configured))
        except ValueError:
            return 1
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class Pool:
    """Worker processes started on first need and reused by every `map` until closed.

    with Pool() as pool:
        results = list(pool.map(check_file, files))
    """

    def __init__(self, workers: int | None = None, min_items: int | None = None) -> None:
        self.workers = workers if workers is not None else default_workers()
        self.min_items = min_items if min_items is not None else MIN_PARALLEL_ITEMS
        self._executor: Executor | None = None

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        """`function(item)` for each item, yielded in the order of `items` as results arrive
        (so the caller can work on early results while workers compute later ones)."""
        if self.workers < 2 or len(items) < self.min_items:
            return map(function, items)
        chunk = max(1, -(-len(items) // (self.workers * _BATCHES_PER_WORKER)))
        return self._start().map(function, items, chunksize=chunk)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> Executor:
        if self._executor is None:
            # fork: workers start in milliseconds with everything already imported. Where
            # it does not exist (Windows), spawn re-imports transync in each worker.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context(method)
            )
        return self._executor
