"""Metadata written exactly as co-op-translator writes it, so that its next run agrees.

The rules are co-op-translator's own (co_op_translator/utils/common/metadata_utils.py, 0.23):
a record is `{"original_hash", "translation_date", "source_file", "language_code"}` in that
order (`create_metadata`), the date in UTC as `%Y-%m-%dT%H:%M:%S+00:00`; an inline block is
`<!--\\nCO_OP_TRANSLATOR_METADATA:\\n{json indent=2}\\n-->\\n` (`format_metadata_comment`); a
sidecar is the whole mapping with its top-level keys sorted, indent=2, `ensure_ascii=False`,
no trailing newline (`_save_lang_metadata`), and bringing a file up to date drops its
`__translation_failures__` entry (`save_text_metadata_for_source`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from transync.errors import TransyncError
from transync.metadata.sidecar import FAILURES_KEY
from transync.paths import UnsafePath, normalise_source_file

INLINE_LABEL = "<!--\nCO_OP_TRANSLATOR_METADATA:"
# The block's opening as transync's reader finds it (see metadata.inline); the block runs to
# the next `-->` (and one newline), found with `str.find`: a lazy `.*?-->` searched from every
# opening to the end of a page that never closes them.
_BLOCK_OPENING = re.compile(r"<!--[ \t]*\n\s*CO_OP_TRANSLATOR_METADATA\s*:?")

Fields = dict[str, object]


def stamp_date(moment: datetime | None = None) -> str:
    """A translation date the way co-op-translator writes it."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def new_fields(original_hash: str, date: str, source_file: str, language: str) -> Fields:
    """A record in co-op-translator's key order."""
    return {
        "original_hash": original_hash,
        "translation_date": date,
        "source_file": source_file,
        "language_code": language,
    }


def refreshed(fields: Mapping[str, object], original_hash: str, date: str) -> Fields:
    """The same record, with the source hash and date of a translation brought up to date;
    every other key (and the key order) kept."""
    updated = dict(fields)
    updated["original_hash"] = original_hash
    updated["translation_date"] = date
    return updated


def inline_block(fields: Mapping[str, object]) -> str:
    return f"{INLINE_LABEL}\n{json.dumps(fields, indent=2, ensure_ascii=False)}\n-->\n"


def inline_fields(text: str) -> Fields | None:
    """The JSON of the page's inline block, keys in their written order (None: no block)."""
    found = _block(text)
    if found is None:
        return None
    try:
        value = json.loads(text[found[1] : found[2]])
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def with_inline_block(text: str, fields: Mapping[str, object]) -> str:
    """The page with its inline block replaced, or, if it has none, one added at the top
    (where co-op-translator put it)."""
    block = inline_block(fields)
    found = _block(text)
    if found is None:
        return block + text
    return text[: found[0]] + block + text[found[3] :]


def without_inline_block(text: str) -> str:
    """The page with its inline block removed, with at most one newline after it, as
    co-op-translator's `extract_content_without_metadata` does."""
    found = _block(text)
    return text if found is None else text[: found[0]] + text[found[3] :]


def _block(text: str) -> tuple[int, int, int, int] | None:
    """(start, body start, body end, end) of the page's first closed inline block."""
    opening = _BLOCK_OPENING.search(text)
    if opening is None:
        return None
    closing = text.find("-->", opening.end())
    if closing < 0:
        return None
    end = closing + 3
    return opening.start(), opening.end(), closing, end + (text.startswith("\n", end))


def sidecar_text(mapping: Mapping[str, object]) -> str:
    ordered = {key: mapping[key] for key in sorted(mapping)}
    return json.dumps(ordered, indent=2, ensure_ascii=False)


@dataclass(frozen=True)
class RecordChange:
    """One sidecar key: set its record to `fields`, or `remove` it; `clear_failure` drops its
    `__translation_failures__` entry (as co-op-translator does when it brings a file up to
    date)."""

    key: str
    fields: Fields | None = None
    remove: bool = False
    clear_failure: bool = False


def load_sidecar(data: bytes | None, location: str) -> dict[str, object]:
    if data is None:
        return {}
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except ValueError as error:
        raise TransyncError(f"{location}: not valid JSON, not rewritten: {error}") from None
    except RecursionError:
        raise TransyncError(
            f"{location}: not valid JSON (nested too deeply), not rewritten"
        ) from None
    if not isinstance(value, dict):
        raise TransyncError(f"{location}: top level is not a JSON object, not rewritten")
    return value


def written_key(mapping: Mapping[str, object], key: str) -> str:
    """The key as the sidecar spells it (`./a.md`, `a\\b.md`), or `key` when it has none."""
    if key in mapping:
        return key
    for written in mapping:
        try:
            if normalise_source_file(written) == key:
                return written
        except UnsafePath:
            continue
    return key


def updated_sidecar(
    data: bytes | None, location: str, changes: Iterable[RecordChange]
) -> str | None:
    """The sidecar's new text after `changes`; None when nothing is left in it. Whatever
    whitespace ended the file (an editor's final newline) still ends it."""
    mapping = load_sidecar(data, location)
    ending = _trailing_whitespace(data)
    for change in changes:
        key = written_key(mapping, change.key)
        if change.remove:
            mapping.pop(key, None)
        elif change.fields is not None:
            mapping[key] = change.fields
        failures = mapping.get(FAILURES_KEY)
        if change.clear_failure and isinstance(failures, dict):
            failures.pop(written_key(failures, change.key), None)
            if not failures:
                del mapping[FAILURES_KEY]
    return sidecar_text(mapping) + ending if mapping else None


def _trailing_whitespace(data: bytes | None) -> str:
    if data is None:
        return ""
    text = data.decode("utf-8-sig", errors="replace")
    return text[len(text.rstrip()) :]
