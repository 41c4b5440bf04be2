"""One-line wordings of provenance and causes, shared by the terminal and Markdown views."""

from __future__ import annotations

from collections.abc import Mapping

from transync.model import Cause, CommitCause, EstimatedState, Provenance
from transync.text import plural

REASONS = {
    "uncommitted-changes": "changed in the working tree (not committed yet)",
    "shallow-clone": "origin unknown (shallow clone)",
    "no-matching-version": "origin unknown (no committed version has the stored hash)",
    "not-committed": "origin unknown (never committed)",
    "history-unreadable": "origin unknown (git cannot read that history)",
}

LABEL = "estimated from git"
# How each estimated state reads in a sentence.
WORDS = {
    EstimatedState.OUTDATED: "outdated",
    EstimatedState.UP_TO_DATE: "up to date",
    EstimatedState.MOVED: "source moved",
    EstimatedState.REMOVED: "source removed",
    EstimatedState.UNKNOWN: "unknown",
}


def counts_phrase(counts: Mapping[EstimatedState, int]) -> str:
    """`3 outdated, 1 up to date, 4 source moved`, in the states' order."""
    return ", ".join(
        f"{counts[state]:,} {WORDS[state]}" for state in EstimatedState if counts.get(state)
    )


def describe_cause(cause: Cause) -> str:
    """`README.md changed in abc1234 (2026-01-05, 'Add languages table'): stale in 48 of 54
    languages`."""
    if cause.commit is not None:
        what = (
            f"changed in {cause.commit.short} ({cause.commit.date[:10]}, '{cause.commit.subject}')"
        )
    else:
        what = REASONS.get(cause.reason or "", f"origin unknown ({cause.reason})")
    count = len(cause.languages)
    noun = "language" if cause.of_languages == 1 else "languages"
    return f"{cause.source} {what}: stale in {count} of {cause.of_languages} {noun}"


def describe_provenance(provenance: Provenance) -> str:
    """`from fc636d2, 3 commits behind since 0971ac3 (290 days), prose: 7 words`."""
    parts = []
    if provenance.translated_from is not None:
        parts.append(f"from {provenance.translated_from.short}")
        if provenance.stale_since is not None:
            parts.append(
                f"{plural(provenance.commits_behind or 0, 'commit')} behind since"
                f" {provenance.stale_since.short} ({plural(provenance.days_behind or 0, 'day')})"
            )
    elif provenance.removed_in is None:
        parts.append(f"origin unknown: {provenance.detail}")
    if provenance.removed_in is not None:
        parts.append(f"source removed in {provenance.removed_in.short}")
    if provenance.moved_to is not None:
        parts.append(f"moved to {provenance.moved_to} ({provenance.moved_by})")
    if provenance.change is not None:
        words = provenance.change.prose_words
        kind = provenance.change.kind.value
        parts.append(f"{kind}: {plural(words, 'word')}" if words else kind)
    return ", ".join(parts)


def describe_commit_cause(cause: CommitCause) -> str:
    """`822bab6 (2026-02-03, 'Feb2026 update') changed 22 sources: 1,185 translations stale,
    in 54 languages`."""
    if cause.commit is not None:
        what = f"{cause.commit.short} ({cause.commit.date[:10]}, '{cause.commit.subject}') changed"
    else:
        what = REASONS.get(cause.reason or "", f"origin unknown ({cause.reason})") + ":"
    sources, languages = len(cause.sources), len(cause.languages)
    return (
        f"{what} {sources:,} {'source' if sources == 1 else 'sources'}:"
        f" {cause.translations:,} {'translation' if cause.translations == 1 else 'translations'}"
        f" stale, in {languages:,} {'language' if languages == 1 else 'languages'}"
    )
