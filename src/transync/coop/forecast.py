"""The forecast: what co-op-translator's next `translate -l LANGS` will translate, and what its
own `--dry-run --plan-json` would claim, page by page, with the tokens and words of each.

A stage after classify: it takes the report's entries (which pair every source with its
translation in every language folder) and reads the raw files again, because co-op-translator
decides from the raw text (its line counts, its first HTML comment) where transync's readers
are more forgiving. The decisions come from the modelled version's rules (`transync.coop`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from transync.cache import Cache, settled, signature
from transync.coop import DEFAULT_VERSION, rules_for
from transync.coop.page import Bucket, Decision, Page, Reason, Rules
from transync.discover import SIDECAR_NAME
from transync.errors import TransyncError
from transync.hashing import md5_hex
from transync.languages import canonical
from transync.model import (
    Kind,
    LanguageFolder,
    Layout,
    MetadataOrigin,
    State,
    TranslationEntry,
)

Reader = Callable[[str], "bytes | None"]
TEXT_KINDS = (Kind.MARKDOWN, Kind.NOTEBOOK)


@dataclass(frozen=True)
class PagePlan:
    """One source in one language: `file` is its path under the layout's source root (the
    plan's key), `source` and `translation` its repository paths."""

    file: str
    source: str
    translation: str
    decision: Decision
    tokens: int
    words: int
    translated: bool = True

    @property
    def reason(self) -> Reason | None:
        return self.decision.run

    @property
    def only_in_plan(self) -> bool:
        """A source the run never translates (in `.github`), which the plan lists as new."""
        return not self.translated and self.decision.run is None

    @property
    def run_bucket(self) -> Bucket:
        """Where the plan would list the page if it decided as the run does."""
        if self.decision.run is None:
            return Bucket.CURRENT
        return Bucket.OUTDATED if self.translated else Bucket.NEW


@dataclass(frozen=True)
class LanguagePlan:
    """One language as co-op-translator names it (`zh-TW`), the folder it reads (`tw` when it
    renames that alias folder first), and its pages in the plan's order."""

    language: str
    layout: Layout
    folder: str
    renamed_from: str | None
    pages: tuple[PagePlan, ...]

    @cached_property
    def to_translate(self) -> tuple[PagePlan, ...]:
        return tuple(page for page in self.pages if page.reason is not None)

    @property
    def tokens(self) -> int:
        return sum(page.tokens for page in self.to_translate)

    @property
    def words(self) -> int:
        return sum(page.words for page in self.to_translate)

    @property
    def estimated_tokens(self) -> int:
        """co-op-translator's own pre-run estimate (its plan's `estimated_tokens`)."""
        return sum(page.tokens for page in self.pages if page.decision.estimated)

    @property
    def estimated_words(self) -> int:
        return sum(page.words for page in self.pages if page.decision.estimated)

    @property
    def plan_tokens(self) -> int:
        """What the pages its plan lists as new or outdated would cost."""
        return sum(page.tokens for page in self.pages if page.decision.bucket is not Bucket.CURRENT)

    @cached_property
    def disagreements(self) -> tuple[PagePlan, ...]:
        """Pages co-op-translator's plan lists otherwise than its run will treat them."""
        return tuple(page for page in self.pages if page.decision.bucket is not page.run_bucket)


@dataclass(frozen=True)
class Forecast:
    """Every language asked for, by the rules of co-op-translator `version`; `tokenizer` names
    how tokens were counted."""

    version: str
    tokenizer: str
    languages: tuple[LanguagePlan, ...]

    @property
    def tokens(self) -> int:
        return sum(language.tokens for language in self.languages)

    @property
    def words(self) -> int:
        return sum(language.words for language in self.languages)

    @property
    def estimated_tokens(self) -> int:
        return sum(language.estimated_tokens for language in self.languages)


def forecast(
    entries: Iterable[TranslationEntry],
    read: Reader,
    languages: Sequence[str] = (),
    *,
    version: str | None = None,
    keep: Callable[[TranslationEntry], bool] | None = None,
    plan_only: Mapping[Layout, Sequence[str]] | None = None,
) -> Forecast:
    """Every text page of every language asked for (all language folders when none is), or
    only the entries `keep` accepts (a cheaper partial forecast for `status`). `plan_only`:
    the sources only co-op-translator's plan finds (`plan_only_sources`)."""
    plan_only = plan_only or {}
    rules = rules_for(version or DEFAULT_VERSION)
    by_folder: dict[LanguageFolder, list[TranslationEntry]] = {}
    sources: dict[Layout, set[str]] = {}
    for entry in entries:
        if entry.kind not in TEXT_KINDS or entry.folder is None or entry.state is State.ORPHAN:
            continue
        sources.setdefault(entry.folder.layout, set()).add(entry.source)
        kept = by_folder.setdefault(entry.folder, [])
        if keep is None or keep(entry):
            kept.append(entry)
    estimate = _Estimates(rules, read)
    plans: list[LanguagePlan] = []
    for layout, code, folder in _language_folders(by_folder, sources, languages):
        if folder is None:
            folder_path, renamed = layout.translation_root(code), None
            pages = tuple(
                estimate.new_page(layout, folder_path, source, run_finds=True)
                for source in sources[layout]
                if keep is None
            )
        else:
            sidecar = read(f"{folder.path}/{SIDECAR_NAME}")
            folder_path, renamed = folder.path, (folder.code if folder.code != code else None)
            pages = tuple(
                estimate.page(entry, sidecar, alias=renamed is not None)
                for entry in by_folder[folder]
            )
        pages += tuple(
            estimate.new_page(layout, folder_path, source, run_finds=False)
            for source in plan_only.get(layout, ())
        )
        ordered = tuple(sorted(pages, key=lambda page: PurePosixPath(page.file).parts))
        plans.append(LanguagePlan(code, layout, folder_path, renamed, ordered))
    return Forecast(rules.VERSION, rules.tokenizer(), tuple(plans))


def _language_folders(
    by_folder: dict[LanguageFolder, list[TranslationEntry]],
    sources: dict[Layout, set[str]],
    languages: Sequence[str],
) -> list[tuple[Layout, str, LanguageFolder | None]]:
    """co-op-translator's language codes with the folder each reads. An alias folder (`tw`)
    stands for its code (`zh-TW`) unless that folder exists too: co-op-translator renames the
    alias first, and leaves it where the canonical folder is already there (a conflict)."""
    chosen: dict[tuple[Layout, str], LanguageFolder] = {}
    for folder in sorted(by_folder, key=lambda folder: folder.code != canonical(folder.code)):
        chosen.setdefault((folder.layout, canonical(folder.code)), folder)
    wanted = [canonical(code) for code in languages]
    found: list[tuple[Layout, str, LanguageFolder | None]] = []
    for layout in sorted(sources, key=lambda layout: layout.translations):
        codes = wanted or sorted({code for (where, code) in chosen if where == layout})
        for code in dict.fromkeys(codes):
            found.append((layout, code, chosen.get((layout, code))))
    return found


class _Estimates:
    """Pages with their figures; a source's tokens and words are counted once."""

    def __init__(self, rules: Rules, read: Reader) -> None:
        self._rules = rules
        self._read = read
        self._counted: dict[str, tuple[bytes, int, int]] = {}

    def _source(self, source: str) -> tuple[bytes, int, int]:
        if source not in self._counted:
            data = self._read(source) or b""
            self._counted[source] = (data, self._rules.tokens(data), self._rules.words(data))
        return self._counted[source]

    def page(self, entry: TranslationEntry, sidecar: bytes | None, *, alias: bool) -> PagePlan:
        assert entry.folder is not None
        data, tokens, words = self._source(entry.source)
        translation = None if entry.state is State.MISSING else self._read(entry.translation)
        key = _key(entry.folder.layout, entry.source)
        decision = self._rules.decide(Page(key, entry.kind, data, translation, sidecar, alias))
        return PagePlan(
            key, entry.source, entry.translation, decision, tokens, words, translation is not None
        )

    def new_page(self, layout: Layout, folder: str, source: str, *, run_finds: bool) -> PagePlan:
        """A page without a translated file in a language that has no folder yet, or that only
        the plan finds."""
        data, tokens, words = self._source(source)
        key = _key(layout, source)
        kind = Kind.NOTEBOOK if source.lower().endswith(".ipynb") else Kind.MARKDOWN
        page = Page(key, kind, data, None, None, run_finds=run_finds)
        decision = self._rules.decide(page)
        return PagePlan(key, source, f"{folder}/{key}", decision, tokens, words, False)


def _key(layout: Layout, source: str) -> str:
    root = layout.sources.strip("/")
    return source[len(root) + 1 :] if root not in ("", ".") else source


def plan_only_sources(
    root: str, layouts: Iterable[Layout], version: str | None = None
) -> dict[Layout, list[str]]:
    """The text sources co-op-translator's plan finds under each layout's source root that its
    run excludes (`.github/ISSUE_TEMPLATE/bug_report.md`), as repository paths."""
    rules = rules_for(version or DEFAULT_VERSION)
    found: dict[Layout, list[str]] = {}
    for layout in layouts:
        base = layout.sources.strip("/") if layout.sources not in ("", ".") else ""
        output = layout.container
        for folder, subfolders, files in os.walk(os.path.join(root, base) if base else root):
            relative = os.path.relpath(folder, root).replace(os.sep, "/")
            relative = "" if relative == "." else relative
            if relative == output:
                subfolders.clear()
                continue
            for name in files:
                path = f"{relative}/{name}" if relative else name
                parts = tuple(path[len(base) + 1 :].split("/") if base else path.split("/"))
                if rules.plan_only(parts):
                    found.setdefault(layout, []).append(path)
    return found


@dataclass(frozen=True)
class PlanGap:
    """Current pages co-op-translator's plan lists as outdated because their metadata is the
    inline block, which its run reads and its plan does not; `tokens` is what they cost."""

    pages: int
    languages: int
    tokens: int


def inline_gap(
    root: Path,
    entries: Sequence[TranslationEntry],
    read: Reader,
    version: str | None = None,
    *,
    use_cache: bool = True,
) -> PlanGap | None:
    """Only pages with inline metadata and no sidecar record are read again, and only when one
    of the files the answer depends on changed since the last run (told by their stat
    signatures, nothing read): the note must not cost `status` what the scan costs. A file
    the reader refuses (a symbolic link out of the repository) reads as absent: a note never
    stops the report it is added to."""
    version = version or DEFAULT_VERSION
    cache = Cache.open(root, "coop-gap", version, enabled=use_cache)
    key = _inputs_key(root, entries) if cache.enabled else None
    known = cache.get(key) if key is not None else None
    if known is not None:
        return PlanGap(*known) if known else None
    gap = _inline_gap(entries, read, version)
    if key is not None:
        cache.put(key, [gap.pages, gap.languages, gap.tokens] if gap else [])
        cache.save()
    return gap


def _inputs_key(root: Path, entries: Sequence[TranslationEntry]) -> str | None:
    """What the gap is computed from: the pages it re-reads, their sources, every folder's
    sidecar, by their stat signatures (None while one of them is too new to be told apart
    from its next version by signature: the gap is computed and not kept)."""
    paths = {path for entry in entries if _inline_only(entry) for path in _pair(entry)}
    paths |= {f"{entry.folder.path}/{SIDECAR_NAME}" for entry in entries if entry.folder}
    lines = []
    for path in sorted(paths):
        try:
            status = os.stat(os.path.join(root, path))  # no file is opened for the key
        except OSError:
            lines.append(f"{path}\t-")
            continue
        if not settled(status):
            return None
        lines.append(f"{path}\t{signature(status)}")
    return md5_hex("\n".join(lines).encode("utf-8", "surrogateescape"))


def _pair(entry: TranslationEntry) -> tuple[str, str]:
    return entry.translation, entry.source


def _inline_gap(entries: Iterable[TranslationEntry], read: Reader, version: str) -> PlanGap | None:
    def read_or_none(path: str) -> bytes | None:
        try:
            return read(path)
        except TransyncError:
            return None

    plan = forecast(entries, read_or_none, version=version, keep=_inline_only)
    pages = [
        (language.language, page)
        for language in plan.languages
        for page in language.disagreements
        if page.decision.bucket is Bucket.OUTDATED and page.reason is None
    ]
    if not pages:
        return None
    return PlanGap(
        len(pages),
        len({language for language, _ in pages}),
        sum(page.tokens for _, page in pages),
    )


def _inline_only(entry: TranslationEntry) -> bool:
    """A current page whose only record is inline (a stale one is outdated to both)."""
    if entry.state is not State.CURRENT:
        return False
    origins = {record.origin for record in entry.records}
    return MetadataOrigin.INLINE in origins and MetadataOrigin.SIDECAR not in origins
