"""`code-blocks`: code blocks lost or gained, or code changed beyond its comments and strings.

Translators legitimately translate comments and the text inside string literals (prompts,
messages), and rewrite prose-like blocks (console output, plain text) freely. So only blocks in
a programming language are compared, and only their skeleton: code without comments, string
contents and whitespace. A skeleton that differs means the code itself changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transync.checks.context import ContentContext
from transync.document import CodeBlock
from transync.model import Finding, Severity

NAME = "code-blocks"
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
_STRING = re.compile(
    r'("""|\'\'\')(?:.|\n)*?\1|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`[^`\n]*`'
)
_COMMENT = re.compile(r"/\*(?:.|\n)*?\*/|<!--(?:.|\n)*?-->|(?:^|(?<=\s))(?:#|//|--)[^\n]*", re.M)
_SPACE = re.compile(r"\s+")


def check(context: ContentContext) -> Iterator[Finding]:
    source, translated = context.source.code_blocks, context.translation.code_blocks
    if len(source) != len(translated):
        parted = next(
            (
                index
                for index, (ours, theirs) in enumerate(zip(translated, source, strict=False))
                if _language(ours) != _language(theirs)
            ),
            min(len(source), len(translated)),
        )
        at = min(parted, len(translated) - 1)
        yield Finding(
            NAME,
            Severity.WARNING,
            context.translation_path,
            f"{len(translated)} code blocks, the source has {len(source)}"
            + (" (the first that differs is here)" if at >= 0 else ""),
            context.language,
            translated[at].line if at >= 0 else None,
        )
        return
    for ours, theirs in zip(translated, source, strict=True):
        if _language(theirs) in _PROSE or _skeleton(ours) == _skeleton(theirs):
            continue
        yield Finding(
            NAME,
            Severity.WARNING,
            context.translation_path,
            f"code differs from the source's block at line {theirs.line}"
            " beyond comments and strings",
            context.language,
            ours.line,
        )


def _language(block: CodeBlock) -> str:
    return block.info.split(maxsplit=1)[0].lower() if block.info else ""


def _skeleton(block: CodeBlock) -> str:
    code = _STRING.sub('""', block.code)
    return _SPACE.sub("", _COMMENT.sub("", code))
