"""A progress bar on stderr that appears only for scans that last over a second.

Short scans stay silent, and a stderr that is not a terminal (CI logs, pipes) never gets
control characters.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from transync.model import ProgressFactory

DELAY_SECONDS = 1.0


@contextmanager
def delayed_progress(description: str = "Scanning") -> Iterator[ProgressFactory | None]:
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True, auto_refresh=False)
    started = time.monotonic()

    def factory(total: int) -> Callable[[int], None]:
        task = progress.add_task(description, total=total)

        def advance(done: int) -> None:
            progress.advance(task, done)
            if time.monotonic() - started >= DELAY_SECONDS:
                if not progress.live.is_started:
                    progress.start()
                progress.refresh()

        return advance

    try:
        yield factory
    finally:
        if progress.live.is_started:
            progress.stop()
