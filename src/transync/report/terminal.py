"""rich's Console for standard output, ending like every other output when its reader leaves.

rich answers a broken pipe with its own `SystemExit(1)`, which would read as "check failed";
raising the error instead lets `cli._run` end every command the same quiet way (exit 141).
"""

from __future__ import annotations

from rich.console import Console


class Terminal(Console):
    def on_broken_pipe(self) -> None:
        raise BrokenPipeError
