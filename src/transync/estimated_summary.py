"""Per-language figures of estimated states: shown apart from the exact ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from transync.model import EstimatedState, EstimatedSummary, TranslationEntry
from transync.summary import TOTAL, summarise


def estimated_summaries(entries: Sequence[TranslationEntry]) -> Mapping[str, EstimatedSummary]:
    """Each language with estimates, and the total (`summary.TOTAL`); empty when none. The
    fresh share is `summarise`'s, of the entries with their estimates counted."""
    pairs = Counter(
        (entry.language, entry.estimate.state) for entry in entries if entry.estimate is not None
    )
    if not pairs:
        return {}
    # Imported here: a scan without estimates does not load the history stage.
    from transync.history.estimates import counted

    per_language: dict[str, Counter[EstimatedState]] = {}
    for (language, state), count in sorted(pairs.items()):
        per_language.setdefault(language, Counter())[state] += count
        per_language.setdefault(TOTAL, Counter())[state] += count
    languages, totals = summarise(counted(entries))
    fresh = {summary.code: summary.fresh_percent for summary in (*languages, totals)}
    return {
        code: EstimatedSummary(code, counts, fresh[code]) for code, counts in per_language.items()
    }
