"""The history stage: provenance of stale, failed and orphaned translations from git.

Runs after the checks and only adds information: each stale, failed or orphaned entry gets a
`Provenance` (a failed file still holds an older translation of a changed source, so it is told
like a stale one), and stale entries that share a source change are grouped into `Cause`s. When the
scanned folder is not in a git work tree there is simply no provenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from transync.history.reach import estimable
from transync.model import Cause, Finding, Layout, Severity, State, TranslationEntry

if TYPE_CHECKING:
    from transync.history.git_log import Gaps

HISTORY_STATES = (State.STALE, State.FAILED, State.ORPHAN)
# The check name of the one finding that says which history facts are unknown, and why.
HISTORY_UNKNOWN = "history-unknown"
# Files in transync's cache directory (see `transync.cache_dir`), never in the scanned tree.
BLOB_CACHE = "blob-md5.json"
# Bump the version when `history.changes` classifies differently: old verdicts are dropped.
CHANGE_CACHE = "change-kinds.v1.json"
# How alike a removed file's last version and an existing file are, by blob id and MD5.
SIMILARITY_CACHE = "similarity.v1.json"


def translation_folders(layouts: Iterable[Layout]) -> list[str]:
    """The folders holding translations (with translated images) and no sources: Hugo's
    `content/<lang>/` beside `content/en/` leaves `content` to the history of sources."""
    from transync.discover import IMAGES_LAYOUT
    from transync.paths import is_within

    layouts = (*layouts, IMAGES_LAYOUT)
    return sorted(
        {
            layout.container
            for layout in layouts
            if not any(is_within(other.sources, layout.container) for other in layouts)
        }
    )


class Attached(NamedTuple):
    """Entries with their provenance, the causes of staleness among them, and the one finding
    that says which history facts are unknown and why (none when history was read whole)."""

    entries: tuple[TranslationEntry, ...]
    causes: tuple[Cause, ...]
    gaps: tuple[Finding, ...] = ()


def attach_history(
    root: Path,
    entries: Iterable[TranslationEntry],
    excluded: Iterable[str],
    *,
    now: datetime | None = None,
    estimates: Iterable[str] | None = None,
) -> Attached:
    """Entries with provenance attached, and the causes of staleness among them.

    `excluded` names the translation folders (never sources: skipping them keeps the history
    walk small). `now` fixes the clock for the "days behind" figures. `estimates` names the
    folders holding translations: untracked ones there are judged from their own history
    (`history.estimates`); None leaves them alone. A history git cannot read whole leaves
    facts unknown, never the scan failed: the states do not depend on it.
    """
    from transync.history.git_log import open_history

    entries = tuple(entries)
    if not any(
        entry.state in HISTORY_STATES or (estimates is not None and estimable(entry))
        for entry in entries
    ):
        return Attached(entries, ())
    history = open_history(root, excluded)
    if history is None:
        return Attached(entries, ())
    # Imported only in a git work tree: a plain folder's `status` does not pay for them.
    from transync.cache_dir import cache_dir
    from transync.history.blob_hashes import BlobHashes
    from transync.history.causes import group_causes
    from transync.history.provenance import Historian
    from transync.history.store import Store

    blobs, changes = Store(cache_dir() / BLOB_CACHE), Store(cache_dir() / CHANGE_CACHE)
    similarities = Store(cache_dir() / SIMILARITY_CACHE)
    historian = Historian(
        root,
        history,
        BlobHashes(blobs, history.read_blob),
        changes,
        now or datetime.now(UTC),
        similarities,
    )
    try:
        attached = tuple(
            replace(entry, provenance=historian.stale(entry))
            if entry.state in (State.STALE, State.FAILED)
            else replace(entry, provenance=historian.orphan(entry))
            if entry.state is State.ORPHAN
            else entry
            for entry in entries
        )
        if estimates is not None:
            from transync.history.estimates import estimate_all

            attached = estimate_all(root, attached, historian, sorted(estimates))
    finally:
        history.close()
    for store in (blobs, changes, similarities):
        store.save()
    return Attached(attached, group_causes(attached), _gaps_finding(history.gaps, attached))


def _gaps_finding(gaps: Gaps, entries: Iterable[TranslationEntry]) -> tuple[Finding, ...]:
    """One line: which history facts are unknown (origins, changes, moves) and why; the
    facts first, so that a line cut to a terminal's width still names them."""
    if not gaps:
        return ()
    from transync.history.provenance import UNREADABLE

    unknown = sum(
        1 for entry in entries if entry.provenance and entry.provenance.reason == UNREADABLE
    )
    translations = f"{unknown:,} translation{'s' if unknown != 1 else ''}"
    if gaps.walk is not None:
        facts, why = f"history of {translations}", f"git log fails ({gaps.walk})"
    elif gaps.unreadable:
        count = len(gaps.unreadable)
        objects = f"{count:,} object{'s' if count != 1 else ''}"
        facts = f"origin of {translations}" if unknown else "what some sources changed"
        if gaps.renames:
            facts += " and renames"
        why = f"git cannot read {objects} ({gaps.first_error})"
    else:
        facts, why = "renamed sources", f"git cannot detect renames ({gaps.renames})"
    return (
        Finding(
            HISTORY_UNKNOWN,
            Severity.WARNING,
            ".",
            f"{facts} unknown: {why}: a partial clone without its remote, or a damaged"
            " repository (the states are exact; --no-history skips git)",
        ),
    )


def layout_folders(layouts: Iterable[Layout]) -> list[str]:
    """Every folder that holds translations, sources beside them or not: where estimates
    read the translations' own history."""
    return sorted({layout.container for layout in layouts})
