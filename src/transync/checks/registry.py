"""The registry of content checks, and of every check name a finding may carry.

Apart from `transync.checks` so that a scan without content checks does not import them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from transync.checks import (
    BOOKKEEPING_CHECKS,
    EntryCheck,
    broken_links,
    code_blocks,
    front_matter,
    headings,
    links,
    placeholders,
    tables,
    truncated,
    untranslated,
)
from transync.checks.engine.context import ContentContext
from transync.checks.engine.precedence import Claim
from transync.model import Finding

# A check yields its findings, and the claims of those that explain others (`precedence`).
ContentCheck = Callable[[ContentContext], Iterable[Finding | Claim]]

# The check names a content check may report -> the check. One module per check or per
# closely related family (the four link-parity checks share one alignment).
CONTENT_CHECKS: Mapping[tuple[str, ...], ContentCheck] = {
    tables.NAMES: tables.check,
    links.NAMES: links.check,
    broken_links.NAMES: broken_links.check,
    headings.NAMES: headings.check,
    code_blocks.NAMES: code_blocks.check,
    front_matter.NAMES: front_matter.check,
    truncated.NAMES: truncated.check,
    untranslated.NAMES: untranslated.check,
    placeholders.NAMES: placeholders.check,
}


# Every check name a finding may carry -> the function that reports it (for help texts).
CHECKS_BY_NAME: Mapping[str, EntryCheck | ContentCheck] = {
    **BOOKKEEPING_CHECKS,
    **{name: check for names, check in CONTENT_CHECKS.items() for name in names},
}
