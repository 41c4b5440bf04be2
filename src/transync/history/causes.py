"""Root causes: stale translations that one source change explains are one thing to fix.

"README.md changed in abc1234: stale in 48 of 54 languages" says more than 48 lines do.
"""

from __future__ import annotations

from collections.abc import Iterable

from transync.model import Cause, CommitCause, CommitRef, State, TranslationEntry

UNCOMMITTED = "uncommitted-changes"


def group_causes(entries: Iterable[TranslationEntry]) -> tuple[Cause, ...]:
    """Group stale entries by source and `stale_since` (or by why there is none).

    Ordered by how many languages a cause touches, most first, so the biggest fix leads.
    """
    languages_of: dict[str, set[str]] = {}
    groups: dict[tuple[str, str], tuple[CommitRef | None, set[str]]] = {}
    for entry in entries:
        languages_of.setdefault(entry.source, set()).add(entry.language)
        provenance = entry.provenance
        if entry.state is not State.STALE or provenance is None:
            continue
        since = provenance.stale_since
        key = since.id if since is not None else provenance.reason or UNCOMMITTED
        groups.setdefault((entry.source, key), (since, set()))[1].add(entry.language)
    causes = [
        Cause(
            source=source,
            commit=since,
            reason=None if since is not None else key,
            languages=tuple(sorted(languages)),
            of_languages=len(languages_of[source]),
        )
        for (source, key), (since, languages) in groups.items()
    ]
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


def group_by_commit(causes: Iterable[Cause]) -> tuple[CommitCause, ...]:
    """The per-source causes gathered by the commit (or reason) that made them stale.

    Ordered by how many translations a commit made stale, most first; the sources within one
    keep `group_causes`' order.
    """
    groups: dict[str, list[Cause]] = {}
    for cause in causes:
        key = cause.commit.id if cause.commit is not None else cause.reason or UNCOMMITTED
        groups.setdefault(key, []).append(cause)
    by_commit = [
        CommitCause(commit=members[0].commit, reason=members[0].reason, causes=tuple(members))
        for members in groups.values()
    ]
    return tuple(
        sorted(
            by_commit,
            key=lambda group: (
                -group.translations,
                group.commit.date if group.commit else "",
                group.commit.id if group.commit else group.reason or "",
            ),
        )
    )
