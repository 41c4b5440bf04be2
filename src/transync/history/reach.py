"""How far history reaches: the translations it can estimate, and what to say when the clone
does not hold the history a question needs.

A leaf of the history package: the stage's entry (`transync.history`) runs `history.estimates`,
which needs these names too, so they live below both.
"""

from __future__ import annotations

from transync.model import Kind, State, TranslationEntry

# What to fetch when the history a question needs is not in the clone (`--changed-from`,
# estimates), said the same way everywhere.
FETCH_HINT = "fetch more history: `git fetch --deepen=100`, or `fetch-depth: 0` in actions/checkout"
SHALLOW_DETAIL = (
    "the clone is shallow: the translation's last commit in it may not be the one that wrote"
    f" it; {FETCH_HINT}"
)


def estimable(entry: TranslationEntry) -> bool:
    """Untracked pages and notebooks, which history can estimate (`history.estimates`):
    images have no text whose age it could tell."""
    return entry.state is State.UNTRACKED and entry.kind is not Kind.IMAGE
