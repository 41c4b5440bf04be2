"""The document model: what content checks compare, parsed once per file.

A translated file and its source are each parsed into a `Document` (by
`transync.document.pulldown`, the only module that imports the parser, pyromark; the
markdown-it-py builder in `tests/reference_markdown.py` is the reference the tests hold it to),
and every content check reads these small frozen values instead of re-reading or re-parsing
text. Lines are 1-based lines of the file on disk, notebooks included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from transync.document.lines import NO_SIGNS, LineSigns


@dataclass(frozen=True)
class Link:
    """A link target as written: Markdown inline/reference/autolink, image, bare URL or HTML."""

    target: str
    line: int | None
    image: bool = False


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int | None


@dataclass(frozen=True)
class Table:
    line: int | None
    columns: int
    rows: int


@dataclass(frozen=True)
class CodeBlock:
    line: int | None
    info: str
    code: str


@dataclass(frozen=True)
class FrontMatter:
    """YAML front matter at the top of the file; `closed` is False when its end is missing."""

    line: int | None
    closed: bool
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's visible text; `own` is its text outside links and inline code, whose
    words `words` counts when asked (counting every paragraph of every file cost a quarter
    of a parse, and no content check asks). Equal paragraphs have equal line, text and words.
    """

    line: int | None
    text: str
    own: str = field(default="", repr=False, compare=False)

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.own))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Paragraph):
            return NotImplemented
        return (self.line, self.text, self.words) == (other.line, other.text, other.words)

    def __hash__(self) -> int:
        return hash((self.line, self.text))


_WORD = re.compile(r"[^\W\d_]{2,}")


# The deepest nesting of containers a document may have (see `transync.document.pulldown`);
# here, so that the content checks can name it without importing the parser.
MAX_NESTING = 100


@dataclass(frozen=True)
class Document:
    """The structure of one Markdown file or notebook (its Markdown cells)."""

    headings: tuple[Heading, ...] = ()
    anchors: frozenset[str] = frozenset()
    links: tuple[Link, ...] = ()
    tables: tuple[Table, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    front_matter: FrontMatter | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    # Characters of visible prose (headings, paragraphs, table cells), and of them the CJK ones.
    prose_chars: int = 0
    cjk_chars: int = 0
    last_line: int | None = None
    # The line of a construct nested deeper than MAX_NESTING: the structure is not built
    # (pulldown-cmark would take time growing with the square of the depth; markdown-it would
    # drop the rest of the file), so the file is not compared (None: nesting is fine).
    too_deep: int | None = None
    # What a line scan finds that a parse hides (an unclosed fence, a link that lost its `[`,
    # `[text]()`, co-op-translator placeholders): `transync.document.lines.scan`, which every
    # builder calls on the text it parses.
    signs: LineSigns = NO_SIGNS
