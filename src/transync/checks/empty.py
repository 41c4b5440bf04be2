"""`empty`: a translation with no text of its own (only co-op-translator's metadata and
disclaimer), or one that lost most of its text.

Its state stays what the hash says (the hash is exact: co-op-translator wrote the page from
that source), but it needs work before anything else. Judged from the sizes classification
measured while reading the page for its metadata (`metadata.own_text`): no content check
runs for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from transync.metadata.own_text import GUTTED_SHARE
from transync.model import Finding, Severity, TranslationEntry

NAME = "empty"
# Sources with less text than this vary too much to judge a translation by its share.
_MIN_SOURCE_TEXT = 1000


def check(entry: TranslationEntry) -> Iterator[Finding]:
    amount = entry.text
    if amount is None or amount.source == 0:
        return
    if amount.translation == 0:
        what = "no text of its own, only co-op-translator's metadata and disclaimer"
    elif amount.source >= _MIN_SOURCE_TEXT and amount.translation < GUTTED_SHARE * amount.source:
        share = amount.translation / amount.source
        what = f"{share:.0%} of its source's text: it lost most of it"
    else:
        return
    yield Finding(
        NAME,
        Severity.ERROR,
        entry.translation,
        f"the translation has {what} (its text: {amount.translation:,} bytes, the"
        f" source's: {amount.source:,})",
        entry.language,
        line=1,
        source=entry.source,
    )
