"""A pathological Markdown document: the shapes that make parsers slow or recurse deeply.

Used by `benchmarks/pathological.py` (for the figures) and `test_pathological.py` (which only
checks that a scan completes and is right: no timing in tests).
"""

from __future__ import annotations

DEPTH = 10_000
LINKS = 100_000
TABLE_BYTES = 1_000_000
DELIMITERS = 50_000


def sections() -> dict[str, str]:
    """The document's parts by name; together ~6.5 MB."""
    row = "| cell \\| pipe | `code` | [x](y.md) |\n"
    return {
        "list nested 10,000 deep": "- " * DEPTH + "deep\n\n",
        "blockquote nested 10,000 deep": "> " * DEPTH + "deep\n\n",
        "1,000 indented list levels (nesting)": "".join(
            "  " * level + f"- level {level}\n" for level in range(1_000)
        )
        + "\n",
        "100,000 links": "".join(
            " ".join(f"[link {n}](docs/page-{n}.md#part-{n})" for n in range(start, start + 10))
            + "\n"
            for start in range(0, LINKS, 10)
        ),
        "1 MB table": "\n| name | code | link |\n| --- | --- | --- |\n"
        + row * (TABLE_BYTES // len(row)),
        "50,000 unclosed delimiters": "\n"
        + "*_" * (DELIMITERS // 2)
        + " emphasis\n\n"
        + "[" * DELIMITERS
        + " brackets\n\n"
        + "<!-- " * 1_000
        + " comments\n\n",
        "unclosed fence": "```\n" + "an unclosed fence\n" * 1_000,
    }


def pathological_markdown() -> str:
    return "# Pathological\n\n" + "".join(sections().values())
