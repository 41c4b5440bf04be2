"""Measuring how the work of a pass grows with its input, between sizes n and 4n.

A linear pass does about 4 times the work at 4n; a quadratic one 16 times, a cubic one 64.
Two instruments, the first preferred:

- `calls`: the Python and built-in calls a run makes (a profile hook counts them), exact and
  the same on any machine. It sees a loop over pairs; it cannot see inside one call to the
  regex engine or `str.count`.
- `cpu_ratio`: for what only C code does (a regex backtracking, `bytes.count` from the start
  each time), the ratio of CPU times, each the best of several runs. No time is compared with
  a threshold, only sizes with each other; the bound (8) lies halfway between linear (4) and
  quadratic (16) on a log scale, so machine load shifts neither side across it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

LINEAR_RATIO = 8.0  # for 4 times the input: linear is 4, quadratic 16
_RUNS = 3
_ATTEMPTS = 3


def calls(run: Callable[[], object]) -> int:
    """The calls (Python functions and built-ins) made while `run` runs."""
    count = 0

    def profile(frame: FrameType, event: str, argument: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def cpu_ratio(run: Callable[[str], object], small: str, large: str) -> float:
    """CPU time of `run(large)` over `run(small)`, the best of several runs each; measured
    again (up to three times) while it exceeds LINEAR_RATIO, so one busy moment is not a
    verdict."""
    ratio = float("inf")
    for _ in range(_ATTEMPTS):
        ratio = min(ratio, _best(run, large) / max(_best(run, small), 1e-9))
        if ratio < LINEAR_RATIO:
            break
    return ratio


def _best(run: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(_RUNS):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return best
