"""Classification: one state per language x file, from the inventory, metadata and hashes.

This is the only stage that reads translated files and hashes sources. It reads each file
once, each sidecar once and each source once, whatever the number of languages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from transync.discover import SIDECAR_NAME, Inventory
from transync.hashing import SourceHashes
from transync.metadata.inline import read_inline
from transync.metadata.notebook import read_notebook
from transync.metadata.sidecar import Sidecar, read_sidecar
from transync.model import (
    FailureRecord,
    Finding,
    Kind,
    LanguageFolder,
    MetadataOrigin,
    MetadataProblem,
    MetadataRecord,
    Severity,
    State,
    TranslationEntry,
)
from transync.paths import UnsafePath, join, normalise_source_file, relative_to, unreadable_path

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Classification:
    entries: tuple[TranslationEntry, ...]
    findings: tuple[Finding, ...]


def classify(
    root: Path,
    inventory: Inventory,
    languages: frozenset[str] = frozenset(),
    advance: Progress | None = None,
) -> Classification:
    """Judge every translation (restricted to `languages` when given)."""
    judge = _Judge(root)
    entries: list[TranslationEntry] = []
    for folder in inventory.folders:
        if languages and folder.code not in languages:
            continue
        entries.extend(
            judge.folder(folder, inventory.translations[folder], inventory.sources[folder.layout])
        )
        if advance:
            advance(len(inventory.translations[folder]))
    for folder in inventory.image_folders:
        if not languages or folder.code in languages:
            entries.extend(judge.images(folder))
    return Classification(tuple(entries), tuple(judge.findings))


class _Judge:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.hashes = SourceHashes(root)
        self.findings: list[Finding] = []
        self.source_problems: dict[
            str, str | None
        ] = {}  # one realpath per source, not per language

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
        self._report_dangling(folder, sidecar, claimed | present, sources)
        for source in sorted(sources - claimed):
            expected = join(folder.path, relative_to(source, folder.layout.sources))
            if expected not in present:
                key = relative_to(source, folder.layout.sources)
                yield self._missing(
                    folder, source, expected, sidecar.records.get(key), sidecar.failures.get(key)
                )

    def _document(self, folder: LanguageFolder, path: str, sidecar: Sidecar) -> TranslationEntry:
        kind = Kind.NOTEBOOK if path.lower().endswith(".ipynb") else Kind.MARKDOWN
        key = relative_to(path, folder.path)
        found: list[MetadataRecord | MetadataProblem | None] = [sidecar.records.get(key)]
        try:
            data = (self.root / path).read_bytes()
        except OSError as error:
            found.append(
                MetadataProblem(MetadataOrigin.INLINE, path, None, f"cannot read: {error.strerror}")
            )
        else:
            reader = read_notebook if kind is Kind.NOTEBOOK else read_inline
            found.append(reader(data, path))
        if sidecar.error and found[0] is None:
            found.append(
                MetadataProblem(MetadataOrigin.SIDECAR, sidecar.location, None, sidecar.error)
            )
        return self._verdict(folder, kind, path, key, found, sidecar.failures)

    # -- images -------------------------------------------------------------------------------

    def images(self, folder: LanguageFolder) -> Iterator[TranslationEntry]:
        """Image translations exist only through their sidecar, keyed by file name."""
        sidecar = self._sidecar(folder)
        for name, record in sorted(sidecar.records.items()):
            path = join(folder.path, name)
            if os.path.lexists(self.root / path):
                yield self._verdict(folder, Kind.IMAGE, path, name, [record], sidecar.failures)
            else:
                self._dangling(folder, name, record, sidecar)

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
        records = tuple(item for item in found if isinstance(item, MetadataRecord))
        problems = tuple(item for item in found if isinstance(item, MetadataProblem))
        expected_source = join(folder.layout.sources, key)
        base = TranslationEntry(
            language=folder.code,
            state=State.UNTRACKED,
            kind=kind,
            source=expected_source,
            translation=path,
            folder=folder,
            records=records,
            problems=problems,
        )
        if not records:
            if problems:
                return replace(base, state=State.INVALID_METADATA, note=problems[0].reason)
            return base
        record = records[0]
        base = replace(
            base,
            record=record,
            stored_hash=record.original_hash,
            translated_at=record.translation_date,
        )
        try:
            source_key = normalise_source_file(record.source_file)
            source = (
                join(folder.layout.sources, source_key) if kind is not Kind.IMAGE else source_key
            )
        except UnsafePath as error:
            return replace(base, state=State.INVALID_METADATA, note=f"'source_file' {error}")
        base = replace(base, source=source)
        problem = self._source_problem(source, path)
        if problem:
            return replace(base, state=State.INVALID_METADATA, note=problem)
        if not os.path.lexists(self.root / source):
            return replace(base, state=State.ORPHAN)
        try:
            current = self.hashes(source)
        except OSError as error:
            return replace(
                base,
                state=State.INVALID_METADATA,
                note=f"cannot read source {source}: {error.strerror}",
            )
        base = replace(base, current_hash=current)
        failure = failures.get(source_key)
        if failure is not None and failure.original_hash == current:
            return replace(base, state=State.FAILED, failure=failure)
        if record.original_hash == current:
            return replace(base, state=State.CURRENT)
        return replace(
            base, state=State.STALE, note=self.hashes.line_ending_hint(source, record.original_hash)
        )

    def _source_problem(self, source: str, translation: str) -> str | None:
        """Why `source` must not be opened, if it must not: nothing outside the root is read."""
        if source == translation:
            return "'source_file' names the translation itself"
        if source not in self.source_problems:
            refusal = unreadable_path(self.root / source, self.real_root)
            self.source_problems[source] = f"'source_file' {source} {refusal}" if refusal else None
        return self.source_problems[source]

    def _sidecar(self, folder: LanguageFolder) -> Sidecar:
        location = join(folder.path, SIDECAR_NAME)
        full = self.root / location
        refusal = unreadable_path(full, self.real_root)
        try:
            data = full.read_bytes() if refusal is None else b""
        except FileNotFoundError:
            return Sidecar(location)
        except OSError as error:
            sidecar = Sidecar(location, error=f"cannot read: {error.strerror}")
        else:
            sidecar = (
                read_sidecar(data, location)
                if refusal is None
                else Sidecar(location, error=refusal)
            )
        if sidecar.error:
            self.findings.append(
                Finding("invalid-metadata", Severity.ERROR, location, sidecar.error, folder.code)
            )
        for problem in sidecar.problems:
            self.findings.append(
                Finding("invalid-metadata", Severity.WARNING, location, problem.reason, folder.code)
            )
        return sidecar

    def _report_dangling(
        self, folder: LanguageFolder, sidecar: Sidecar, covered: set[str], sources: frozenset[str]
    ) -> None:
        """Sidecar records with neither a translated file nor a source. Those whose source
        still exists are not reported here: the missing entry carries them instead."""
        for key, record in sorted(sidecar.records.items()):
            translation = join(folder.path, key)
            source = join(folder.layout.sources, key)
            if translation not in covered and source not in sources:
                self._dangling(folder, key, record, sidecar)
        for key in sorted(set(sidecar.failures) - set(sidecar.records)):
            if (
                join(folder.path, key) not in covered
                and join(folder.layout.sources, key) not in sources
            ):
                self._dangling(folder, key, sidecar.failures[key], sidecar)

    def _dangling(self, folder: LanguageFolder, key: str, record: object, sidecar: Sidecar) -> None:
        kind = "failure record" if isinstance(record, FailureRecord) else "record"
        self.findings.append(
            Finding(
                "dangling-record",
                Severity.WARNING,
                sidecar.location,
                f"{kind} for {key!r} has no translated file and no source",
                folder.code,
            )
        )

    def _missing(
        self,
        folder: LanguageFolder,
        source: str,
        expected: str,
        record: MetadataRecord | MetadataProblem | None,
        failure: FailureRecord | None,
    ) -> TranslationEntry:
        kind = Kind.NOTEBOOK if source.lower().endswith(".ipynb") else Kind.MARKDOWN
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
