"""Root causes: stale translations that one source change explains are one thing to fix.

"README.md changed in abc1234: stale in 48 of 54 languages" says more than 48 lines do.
"""

from __future__ import annotations

from collections.abc import Iterable

from transync.model import Cause, State, TranslationEntry

UNCOMMITTED = "uncommitted-changes"


def group_causes(entries: Iterable[TranslationEntry]) -> tuple[Cause, ...]:
    """Group stale entries by source and `stale_since` (or by why there is none).

    Ordered by how many languages a cause touches, most first, so the biggest fix leads.
    """
    languages_of: dict[str, set[str]] = {}
    groups: dict[tuple[str, str], list[TranslationEntry]] = {}
    for entry in entries:
        languages_of.setdefault(entry.source, set()).add(entry.language)
        provenance = entry.provenance
        if entry.state is not State.STALE or provenance is None:
            continue
        if provenance.stale_since is not None:
            key = provenance.stale_since.id
        else:
            key = provenance.reason or UNCOMMITTED
        groups.setdefault((entry.source, key), []).append(entry)
    causes = []
    for (source, key), members in groups.items():
        provenance = members[0].provenance
        assert provenance is not None
        causes.append(
            Cause(
                source=source,
                commit=provenance.stale_since,
                reason=None if provenance.stale_since else key,
                languages=tuple(sorted({entry.language for entry in members})),
                of_languages=len(languages_of[source]),
            )
        )
    return tuple(
        sorted(
            causes,
            key=lambda cause: (
                -len(cause.languages),
                cause.source,
                cause.commit.date if cause.commit else "",
            ),
        )
    )
