"""Per-language counts of estimated states: the figures shown apart from the exact ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from transync.model import EstimatedState, TranslationEntry
from transync.summary import TOTAL


def estimated_counts(
    entries: Iterable[TranslationEntry],
) -> Mapping[str, Mapping[EstimatedState, int]]:
    """Estimated states per language and in total (`summary.TOTAL`); empty when none."""
    pairs = Counter(
        (entry.language, entry.estimate.state) for entry in entries if entry.estimate is not None
    )
    per_language: dict[str, Counter[EstimatedState]] = {}
    for (language, state), count in sorted(pairs.items()):
        per_language.setdefault(language, Counter())[state] += count
        per_language.setdefault(TOTAL, Counter())[state] += count
    return per_language
