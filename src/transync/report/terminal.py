"""rich's Console for standard output: lines cut to the width only where a reader sees no
further than the window, and ending like every other output when its reader leaves.

On a terminal a line too long for the window is cut with "…" (`--details` gives it whole).
Written to a pipe, a file or a CI log, nobody can widen the window, so every line is written
whole (`soft_wrap`: never wrapped, never cut); tables and grids are still laid out for 80
columns, or `COLUMNS`.

rich answers a broken pipe with its own `SystemExit(1)`, which would read as "check failed";
raising the error instead lets `cli._run` end every command the same quiet way (exit 141).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console


class Terminal(Console):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        if "soft_wrap" not in options:
            # The file itself, not `is_terminal`: FORCE_COLOR (colour in a CI log) makes rich
            # call any file a terminal, and a CI log is the first place lines must stay whole.
            self.soft_wrap = not _is_a_tty(self.file)

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def _is_a_tty(file: Any) -> bool:
    try:
        return bool(file.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed file
        return False


def cuts_lines(console: Console) -> bool:
    """Whether a long line is cut to the console's width: on a terminal only."""
    return not console.soft_wrap


def line_options(console: Console, *, whole: bool = False) -> dict[str, Any]:
    """`console.print` options for one-line text: cut with "…" at the width of a terminal;
    whole when `whole` (the details) or when nobody can widen the window (a pipe, a file, a
    CI log). Print options, not `Text` attributes: rich wraps a no-wrap Text on a terminal."""
    if cuts_lines(console) and not whole:
        return {"no_wrap": True, "overflow": "ellipsis"}
    return {}


def shortened(text: str, width: int) -> str:
    """`text` in at most `width` characters, "…" standing for what was left out."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
