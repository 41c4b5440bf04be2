"""Planning `transync prune`: translations whose source is gone for good, and what only they
used.

An orphan is pruned only when git history says its source did not move (an orphan that
moved is `relocate`'s). With it go its sidecar record and failure entry, and each translated
image it linked that no other page references. The file is removed before its record, so a
killed run leaves at worst a record with neither file nor source, which the next run removes
with the other dangling records.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from transync.discover import IMAGES_LAYOUT, SIDECAR_NAME
from transync.history.provenance import UNREADABLE
from transync.metadata.sidecar import FAILURES_KEY
from transync.model import Kind, State, TranslationEntry
from transync.paths import UnsafePath, join
from transync.sync.carry import parts
from transync.sync.document import read_page
from transync.sync.files import Exists, Reader, Referenced, is_metadata
from transync.sync.plan import Action, Phase, Plan, Removal, SidecarUpdate, Skip
from transync.sync.records import RecordChange, load_sidecar
from transync.sync.refresh import sidecar_key, sidecar_of


def plan_prune(
    entries: Iterable[TranslationEntry], read: Reader, exists: Exists, referenced: Referenced
) -> Plan:
    entries = list(entries)
    pruned: list[TranslationEntry] = []
    skipped: list[Skip] = []
    for entry in entries:
        if entry.state is not State.ORPHAN:
            continue
        if entry.provenance is None or entry.provenance.reason == UNREADABLE:
            skipped.append(Skip.of(entry, "no git history: cannot tell whether its source moved"))
        elif entry.provenance.moved_to is not None:
            skipped.append(
                Skip.of(
                    entry,
                    f"its source moved to {entry.provenance.moved_to} (`transync relocate`)",
                )
            )
        else:
            pruned.append(entry)
    gone = frozenset(entry.translation for entry in pruned)
    actions: list[Action] = []
    for entry in pruned:
        why = f"its source {entry.source} was removed"
        actions.append(Removal(entry.translation, why))
        actions.append(_forget(sidecar_of(entry), sidecar_key(entry), why))
        if entry.kind is Kind.MARKDOWN:
            actions += _images(entry, read, gone, referenced)
    actions += _dangling(entries, read, exists)
    return Plan(tuple(actions), tuple(skipped))


def _forget(sidecar: str, key: str, why: str) -> SidecarUpdate:
    return SidecarUpdate(
        sidecar, (RecordChange(key, remove=True, clear_failure=True),), why, Phase.FORGET
    )


def _images(
    entry: TranslationEntry, read: Reader, gone: frozenset[str], referenced: Referenced
) -> list[Action]:
    data = read(entry.translation)
    page = read_page(data) if data is not None else None
    if page is None:
        return []
    folder = posixpath.dirname(entry.translation)
    images_root = IMAGES_LAYOUT.translation_root(entry.language)
    actions: list[Action] = []
    seen: set[str] = set()
    for link in parts(page.text).links:
        path = posixpath.normpath(posixpath.join(folder, link.text.partition("#")[0]))
        # translated_images/<lang>/name.png, or the older flat translated_images/name.<lang>.png
        folder_of = posixpath.dirname(path)
        if folder_of not in (images_root, IMAGES_LAYOUT.container) or is_metadata(path):
            continue
        if referenced(posixpath.basename(path), gone) or path in seen:
            continue
        seen.add(path)
        why = f"only {entry.translation} used it"
        actions.append(Removal(path, why))
        if folder_of == images_root:
            actions.append(_forget(join(images_root, SIDECAR_NAME), posixpath.basename(path), why))
    return actions


def _dangling(entries: list[TranslationEntry], read: Reader, exists: Exists) -> list[Action]:
    """Records whose translated file and source are both gone, in every sidecar seen."""
    actions: list[Action] = []
    folders = {entry.folder for entry in entries if entry.folder is not None}
    for folder in sorted(folders, key=lambda folder: folder.path):
        sidecar = join(folder.path, SIDECAR_NAME)
        mapping = load_sidecar(read(sidecar), sidecar)
        for key in sorted(mapping):
            if key == FAILURES_KEY or key.startswith("__"):
                continue
            try:
                places = (join(folder.path, key), join(folder.layout.sources, key))
            except UnsafePath:
                continue  # a key leaving its folder names nothing here: left as it is
            if not any(exists(place) for place in places):
                actions.append(_forget(sidecar, key, "a record with neither file nor source"))
    return actions
