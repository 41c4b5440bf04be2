"""Classification: one state per language x file, from the inventory, metadata and hashes.

This is the only stage that reads translated files and hashes sources. It reads each file
once, each sidecar once and each source once, whatever the number of languages.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from transync.classify.images import flat_image_entry
from transync.classify.sidecars import dangling_findings, dangling_keys, read_folder_sidecar
from transync.discover import Inventory
from transync.discover.tree import SourceHashes, Tree, WorkTree
from transync.metadata.inline import read_inline
from transync.metadata.notebook import read_notebook
from transync.metadata.own_text import may_be_gutted, text_amount
from transync.metadata.sidecar import Sidecar
from transync.model import (
    FailureRecord,
    Finding,
    Kind,
    LanguageFolder,
    MetadataOrigin,
    MetadataProblem,
    MetadataRecord,
    State,
    TextAmount,
    TranslationEntry,
)
from transync.paths import UnsafePath, join, matches_any, normalise_source_file, relative_to

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Classification:
    entries: tuple[TranslationEntry, ...]
    findings: tuple[Finding, ...]
    # Files no content check may read, though an untracked translation sits at their path.
    refused_sources: frozenset[str] = frozenset()


def classify(
    root: Path,
    inventory: Inventory,
    languages: frozenset[str] = frozenset(),
    advance: Progress | None = None,
    tree: Tree | None = None,
    *,
    measure: bool = True,
) -> Classification:
    """Judge every translation (restricted to `languages` when given), reading files from
    `tree` (default: the files under `root`; `transync trend` passes a commit's tree).
    `measure` weighs the text of the pages small beside their source (`TextAmount`), for
    the `empty` check; a trend, which counts states only, goes without.

    Serial on purpose: reading and parsing a translated file is ~10 us of the ~35 us each
    costs, and shipping results back from worker processes ate the gain (10k files on
    2 cores: 0.69 s serial, 0.80 s with two workers; see docs/benchmarks.md).
    """
    judge = _Judge(tree if tree is not None else WorkTree(root), measure)
    entries: list[TranslationEntry] = []
    with cyclic_collection_paused():
        for folder in inventory.folders:
            if languages and folder.code not in languages:
                continue
            paths = inventory.translations[folder]
            entries.extend(judge.folder(folder, paths, inventory.sources[folder.layout]))
            if advance:
                advance(len(paths))
        for folder in inventory.image_folders:
            if not languages or folder.code in languages:
                entries.extend(judge.images(folder, inventory.exclude))
        entries.extend(
            flat_image_entry(image)
            for image in inventory.flat_images
            if not languages or image.name.language in languages
        )
    return Classification(
        tuple(entries), (*judge.findings, *judge.tree.notes()), frozenset(judge.refused)
    )


@contextmanager
def cyclic_collection_paused() -> Iterator[None]:
    """Classifying builds several objects per file (records, entries, strings), all kept and
    none in a reference cycle: Python's cyclic collector, triggered by the allocations,
    traversed them again and again for nothing to free (10% of a 50,000-file status).
    Reference counting frees as usual meanwhile; the collector's state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text_amount(data: bytes, path: str) -> int:
    """`text_amount` as a reader: a tree may remember it by the file."""
    return text_amount(data)


def _kind(path: str) -> Kind:
    return Kind.NOTEBOOK if path.lower().endswith(".ipynb") else Kind.MARKDOWN


class _Judgement(NamedTuple):
    """What `_Judge` concluded about one translation; `source` None: use the path's source."""

    state: State
    source: str | None
    note: str | None = None
    current_hash: str | None = None
    failure: FailureRecord | None = None


@dataclass(frozen=True)
class _SourceFacts:
    """A source as found on disk: unusable (`problem`), absent (no digest) or hashed."""

    problem: str | None = None
    digest: str | None = None


class _Judge:
    def __init__(self, tree: Tree, measure: bool) -> None:
        self.tree = tree
        self.measure = measure
        self.hashes = SourceHashes(tree)
        self.sources: dict[str, _SourceFacts] = {}
        self.source_sizes: dict[str, tuple[int, int]] = {}
        self._names: dict[tuple[str, str | None], tuple[str, str] | str] = {}
        self.findings: list[Finding] = []
        # Sources at the path of untracked translations that may never be read.
        self.refused: set[str] = set()

    # -- documents ----------------------------------------------------------------------------

    def folder(
        self, folder: LanguageFolder, translations: tuple[str, ...], sources: frozenset[str]
    ) -> Iterator[TranslationEntry]:
        sidecar = self._sidecar(folder)
        claimed: set[str] = set()
        present: set[str] = set()
        for path in translations:
            entry = self._document(folder, path, sidecar)
            claimed.add(entry.source)
            present.add(path)
            yield entry
        unclaimed = dangling_keys(folder, sidecar, claimed | present, sources)
        self.findings += dangling_findings(folder, sidecar, unclaimed)
        for source in sorted(sources - claimed):
            expected = join(
                folder.path,
                folder.layout.translation_key(
                    relative_to(source, folder.layout.sources), folder.code
                ),
            )
            if expected not in present:
                key = relative_to(source, folder.layout.sources)
                yield self._missing(
                    folder, source, expected, sidecar.records.get(key), sidecar.failures.get(key)
                )

    def _document(self, folder: LanguageFolder, path: str, sidecar: Sidecar) -> TranslationEntry:
        key = relative_to(path, folder.path)
        kind = _kind(path)
        found = [sidecar.records.get(key), self._in_file(path, kind)]
        if sidecar.error and found[0] is None:
            found.append(
                MetadataProblem(MetadataOrigin.SIDECAR, sidecar.location, None, sidecar.error)
            )
        entry = self._verdict(folder, kind, path, key, found, sidecar.failures)
        if self.measure and kind is Kind.MARKDOWN and entry.current_hash is not None:
            return self._weighed(entry)
        return entry

    def _in_file(self, path: str, kind: Kind) -> MetadataRecord | MetadataProblem | None:
        """What a translated file says about itself: inline block or notebook metadata."""
        try:
            # The whole file: a metadata block further down or a second block must be seen
            # (reading only a 4 KB head would save ~0.04 s per 10,000 files and miss them).
            return self.tree.parse(path, read_notebook if kind is Kind.NOTEBOOK else read_inline)
        except OSError as error:
            return MetadataProblem(
                MetadataOrigin.INLINE, path, None, f"cannot read: {error.strerror}"
            )

    def _weighed(self, entry: TranslationEntry) -> TranslationEntry:
        """The entry with its text measured, when the page is small beside its source."""
        try:
            source_bytes, source_text = self._source_size(entry.source)
            if not may_be_gutted(self.tree.size(entry.translation), source_bytes):
                return entry
            amount = self.tree.parse(entry.translation, _text_amount)
        except OSError:
            return entry
        return replace(entry, text=TextAmount(amount, source_text))

    def _source_size(self, source: str) -> tuple[int, int]:
        """A source's size and the amount of its text, once per scan."""
        size = self.source_sizes.get(source)
        if size is None:
            data = self.tree.read(source)
            size = self.source_sizes[source] = (len(data), text_amount(data))
        return size

    # -- images -------------------------------------------------------------------------------

    def images(
        self, folder: LanguageFolder, exclude: tuple[str, ...]
    ) -> Iterator[TranslationEntry]:
        """Image translations exist only through their sidecar, keyed by file name; those
        `exclude` matches are left out."""
        sidecar = self._sidecar(folder)
        dangling = []
        for name, record in sorted(sidecar.records.items()):
            path = join(folder.path, name)
            if exclude and matches_any(path, exclude):
                continue
            if self.tree.lexists(path):
                yield self._verdict(folder, Kind.IMAGE, path, name, [record], sidecar.failures)
            else:
                dangling.append(name)
        self.findings += dangling_findings(folder, sidecar, dangling)

    # -- shared -------------------------------------------------------------------------------

    def _verdict(
        self,
        folder: LanguageFolder,
        kind: Kind,
        path: str,
        key: str,
        found: list[MetadataRecord | MetadataProblem | None],
        failures: Mapping[str, FailureRecord],
    ) -> TranslationEntry:
        records = tuple([item for item in found if isinstance(item, MetadataRecord)])
        problems = tuple([item for item in found if isinstance(item, MetadataProblem)])
        record = records[0] if records else None
        judgement = (
            self._judge(folder, kind, path, record, failures)
            if record
            else _Judgement(
                State.INVALID_METADATA,
                join(folder.layout.sources, folder.layout.source_key(key, folder.code)),
                problems[0].reason,
            )
            if problems
            else self._untracked(
                join(folder.layout.sources, folder.layout.source_key(key, folder.code))
            )
        )
        # An unusable source_file leaves the translation judged against its path's source.
        source = judgement.source or join(
            folder.layout.sources, folder.layout.source_key(key, folder.code)
        )
        # Built once, here (dataclasses.replace per step cost a third of the scan time).
        return TranslationEntry(
            language=folder.code,
            state=judgement.state,
            kind=kind,
            source=source,
            translation=path,
            stored_hash=record.original_hash if record else None,
            current_hash=judgement.current_hash,
            translated_at=record.translation_date if record else None,
            folder=folder,
            record=record,
            records=records,
            problems=problems,
            failure=judgement.failure,
            note=judgement.note,
        )

    def _judge(
        self,
        folder: LanguageFolder,
        kind: Kind,
        path: str,
        record: MetadataRecord,
        failures: Mapping[str, FailureRecord],
    ) -> _Judgement:
        """The state a record puts a translation in, checking its source first."""
        named = self._named_source(
            record.source_file, folder.layout.sources if kind is not Kind.IMAGE else None
        )
        if isinstance(named, str):
            return _Judgement(State.INVALID_METADATA, None, f"'source_file' {named}")
        source_key, source = named
        if source == path:
            return _Judgement(
                State.INVALID_METADATA, source, "'source_file' names the translation itself"
            )
        facts = self._source(source)
        if facts.problem is not None:
            return _Judgement(State.INVALID_METADATA, source, facts.problem)
        if facts.digest is None:
            return _Judgement(State.ORPHAN, source)
        failure = failures.get(source_key)
        if failure is not None and failure.original_hash == facts.digest:
            return _Judgement(State.FAILED, source, current_hash=facts.digest, failure=failure)
        if record.original_hash == facts.digest:
            return _Judgement(State.CURRENT, source, current_hash=facts.digest)
        hint = self.hashes.line_ending_hint(source, record.original_hash)
        return _Judgement(State.STALE, source, hint, current_hash=facts.digest)

    def _named_source(self, source_file: str, sources: str | None) -> tuple[str, str] | str:
        """The key and path of the source a `source_file` names under `sources` (None: the
        root, for images), or why it names none; once per scan for each value, which every
        language of a page repeats."""
        found = self._names.get((source_file, sources))
        if found is None:
            try:
                key = normalise_source_file(source_file)
                found = (key, join(sources, key) if sources is not None else key)
            except UnsafePath as error:
                found = str(error)
            self._names[(source_file, sources)] = found
        return found

    def _untracked(self, source: str) -> _Judgement:
        """A translation without metadata is compared with the source at its path, unless
        that file may never be a source (ignored by git, inside `.git/`): then it is not
        read, and the content checks leave the pair alone."""
        refusal = self.tree.not_a_source(source)
        if refusal is not None:
            self.refused.add(source)
        return _Judgement(
            State.UNTRACKED, source, f"its source {source} {refusal}" if refusal else None
        )

    def _source(self, source: str) -> _SourceFacts:
        """What a source is, found out once per scan however many languages translate it."""
        facts = self.sources.get(source)
        if facts is None:
            facts = self.sources[source] = self._inspect(source)
        return facts

    def _inspect(self, source: str) -> _SourceFacts:
        """Nothing outside the root is read (symbolic links are followed only inside it, on
        the file or any folder above it), and nothing but a regular file is opened."""
        refusal = self.tree.not_a_source(source) or self.tree.unreadable(source)
        if refusal is not None:
            return _SourceFacts(problem=f"'source_file' {source} {refusal}")
        if not self.tree.lexists(source):
            return _SourceFacts()
        try:
            return _SourceFacts(digest=self.hashes(source))
        except OSError as error:
            return _SourceFacts(problem=f"cannot read source {source}: {error.strerror}")

    def _sidecar(self, folder: LanguageFolder) -> Sidecar:
        sidecar, findings = read_folder_sidecar(self.tree, folder)
        self.findings += findings
        return sidecar

    def _missing(
        self,
        folder: LanguageFolder,
        source: str,
        expected: str,
        record: MetadataRecord | MetadataProblem | None,
        failure: FailureRecord | None,
    ) -> TranslationEntry:
        kind = _kind(source)
        return TranslationEntry(
            language=folder.code,
            state=State.MISSING,
            kind=kind,
            source=source,
            translation=expected,
            folder=folder,
            records=(record,) if isinstance(record, MetadataRecord) else (),
            failure=failure,
        )
