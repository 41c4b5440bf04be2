"""The name of every content check, apart from the checks.

Policies, baselines, roll-ups and reports name the content checks; only a run that compares
contents runs them. A re-run whose every result comes from the cache imports no check, nor
the document model and the machinery they use (`checks/engine/compare.py` imports those). Each
check module takes its names from here; `registry` maps them to the checks.
"""

from __future__ import annotations

TABLE_ROWS = "table-rows"
TABLE_COLUMNS = "table-columns"
TABLES = (TABLE_ROWS, TABLE_COLUMNS)

LINK_MISSING = "link-missing"
LINK_EXTRA = "link-extra"
LINK_CHANGED = "link-changed"
LINK_TRACKING = "link-tracking"
LINKS = (LINK_MISSING, LINK_EXTRA, LINK_CHANGED, LINK_TRACKING)

BROKEN_LINK = "broken-link"
BROKEN_ANCHOR = "broken-anchor"
BROKEN_LINKS = (BROKEN_LINK, BROKEN_ANCHOR)

HEADING_COUNT = "heading-count"
CODE_BLOCKS = "code-blocks"
FRONT_MATTER = "front-matter"
TRUNCATED = "truncated"
CONTENT_LOST = "content-lost"
UNTRANSLATED = "untranslated"
LEFTOVER_PLACEHOLDER = "leftover-placeholder"

CONTENT_CHECK_NAMES = (
    *TABLES,
    *LINKS,
    *BROKEN_LINKS,
    HEADING_COUNT,
    CODE_BLOCKS,
    FRONT_MATTER,
    TRUNCATED,
    CONTENT_LOST,
    UNTRANSLATED,
    LEFTOVER_PLACEHOLDER,
)

# The checks that find a construct of the source lost or miscounted in a translation: the same
# loss in most languages at one place is the source's construct at fault (`rollup.on_sources`).
# Not the checks whose findings are the translator's by nature (a cut, a placeholder, English
# text), nor changed or added links, which a translating tool does the same way everywhere
# (co-op-translator's rewritten table-of-contents anchors).
COMPARISONS = frozenset({*TABLES, HEADING_COUNT, CODE_BLOCKS, FRONT_MATTER, LINK_MISSING})
