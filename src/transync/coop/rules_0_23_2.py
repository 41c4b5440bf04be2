"""co-op-translator 0.23.2's decisions, modelled (its code is not copied; each function names
the one it mirrors).

- The run (`TranslationWorkflowMixin.translate_project_async`) first moves inline metadata
  into the sidecar and strips the inline block (`_migrate_legacy_inline_text_metadata`), then
  retranslates an existing page when `_is_translation_outdated` says so: the sidecar record
  (exact key) or else the inline block has a hash that is not the source's MD5, or none at all,
  or the line counts of source and translation differ by more than `LINE_BREAK_MARGIN`
  (`_has_markdown_integrity_drift`, `compare_line_breaks`). Notebooks are judged by hash only
  (`is_notebook_up_to_date`). A source without a translated file is translated
  (`_gather_pending_markdown`, `_gather_pending_notebooks`).
- The pre-run estimate (`estimate_translation_tokens`) asks `_is_translation_outdated` on the
  files as they are, before that migration.
- The plan (`build_translation_plan`) lists a page as new when the translated file is missing,
  else outdated unless the sidecar alone (`read_text_metadata_for_source` with an absolute
  path: exact key, else the longest matching path suffix) holds the source's MD5. It never
  reads inline metadata, and never checks line counts. It finds sources everywhere but in the
  output folder, so it also lists pages under `.github` or `node_modules` as new, which the
  run (excluding `EXCLUDED_DIRS`) never translates.
- An alias language folder (`tw`) is renamed to its code (`zh-TW`) by the run (with `--yes`,
  `--migrate-language-folders` or when confirmed) unless that folder exists; the dry run does
  not rename it, so its plan and estimate count every page of that language as new.
- Estimates (`count_tokens`, `_estimate_words_for_sources`) read each source as text with
  universal newlines, stripped: tokens by tiktoken's `cl100k_base` when it loads, else
  `max(1, len(text) // 4)`; words are runs of non-space characters.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import PurePosixPath

from transync.coop.page import Bucket, Decision, Page, Reason
from transync.hashing import md5_hex
from transync.metadata.sidecar import FAILURES_KEY
from transync.model import Kind

VERSION = "0.23.2"
LINE_BREAK_MARGIN = 15
_LABELLED_BLOCK = "<!--\nCO_OP_TRANSLATOR_METADATA:"
_LABEL = "CO_OP_TRANSLATOR_METADATA:"
_WORD = re.compile(r"\S+")
TEXT_EXTENSIONS = frozenset({".md", ".mdx", ".markdown", ".ipynb"})
# fmt: off
EXCLUDED_DIRS = frozenset({
    "translations", "translated_images", "translated_images_fast", ".git", ".github", ".vscode",
    "__pycache__", "node_modules", "build", "dist", "venv", "env", "site-packages", ".venv",
    ".idea", ".devcontainer", ".pytest_cache",
})
# fmt: on


def decide(page: Page) -> Decision:
    sidecar = _sidecar(page.sidecar)
    if not page.run_finds:
        return Decision(None, False, _bucket(page, sidecar))
    if page.alias_folder:
        # The dry run only prints the rename (`LanguageFolderMigrator`): its estimate and plan
        # look in the canonical folder, which does not exist yet, and count every page as new.
        return Decision(_run(page, sidecar), True, Bucket.NEW)
    return Decision(_run(page, sidecar), _estimated(page, sidecar), _bucket(page, sidecar))


def plan_only(parts: tuple[str, ...]) -> bool:
    """A text source the plan lists and the run never translates: `build_translation_plan`
    excludes only the output folder, the run every folder named in `EXCLUDED_DIRS`."""
    suffix = PurePosixPath(parts[-1]).suffix.lower()
    return suffix in TEXT_EXTENSIONS and any(part in EXCLUDED_DIRS for part in parts[:-1])


def tokens(source: bytes) -> int:
    text = _estimation_text(source)
    if not text:
        return 0
    encode = _encoder()
    return len(encode(text)) if encode else max(1, len(text) // 4)


def words(source: bytes) -> int:
    text = _estimation_text(source)
    return len(_WORD.findall(text)) if text else 0


def tokenizer() -> str:
    return "cl100k_base" if _encoder() else "characters/4"


# -- the run -----------------------------------------------------------------------------------


def _run(page: Page, sidecar: dict[str, object]) -> Reason | None:
    failed = _failed_on_this_source(sidecar, page)
    if page.translation is None:
        return Reason.FAILED if failed else Reason.NEW
    if page.kind is Kind.NOTEBOOK:
        verdict = _notebook_outdated(page, sidecar)
    else:
        verdict = _markdown_outdated(page, sidecar, migrated=True)
    return Reason.FAILED if failed and verdict is Reason.SOURCE_CHANGED else verdict


def _estimated(page: Page, sidecar: dict[str, object]) -> bool:
    if page.translation is None:
        return True
    if page.kind is Kind.NOTEBOOK:
        return _notebook_outdated(page, sidecar) is not None
    return _markdown_outdated(page, sidecar, migrated=False) is not None


def _markdown_outdated(page: Page, sidecar: dict[str, object], *, migrated: bool) -> Reason | None:
    """`_is_translation_outdated` for a Markdown page that exists. With `migrated`, as the run
    sees it after `_migrate_legacy_inline_text_metadata`: a page whose sidecar has no hash got
    its inline block's hash there, and lost the block (and so its lines)."""
    assert page.translation is not None
    content = _translation_text(page.translation)
    stored = _record_hash(sidecar.get(page.key))
    if stored is None and content is not None:
        stored = _inline_hash(content)
        if stored is not None and migrated:
            content = _strip_inline(content)
    if stored is None:
        return Reason.NO_METADATA
    if stored != _source_hash(page.source):
        return Reason.SOURCE_CHANGED
    return Reason.LINE_COUNT_DRIFT if _line_drift(page.source, content) else None


def _notebook_outdated(page: Page, sidecar: dict[str, object]) -> Reason | None:
    """`is_notebook_up_to_date`: the sidecar (path-suffix lookup), else the notebook's own
    `metadata.coopTranslator.original_hash`; hashes only."""
    assert page.translation is not None
    stored = _record_hash(_suffix_lookup(sidecar, page.key))
    if stored is None:
        stored = _notebook_hash(page.translation)
        if stored is None:
            return Reason.NO_METADATA
    return None if stored == _source_hash(page.source) else Reason.SOURCE_CHANGED


def _failed_on_this_source(sidecar: dict[str, object], page: Page) -> bool:
    failures = sidecar.get(FAILURES_KEY)
    entry = failures.get(page.key) if isinstance(failures, dict) else None
    return isinstance(entry, dict) and entry.get("original_hash") == _source_hash(page.source)


# -- the plan ----------------------------------------------------------------------------------


def _bucket(page: Page, sidecar: dict[str, object]) -> Bucket:
    """`build_translation_plan`: sidecar only, no line counts."""
    if page.translation is None:
        return Bucket.NEW
    record = _suffix_lookup(sidecar, page.key)
    stored = record.get("original_hash") if isinstance(record, dict) else None
    return Bucket.CURRENT if stored == _source_hash(page.source) else Bucket.OUTDATED


def _suffix_lookup(sidecar: dict[str, object], key: str) -> object:
    """`read_text_metadata_for_source` given an absolute path: the exact key, else the longest
    stored key that is a trailing run of its path segments."""
    parts = key.split("/")
    for start in range(len(parts)):
        suffix = "/".join(parts[start:])
        if suffix in sidecar:
            return sidecar[suffix]
    return None


# -- reading as co-op-translator reads ---------------------------------------------------------


@lru_cache(maxsize=8)  # one folder's pages share one sidecar, parsed once
def _sidecar(data: bytes | None) -> dict[str, object]:
    """`_load_lang_metadata`: strict UTF-8 JSON (a BOM fails it); any failure reads as empty."""
    if data is None:
        return {}
    try:
        loaded = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _record_hash(record: object) -> object | None:
    """The stored hash of a sidecar record, when the run would use it (a truthy value)."""
    if not isinstance(record, dict) or not record:
        return None
    stored = record.get("original_hash")
    return stored if stored else None


def _text(data: bytes) -> str | None:
    """`Path.read_text(encoding="utf-8")`: universal newlines; None where it would raise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _estimation_text(source: bytes) -> str:
    """`read_input_file`: the text, stripped (an undecodable source counts nothing)."""
    text = _text(source)
    return text.strip() if text is not None else ""


def _inline_hash(content: str) -> object | None:
    """`extract_metadata_from_content`: the labelled block, else the first HTML comment's JSON."""
    start = content.find(_LABELLED_BLOCK)
    if start != -1:
        brace = content.find("{", start)
        end = content.find("-->\n", brace) if brace != -1 else -1
        if end != -1:
            found = _json_object(content[brace:end].strip())
            if found is not None:
                return _record_hash(found)
    start = content.find("<!--")
    end = content.find("-->", start) if start != -1 else -1
    if end == -1:
        return None
    inner = content[start + 4 : end].strip()
    if inner.startswith(_LABEL):
        inner = inner[len(_LABEL) :].strip()
    found = _json_object(inner)
    if found is None:
        first, last = inner.find("{"), inner.rfind("}")
        if first != -1 and last > first:
            found = _json_object(inner[first : last + 1])
    return _record_hash(found)


def _json_object(text: str) -> object | None:
    try:
        found: object = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return found


def _strip_inline(content: str) -> str:
    """`extract_content_without_metadata`: the labelled block and one newline after it."""
    start = content.find(_LABELLED_BLOCK)
    end = content.find("-->", start) if start != -1 else -1
    if end == -1:
        return content
    end += len("-->")
    if content[end : end + 1] == "\n":
        end += 1
    return content[:start] + content[end:]


def _line_drift(source: bytes, content: str | None) -> bool:
    """`compare_line_breaks` over both files read as text (unreadable: drift)."""
    source_text = _text(source)
    if source_text is None or content is None:
        return True
    return abs(source_text.count("\n") - content.count("\n")) > LINE_BREAK_MARGIN


def _notebook_hash(data: bytes) -> object | None:
    try:
        notebook = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    metadata = notebook.get("metadata") if isinstance(notebook, dict) else None
    block = metadata.get("coopTranslator") if isinstance(metadata, dict) else None
    return _record_hash(block)


# A source is judged once per language and a translation twice (by the run and by the
# estimate): each hash and text is computed once.
_source_hash = lru_cache(maxsize=64)(md5_hex)


@lru_cache(maxsize=4)
def _translation_text(data: bytes) -> str | None:
    return _text(data)


@lru_cache(maxsize=1)
def _encoder() -> Callable[[str], list[int]] | None:
    """tiktoken's `cl100k_base` where it is installed and its table loads (it downloads the
    table on first use), as co-op-translator's `_get_encoding` does without a model set."""
    try:
        tiktoken = importlib.import_module("tiktoken")
        encoding = tiktoken.get_encoding("cl100k_base")
    except Exception:  # any failure is co-op-translator's fallback too
        return None
    encode: Callable[[str], list[int]] = encoding.encode
    return encode
