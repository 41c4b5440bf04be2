"""Planning `transync port`: carry a source's mechanical changes over to its translations.

Only stale (or failed) translations whose source changed in whitespace, link targets or code
since the version they were made from (provenance's `translated_from`) are ported; the
carrying itself is `sync.carry`, which refuses anything it cannot do exactly.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from transync.discover import IMAGES_LAYOUT, SIDECAR_NAME
from transync.history.changes import as_text
from transync.history.objects import UnreadableObject
from transync.model import PORTABLE, Kind, State, TranslationEntry
from transync.paths import UnsafePath, is_within, join, normalise_source_file, relative_to
from transync.sync.anchors import translated_anchor
from transync.sync.carry import (
    TRANSLATED_IMAGES,
    AnchorFinder,
    CannotCarry,
    Finders,
    ImageFinder,
    apply,
    carry,
)
from transync.sync.document import read_page
from transync.sync.files import Reader
from transync.sync.plan import Action, Plan, plan_each
from transync.sync.records import load_sidecar
from transync.sync.refresh import refresh

BlobReader = Callable[[str], bytes]


def plan_port(
    entries: Iterable[TranslationEntry], read: Reader, read_blob: BlobReader, date: str
) -> Plan:
    return plan_each(
        (entry for entry in entries if entry.state in (State.STALE, State.FAILED)),
        lambda entry: _port(entry, read, read_blob, date),
    )


def _port(entry: TranslationEntry, read: Reader, read_blob: BlobReader, date: str) -> list[Action]:
    if entry.kind is not Kind.MARKDOWN:
        raise CannotCarry(f"only Markdown pages are ported, not a {entry.kind.value}")
    provenance = entry.provenance
    if provenance is None or provenance.source_blob is None or provenance.translated_from is None:
        detail = provenance.detail if provenance and provenance.detail else None
        raise CannotCarry(
            "the version it was translated from is not known" + (f": {detail}" if detail else "")
        )
    change = provenance.change
    since = provenance.translated_from.short
    if change is None or change.kind not in PORTABLE:
        what = change.kind.value if change else "an unreadable way"
        words = f" ({change.prose_words} words)" if change and change.prose_words else ""
        raise CannotCarry(f"the source changed in {what}{words} since {since}: needs a translator")
    source_bytes = read(entry.source)
    page_bytes = read(entry.translation)
    if source_bytes is None or page_bytes is None or entry.current_hash is None:
        raise CannotCarry("the source or the translation is missing")
    try:
        old = as_text(read_blob(provenance.source_blob), entry.source)
    except UnreadableObject as error:
        raise CannotCarry(f"git cannot read the version it was translated from: {error}") from None
    new = as_text(source_bytes, entry.source)
    page = read_page(page_bytes)
    if old is None or new is None or page is None:
        raise CannotCarry("the source or the translation is not text")
    finders = Finders(_anchor_finder(entry, read, new, page.text), _image_finder(entry, read))
    text = apply(page.text, carry(old, new, page.text, finders))
    reason = f"ported {change.kind.value} change since {since}"
    return refresh(entry, read, entry.current_hash, date, reason, text)


def _anchor_finder(
    entry: TranslationEntry, read: Reader, source: str, translation: str
) -> AnchorFinder:
    """Translated anchors from the linked page and its translation in this language (this
    page itself for a `#anchor` link)."""

    def find(path: str, translated_now: str, old_anchor: str, new_anchor: str) -> str | None:
        if not path:
            return translated_anchor(source, translation, old_anchor, translated_now, new_anchor)
        folder = entry.folder
        target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.source), path))
        if (
            folder is None
            or target.startswith("../")
            or not is_within(target, folder.layout.sources)
        ):
            return None
        linked = read(target)
        key = folder.layout.translation_key(relative_to(target, folder.layout.sources), folder.code)
        translated = read(join(folder.path, key))
        linked_text = as_text(linked, target) if linked is not None else None
        translated_page = read_page(translated) if translated is not None else None
        if linked_text is None or translated_page is None:
            return None
        return translated_anchor(
            linked_text, translated_page.text, old_anchor, translated_now, new_anchor
        )

    return find


def _image_finder(entry: TranslationEntry, read: Reader) -> ImageFinder:
    """The language's translation of the source's new image, from the translated images'
    sidecar (keyed by file name, `source_file` relative to the repository), written with the
    prefix the translation used for `translated_images/`."""

    def find(path: str, translated_now: str) -> str | None:
        prefix = translated_now[: translated_now.index(TRANSLATED_IMAGES)]
        image = posixpath.normpath(posixpath.join(posixpath.dirname(entry.source), path))
        folder = IMAGES_LAYOUT.translation_root(entry.language)
        sidecar = join(folder, SIDECAR_NAME)
        records = load_sidecar(read(sidecar), sidecar)
        names = sorted(
            name
            for name, record in records.items()
            if isinstance(record, dict) and _names(record.get("source_file"), image)
        )
        return prefix + join(folder, names[0]) if names else None

    return find


def _names(source_file: object, image: str) -> bool:
    try:
        return isinstance(source_file, str) and normalise_source_file(source_file) == image
    except UnsafePath:
        return False
