"""Planning `transync migrate`: Markdown records between inline blocks and the sidecar.

Each record is written in its new place before it is removed from the old one (the sidecar
once, every page after it, or the other way round), so a run killed at any moment leaves
every record readable and the next run finishes the move: a record already in both places,
identical, is only removed from the old one. A page whose two records differ is left alone,
since either choice would lose one.
"""

from __future__ import annotations

from collections.abc import Iterable

from transync.model import Kind, MetadataOrigin, TranslationEntry
from transync.sync.carry import CannotCarry
from transync.sync.document import read_page
from transync.sync.files import Reader
from transync.sync.plan import Action, FileEdit, Phase, Plan, SidecarUpdate, plan_each
from transync.sync.records import (
    Fields,
    RecordChange,
    inline_fields,
    load_sidecar,
    with_inline_block,
    without_inline_block,
    written_key,
)
from transync.sync.refresh import sidecar_key, sidecar_of

_MOVABLE = frozenset({MetadataOrigin.INLINE, MetadataOrigin.SIDECAR})


def plan_migrate(entries: Iterable[TranslationEntry], read: Reader, target: str) -> Plan:
    sidecars: dict[str, dict[str, object]] = {}  # shared: one sidecar holds many pages
    movable = (
        entry
        for entry in entries
        if entry.kind is Kind.MARKDOWN and {record.origin for record in entry.records} & _MOVABLE
    )
    return plan_each(movable, lambda entry: _move(entry, read, target, sidecars))


def _move(
    entry: TranslationEntry, read: Reader, target: str, sidecars: dict[str, dict[str, object]]
) -> list[Action]:
    data = read(entry.translation)
    page = read_page(data) if data is not None else None
    if data is None or page is None:
        raise CannotCarry("not a readable UTF-8 page")
    location = sidecar_of(entry)
    if location not in sidecars:
        sidecars[location] = load_sidecar(read(location), location)
    mapping = sidecars[location]
    key = sidecar_key(entry)
    stored = mapping.get(written_key(mapping, key))
    in_sidecar = stored if isinstance(stored, dict) else None
    in_page = inline_fields(page.text)
    if in_sidecar is not None and in_page is not None and in_sidecar != in_page:
        raise CannotCarry(f"its inline block and {location} hold different records")
    actions: list[Action] = []
    if target == "json" and in_page is not None:
        if in_sidecar is None:
            actions.append(_add_to_sidecar(location, key, in_page))
        after = page.encode(without_inline_block(page.text))
        actions.append(
            FileEdit(entry.translation, data, after, "record moved to the sidecar", Phase.DROP)
        )
    elif target == "inline" and in_sidecar is not None:
        if in_page is None:
            after = page.encode(with_inline_block(page.text, in_sidecar))
            actions.append(FileEdit(entry.translation, data, after, "record moved inline"))
        actions.append(
            SidecarUpdate(location, (RecordChange(key, remove=True),), "record moved inline")
        )
    return actions


def _add_to_sidecar(location: str, key: str, fields: Fields) -> SidecarUpdate:
    return SidecarUpdate(location, (RecordChange(key, fields),), "record moved from the page")
