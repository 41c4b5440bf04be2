"""`truncated`: the translation stops before the end of its source.

Two signs, either is enough. The translation's structure (headings, code blocks, tables and
links, in order) stops matching the source's before the source's last section and nothing
follows; or its prose is far shorter than the source's, by a ratio that knows CJK scripts need
about half the characters of English for the same text.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.checks.context import ContentContext
from transync.checks.outline import HEADING, align
from transync.model import Finding, Severity, State

NAME = "truncated"
NAMES = (NAME,)

# Translated prose / source prose, below which a translation is "far shorter".
_MIN_RATIO = 0.35
_CJK_MIN_RATIO = 0.15
# Short sources vary too much in length to judge by ratio.
_MIN_SOURCE_CHARS = 1500


def check(context: ContentContext) -> Iterator[Finding]:
    stale = (
        f" (the translation is {context.state.value}: the source may have grown since)"
        if context.state is not State.CURRENT
        else ""
    )
    ending = _ends_early(context)
    if ending is not None:
        heading, line = ending
        yield _finding(
            context,
            line,
            f"the translation ends here, before the source's section {heading!r}{stale}",
        )
        return
    source, translated = context.source, context.translation
    if source.prose_chars < _MIN_SOURCE_CHARS:
        return
    ratio = translated.prose_chars / source.prose_chars
    cjk = translated.cjk_chars > translated.prose_chars / 3
    if ratio < (_CJK_MIN_RATIO if cjk else _MIN_RATIO):
        yield _finding(
            context,
            translated.last_line,
            f"the translation has {translated.prose_chars} characters of text, the source"
            f" {source.prose_chars} ({ratio:.0%}; expected at least"
            f" {_CJK_MIN_RATIO if cjk else _MIN_RATIO:.0%}){stale}",
        )


def _ends_early(context: ContentContext) -> tuple[str, int | None] | None:
    """(the first source heading lost at the end, the translation's last line), if any."""
    alignment = align(context)
    matched = [op for op in alignment.opcodes if op[0] == "equal"]
    if not matched:
        return None
    _, _, source_end, _, translated_end = matched[-1]
    if translated_end < len(alignment.translated):
        return None  # something of the translation's own follows: it did not stop there
    lost = [item.label for item in alignment.source[source_end:] if item.key.startswith(HEADING)]
    return (lost[0], context.translation.last_line) if lost else None


def _finding(context: ContentContext, line: int | None, message: str) -> Finding:
    return Finding(NAME, Severity.ERROR, context.translation_path, message, context.language, line)
