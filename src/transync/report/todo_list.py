"""`todo --format list`: the sources a translation run should take, one a line (or NUL-
separated for `xargs -0`), most important first, each once however many languages need it."""

from __future__ import annotations

from transync.worklist import LanguageWork


def render(work: tuple[LanguageWork, ...], *, null: bool = False) -> str:
    seen: dict[str, None] = {}
    for language in work:
        for source in language.to_translate:
            seen.setdefault(source, None)
    separator = "\0" if null else "\n"
    return "".join(source + separator for source in seen)
