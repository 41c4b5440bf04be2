"""`code-blocks`: code blocks lost or gained, or code changed beyond its comments and strings.

Translators legitimately translate comments and the text inside string literals (prompts,
messages), and rewrite prose-like blocks (console output, plain text) freely. So only blocks in
a programming language are compared, and only their skeleton: code without comments, string
contents and whitespace. A skeleton that differs means the code itself changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transync.checks.engine.align import opcodes
from transync.checks.engine.context import ContentContext
from transync.checks.names import CODE_BLOCKS as NAME
from transync.document.model import CodeBlock
from transync.model import Finding, Severity
from transync.text import plural

NAMES = (NAME,)

# Info strings whose blocks are prose, output or data a translator may rewrite.
_PROSE = frozenset(
    {
        "",
        "text",
        "txt",
        "plaintext",
        "output",
        "console",
        "markdown",
        "md",
        "log",
        "none",
        "mermaid",
    }
)
# What opens a string or a comment in code of any language; each is closed by `str.find`
# or a scan to the line's end (one pass: a regex with `.*?` to a closing that never comes
# retried from every opening to the end of the block).
_OPENING = re.compile(r"\"\"\"|\'\'\'|[\"'`]|/\*|<!--|(?:^|(?<=\s))(?:#|//|--)", re.M)
_CLOSING = {'"""': '"""', "'''": "'''", "/*": "*/", "<!--": "-->"}
_STRINGS = ('"""', "'''", '"', "'", "`")
_SPACE = re.compile(r"\s+")


def check(context: ContentContext) -> Iterator[Finding]:
    unclosed = _unclosed_fence(context)
    if unclosed is not None:
        yield unclosed
        return  # the rest of the file is one code block: the blocks cannot be compared
    source, translated = context.source.code_blocks, context.translation.code_blocks
    if len(source) != len(translated):
        yield _count_finding(context, source, translated)
        return
    for ours, theirs in zip(translated, source, strict=True):
        if _language(theirs) in _PROSE or _skeleton(ours) == _skeleton(theirs):
            continue
        yield context.finding(
            NAME,
            Severity.WARNING,
            ours.line,
            f"code differs from the source's block at line {theirs.line}"
            " beyond comments and strings",
            source_line=theirs.line,
        )


def _unclosed_fence(context: ContentContext) -> Finding | None:
    """A fence never closed (the usual cause of a code-block mismatch), named at its line:
    the source's once, on the source; else the translation's."""
    theirs = context.source.signs.unclosed_fence
    if theirs is not None:
        return context.source_fault(
            NAME,
            theirs,
            "the code fence opened here is never closed: the rest of the file shows as code",
        )
    ours = context.translation.signs.unclosed_fence
    if ours is None:
        return None
    return context.finding(
        NAME,
        Severity.WARNING,
        ours,
        "the code fence opened here is never closed: the rest of the file shows as code",
        source_line=context.source_line_of(ours),
    )


def _count_finding(
    context: ContentContext, source: tuple[CodeBlock, ...], translated: tuple[CodeBlock, ...]
) -> Finding:
    """Pair blocks by language and skeleton to name the first one the other side lacks."""
    found = opcodes(
        [(_language(block), _skeleton(block)) for block in source],
        [(_language(block), _skeleton(block)) for block in translated],
    )
    tag, first, _, start, _ = next(op for op in found if op[0] != "equal")
    numbers = f"{plural(len(translated), 'code block')}, the source has {len(source)}"
    if tag != "insert" and first < len(source):
        lost = source[first].line
        return context.finding(
            NAME,
            Severity.WARNING,
            context.missing_at(lost),
            f"{numbers} (the first unpaired is the source's at line {lost})",
            source_line=lost,
        )
    line = translated[min(start, len(translated) - 1)].line
    return context.finding(
        NAME,
        Severity.WARNING,
        line,
        f"{numbers} (the first unpaired is here)",
        source_line=context.source_line_of(line),
    )


def _language(block: CodeBlock) -> str:
    return block.info.split(maxsplit=1)[0].lower() if block.info else ""


def _skeleton(block: CodeBlock) -> str:
    return _code_skeleton(block.code)


@lru_cache(maxsize=4096)
def _code_skeleton(code: str) -> str:
    """Cached: a source's blocks are compared once per language."""
    return _SPACE.sub("", "".join(_without_comments_and_strings(code)))


def _without_comments_and_strings(code: str) -> Iterator[str]:
    """The code with each string as `""` and each comment removed, an unclosed string or
    block comment left as it is, in one pass: an opening that fails once is skipped after."""
    position = search = 0
    closed_until: dict[str, int] = {}  # opening -> where its closing was last missed
    while opening := _OPENING.search(code, search):
        token, start = opening.group(), opening.start()
        if start < closed_until.get(token, -1):
            search = start + 1
            continue
        end = _closing(code, token, opening.end())
        if end < 0:
            closed_until[token] = len(code) if token in _CLOSING else _line_end(code, start)
            search = start + 1
            continue
        yield code[position:start]
        if token in _STRINGS:
            yield '""'
        position = search = end
    yield code[position:]


def _closing(code: str, token: str, after: int) -> int:
    """Where the string or comment opened by `token` ends, or -1 when it is not closed."""
    if token in _CLOSING:
        found = code.find(_CLOSING[token], after)
        return found + len(_CLOSING[token]) if found >= 0 else -1
    if token in ('"', "'", "`"):
        index, line_end = after, _line_end(code, after)
        while index < line_end:
            if code[index] == token:
                return index + 1
            index += 2 if code[index] == "\\" and token != "`" else 1
        return -1
    return _line_end(code, after)  # a line comment


def _line_end(code: str, position: int) -> int:
    found = code.find("\n", position)
    return len(code) if found < 0 else found
