"""Planning `transync relocate`: translations follow their source to where it moved.

An orphan whose source moved (provenance's `moved_to`), or a translation without metadata
whose source git history saw move (an estimate), is written at the matching path of
its language folder with every relative link recomputed for the new folder (a link to a file
that moved along follows it), its record's `source_file` and sidecar key updated and its
hash kept: a translation made from the moved content is current again, one made from an
older version is stale, as it would have been had the file never moved.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from transync.discover import SOURCE_SUFFIXES
from transync.errors import TransyncError
from transync.model import EstimatedState, Kind, State, TranslationEntry
from transync.paths import is_within, join, relative_to
from transync.sync.carry import CannotCarry, Replacement, apply, parts
from transync.sync.document import read_page
from transync.sync.files import Exists, Reader, Referenced, is_metadata
from transync.sync.plan import Action, FileEdit, Plan, Removal, SidecarUpdate, Skip
from transync.sync.records import (
    RecordChange,
    inline_fields,
    load_sidecar,
    with_inline_block,
    written_key,
)
from transync.sync.refresh import sidecar_key, sidecar_of


def plan_relocate(
    entries: Iterable[TranslationEntry], read: Reader, exists: Exists, referenced: Referenced
) -> Plan:
    entries = list(entries)
    moving = {
        entry.translation: target for entry in entries if (target := _new_path(entry)) is not None
    }
    actions: list[Action] = []
    skipped: list[Skip] = []
    renames: list[tuple[str, str]] = []
    for entry in entries:
        if not relocatable(entry):
            continue
        target = moving.get(entry.translation)
        reason = _refusal(entry, target, exists)
        if reason is not None:
            skipped.append(Skip.of(entry, reason))
            continue
        assert target is not None
        try:
            moved, moves = _relocate(entry, target, read, exists, referenced, moving)
        except (CannotCarry, TransyncError) as refusal:
            skipped.append(Skip.of(entry, str(refusal)))
            continue
        actions += moved
        renames += moves
    return Plan(tuple(actions), tuple(skipped), tuple(renames))


def _relocate(
    entry: TranslationEntry,
    target: str,
    read: Reader,
    exists: Exists,
    referenced: Referenced,
    moving: dict[str, str],
) -> tuple[list[Action], list[tuple[str, str]]]:
    """The page written at `target` (with the images it keeps beside it), its records moved,
    the old files removed; and the moves to stage."""
    assert entry.provenance is not None and entry.folder is not None
    data = read(entry.translation)
    page = read_page(data) if data is not None else None
    if data is None or page is None:
        raise CannotCarry("not a readable UTF-8 page")
    actions: list[Action] = []
    renames: list[tuple[str, str]] = []
    images = _images_along(page.text, entry, target, exists, referenced, frozenset(moving))
    for old_image, new_image in images.items():
        image = read(old_image)
        if image is None or exists(new_image):
            continue
        actions.append(FileEdit(new_image, None, image, f"moves along with {target}"))
        actions.append(Removal(old_image, f"moved to {new_image}"))
        renames.append((old_image, new_image))
        moving[old_image] = new_image
    moved_to = entry.provenance.moved_to or ""
    source_file = _source_file(entry, moved_to)
    text = _relinked(page.text, entry, target, moving, exists)
    fields = inline_fields(text)
    if fields is not None:
        text = with_inline_block(text, {**fields, "source_file": source_file})
    why = f"follows {entry.source} to {moved_to}"
    actions.append(FileEdit(target, None, page.encode(text), why))
    sidecar = sidecar_of(entry)
    mapping = load_sidecar(read(sidecar), sidecar)
    stored = mapping.get(written_key(mapping, sidecar_key(entry)))
    if isinstance(stored, dict):
        new_key = relative_to(target, entry.folder.path)
        changes = (
            RecordChange(new_key, {**stored, "source_file": source_file}),
            RecordChange(sidecar_key(entry), remove=True, clear_failure=True),
        )
        actions.append(SidecarUpdate(sidecar, changes, why))
    actions.append(Removal(entry.translation, f"moved to {target}"))
    renames.append((entry.translation, target))
    return actions, renames


def _images_along(
    text: str,
    entry: TranslationEntry,
    target: str,
    exists: Exists,
    referenced: Referenced,
    pages: frozenset[str],
) -> dict[str, str]:
    """Files the page links inside its own folder that are not pages (its images, kept beside
    it), and that no other page names: they move with it, to the same place beside it."""
    old_folder, new_folder = posixpath.dirname(entry.translation), posixpath.dirname(target)
    along: dict[str, str] = {}
    for link in parts(text).links:
        path = link.text.partition("#")[0]
        if not path or ":" in path.split("/", 1)[0] or path.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(old_folder, path))
        if (
            not is_within(resolved, old_folder or ".")
            or resolved.lower().endswith(SOURCE_SUFFIXES)
            or is_metadata(resolved)
            or not exists(resolved)
            or referenced(posixpath.basename(resolved), pages)
        ):
            continue
        along[resolved] = join(new_folder or ".", relative_to(resolved, old_folder or "."))
    return along


def relocatable(entry: TranslationEntry) -> bool:
    """An orphan, or a translation without metadata whose source git history saw move."""
    moved = entry.estimate is not None and entry.estimate.state is EstimatedState.MOVED
    return entry.state is State.ORPHAN or moved


def _new_path(entry: TranslationEntry) -> str | None:
    """Where the translation belongs now: its source's new path, in its language folder."""
    provenance, folder = entry.provenance, entry.folder
    if not relocatable(entry) or provenance is None or folder is None:
        return None
    moved_to = provenance.moved_to
    if moved_to is None or not is_within(moved_to, folder.layout.sources):
        return None
    key = relative_to(moved_to, folder.layout.sources)
    return join(folder.path, folder.layout.translation_key(key, folder.code))


def _refusal(entry: TranslationEntry, target: str | None, exists: Exists) -> str | None:
    if entry.provenance is None:
        return "no git history: cannot tell where its source moved"
    moved_to = entry.provenance.moved_to
    if moved_to is None:
        return "its source did not move anywhere transync can find (`transync prune` removes it)"
    if target is None:
        return f"its source moved to {moved_to}, outside the folder this language translates"
    if entry.kind is not Kind.MARKDOWN:
        return f"a {entry.kind.value} is not relocated (only Markdown pages are)"
    if exists(target):
        return f"{target} already exists"
    return None


def _source_file(entry: TranslationEntry, moved_to: str) -> str:
    """`source_file` as co-op-translator writes it: relative to the translated source root."""
    assert entry.folder is not None
    return relative_to(moved_to, entry.folder.layout.sources)


def _relinked(
    text: str, entry: TranslationEntry, target: str, moving: dict[str, str], exists: Exists
) -> str:
    """Relative links recomputed from the new folder; a link to something that moved along
    (another relocated translation, or a file in the source's old folder) follows it."""
    old_folder, new_folder = posixpath.dirname(entry.translation), posixpath.dirname(target)
    assert entry.provenance is not None
    source_from = posixpath.dirname(entry.source)
    source_to = posixpath.dirname(entry.provenance.moved_to or entry.source)
    replacements = []
    for link in parts(text).links:
        path, hash_, anchor = link.text.partition("#")
        if not path or ":" in path.split("/", 1)[0] or path.startswith("/"):
            continue  # anchors, URLs and site-absolute paths do not depend on the folder
        resolved = posixpath.normpath(posixpath.join(old_folder, path))
        if resolved.startswith("../"):
            continue  # above the repository: not ours to change
        landed = moving.get(resolved, resolved)
        if not exists(landed) and source_from and is_within(resolved, source_from):
            followed = join(source_to, relative_to(resolved, source_from))
            landed = followed if exists(followed) else landed
        new = posixpath.relpath(landed, new_folder or ".") + hash_ + anchor
        if new != link.text:
            replacements.append(Replacement(link.start, link.end, new))
    return apply(text, replacements)
