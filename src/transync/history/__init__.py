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

from transync.model import Cause, Layout, State, TranslationEntry

HISTORY_STATES = (State.STALE, State.FAILED, State.ORPHAN)
# Files in transync's cache directory (see `transync.cache_dir`), never in the scanned tree.
BLOB_CACHE = "blob-md5.json"
# Bump the version when `history.changes` classifies differently: old verdicts are dropped.
CHANGE_CACHE = "change-kinds.v1.json"
# How alike a removed file's last version and an existing file are, by blob id and MD5.
SIMILARITY_CACHE = "similarity.v1.json"


def translation_folders(layouts: Iterable[Layout]) -> list[str]:
    """The folders holding translations (with translated images): never sources."""
    from transync.discover import IMAGES_LAYOUT

    return sorted({layout.container for layout in (*layouts, IMAGES_LAYOUT)})


def attach_history(
    root: Path,
    entries: Iterable[TranslationEntry],
    excluded: Iterable[str],
    *,
    now: datetime | None = None,
) -> tuple[tuple[TranslationEntry, ...], tuple[Cause, ...]]:
    """Entries with provenance attached, and the causes of staleness among them.

    `excluded` names the translation folders (never sources: skipping them keeps the history
    walk small). `now` fixes the clock for the "days behind" figures.
    """
    from transync.history.git_log import open_history

    entries = tuple(entries)
    if not any(entry.state in HISTORY_STATES for entry in entries):
        return entries, ()
    history = open_history(root, excluded)
    if history is None:
        return entries, ()
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
    attached = tuple(
        replace(entry, provenance=historian.stale(entry))
        if entry.state in (State.STALE, State.FAILED)
        else replace(entry, provenance=historian.orphan(entry))
        if entry.state is State.ORPHAN
        else entry
        for entry in entries
    )
    for store in (blobs, changes, similarities):
        store.save()
    return attached, group_causes(attached)
