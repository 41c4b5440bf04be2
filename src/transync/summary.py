"""Per-language counts and freshness: computed once here so that renderers only display.

The figures count translated pages (Markdown, notebooks). Images have their own counts and
join the headline only where the configuration says so (`count-images`): a course with 37
pages and 1,581 legacy images without metadata is 97% fresh, not 53%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from transync.model import Kind, LanguageSummary, State, TranslationEntry

TOTAL = "total"

# Per language, the states of its pages and of its images.
Counts = Mapping[str, Mapping[State, int]]


def summarise(
    entries: Iterable[TranslationEntry], *, count_images: bool = False
) -> tuple[tuple[LanguageSummary, ...], LanguageSummary]:
    """One summary per language, sorted by code, and one for everything."""
    # Counted in one pass over (language, state, image?) triples, which Counter does in C: a
    # dict update per entry cost 0.04 s per 50,000 entries.
    triples = Counter((entry.language, entry.state, entry.kind is Kind.IMAGE) for entry in entries)
    pages: dict[str, Counter[State]] = {}
    images: dict[str, Counter[State]] = {}
    for (language, state, image), count in triples.items():
        pages.setdefault(language, Counter())
        (images if image else pages).setdefault(language, Counter())[state] += count
    return summarise_counts(pages, images, count_images=count_images)


def summarise_counts(
    pages: Counts, images: Counts | None = None, *, count_images: bool = False
) -> tuple[tuple[LanguageSummary, ...], LanguageSummary]:
    """`summarise` from counts already made (`transync trend` keeps them, not the entries)."""
    images = images or {}
    all_pages: Counter[State] = Counter()
    all_images: Counter[State] = Counter()
    for counts in pages.values():
        all_pages.update(counts)
    for counts in images.values():
        all_images.update(counts)
    codes = sorted({*pages, *images})
    summaries = tuple(
        _summary(code, pages.get(code, {}), images.get(code, {}), count_images) for code in codes
    )
    return summaries, _summary(TOTAL, all_pages, all_images, count_images)


def _summary(
    code: str, pages: Mapping[State, int], images: Mapping[State, int], count_images: bool
) -> LanguageSummary:
    image_counts = _full(images)
    counts = _full(pages)
    if count_images:
        counts = {state: counts[state] + image_counts[state] for state in State}
    return LanguageSummary(code, counts, fresh_percent(counts), image_counts, count_images)


def fresh_percent(counts: Mapping[State, int]) -> float:
    """current / (everything but orphans) * 100, one decimal; 100.0 when nothing is expected.
    Orphans are translations of nothing: they do not make a language less fresh."""
    expected = sum(counts.values()) - counts.get(State.ORPHAN, 0)
    return 100.0 if expected == 0 else round(100.0 * counts.get(State.CURRENT, 0) / expected, 1)


def _full(counts: Mapping[State, int]) -> dict[State, int]:
    return {state: counts.get(state, 0) for state in State}
