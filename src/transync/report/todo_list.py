"""`todo --format list`: the sources a translation run should take, one a line (or NUL-
separated for `xargs -0`), most important first, each once however many languages need it."""

from __future__ import annotations

from transync.inert import printable
from transync.worklist import LanguageWork


def render(work: tuple[LanguageWork, ...], *, null: bool = False) -> str:
    seen: dict[str, None] = {}
    for language in work:
        for source in language.to_translate:
            seen.setdefault(source, None)
    if null:  # for `xargs -0`: the names as they are, for a program, not a log
        return "".join(source + "\0" for source in seen)
    # One a line, where a CI log may show them: a name that is a workflow command is escaped.
    return "".join(printable(source) + "\n" for source in seen)
