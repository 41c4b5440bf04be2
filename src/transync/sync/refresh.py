"""Recording that a translation is up to date with its source: its records refreshed in
every place they are kept, as co-op-translator's next run will look for them."""

from __future__ import annotations

from transync.discover import SIDECAR_NAME
from transync.model import Kind, MetadataOrigin, TranslationEntry
from transync.paths import join, normalise_source_file, relative_to
from transync.sync.carry import CannotCarry
from transync.sync.document import read_page
from transync.sync.files import Reader
from transync.sync.plan import Action, FileEdit, SidecarUpdate
from transync.sync.records import (
    RecordChange,
    inline_fields,
    load_sidecar,
    new_fields,
    refreshed,
    with_inline_block,
    written_key,
)


def sidecar_of(entry: TranslationEntry) -> str:
    assert entry.folder is not None  # every classified translation has its folder
    return join(entry.folder.path, SIDECAR_NAME)


def sidecar_key(entry: TranslationEntry) -> str:
    assert entry.folder is not None
    return relative_to(entry.translation, entry.folder.path)


def refresh(
    entry: TranslationEntry,
    read: Reader,
    source_hash: str,
    date: str,
    reason: str,
    text: str | None = None,
) -> list[Action]:
    """The writes that give `entry` (whose page becomes `text`, if given) records saying it
    was made from the source with `source_hash` on `date`. A page without any record gets one
    in its language's sidecar when there is one, else inline; raises CannotCarry for what
    transync does not rewrite (notebook-embedded records, pages that are not UTF-8)."""
    origins = {record.origin for record in entry.records}
    if MetadataOrigin.NOTEBOOK in origins:
        raise CannotCarry(
            "its record is inside the notebook (metadata.coopTranslator), which transync does"
            " not rewrite"
        )
    if entry.kind is not Kind.MARKDOWN and MetadataOrigin.SIDECAR not in origins:
        raise CannotCarry(f"a {entry.kind.value} keeps its record only in the sidecar")
    before = read(entry.translation)
    if before is None:
        raise CannotCarry("the translated file is missing")
    sidecar = sidecar_of(entry)
    sidecar_data = read(sidecar)
    if not origins:
        origins = {MetadataOrigin.SIDECAR if sidecar_data is not None else MetadataOrigin.INLINE}
    actions: list[Action] = []
    if entry.kind is Kind.MARKDOWN:
        page = read_page(before)
        if page is None:
            raise CannotCarry("the translation is not UTF-8 text")
        after = text if text is not None else page.text
        if MetadataOrigin.INLINE in origins:
            fields = inline_fields(after) or _fresh(entry)
            after = with_inline_block(after, refreshed(fields, source_hash, date))
        if page.encode(after) != before:
            actions.append(FileEdit(entry.translation, before, page.encode(after), reason))
    key = sidecar_key(entry)
    if MetadataOrigin.SIDECAR in origins:
        mapping = load_sidecar(sidecar_data, sidecar)
        stored = mapping.get(written_key(mapping, key))
        record = refreshed(stored if isinstance(stored, dict) else _fresh(entry), source_hash, date)
        actions.append(
            SidecarUpdate(sidecar, (RecordChange(key, record, clear_failure=True),), reason)
        )
    elif entry.failure is not None:
        actions.append(SidecarUpdate(sidecar, (RecordChange(key, clear_failure=True),), reason))
    return actions


def _fresh(entry: TranslationEntry) -> dict[str, object]:
    """A new record for a page that had none: `source_file` relative to the source root its
    language folder mirrors, as co-op-translator writes it (and as it is read back)."""
    assert entry.folder is not None
    source_file = relative_to(entry.source, entry.folder.layout.sources)
    return new_fields("", "", normalise_source_file(source_file), entry.language)
