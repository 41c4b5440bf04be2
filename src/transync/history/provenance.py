"""Provenance of one stale or orphaned translation, from the indexed history of HEAD.

The stored hash is the MD5 of the source as co-op-translator read it. Finding the newest
committed version with that MD5 tells what the translation was made from; the commits that
changed the source after it are what the translator missed.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from transync.fileio import read_inside
from transync.hashing import md5_hex
from transync.history.blob_hashes import BlobDigest, BlobHashes
from transync.history.changes import as_text, classify_change
from transync.history.git_log import History, Version
from transync.history.objects import UnreadableObject
from transync.history.store import Store
from transync.matching import SequenceMatcher
from transync.model import Change, ChangeKind, CommitRef, Provenance, TranslationEntry

ORIGIN_COMMIT = "commit"
ORIGIN_UNKNOWN = "unknown"
SHALLOW = "shallow-clone"
NO_MATCH = "no-matching-version"
NOT_COMMITTED = "not-committed"
UNREADABLE = "history-unreadable"
CRLF_NOTE = (
    "the stored hash matches this commit's version with CRLF line endings: git stores the file"
    " with LF (core.autocrlf or .gitattributes) and the translation was made from a CRLF checkout"
)
_KINDS = frozenset(kind.value for kind in ChangeKind)
# A moved file edited in the same commit is still recognised down to this similarity.
SIMILAR_ENOUGH = 0.6


class Historian:
    """Answers provenance questions for one scan, sharing the history and the blob digests."""

    def __init__(
        self,
        root: Path,
        history: History,
        hashes: BlobHashes,
        changes: Store,
        now: datetime,
        similarities: Store | None = None,
    ) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.history = history
        self.hashes = hashes
        self.changes = changes
        self.now = now
        self.similarities = similarities if similarities is not None else Store(None)
        self._versions: dict[str, list[Version]] = {}
        self._by_hash: dict[str, list[str]] | None = None
        # Every language's orphan of one removed source asks the same questions: once a run.
        self._moved: dict[tuple[str, str, int], str | None] = {}
        self._added: dict[int, frozenset[str]] = {}
        self._texts: dict[str, tuple[str, str] | None] = {}
        self._named: dict[str, set[str]] | None = None  # history's paths by file name

    def versions(self, source: str) -> list[Version]:
        """Each source's versions are computed once, however many languages ask."""
        found = self._versions.get(source)
        if found is None:
            found = self._versions[source] = self.history.versions(source)
        return found

    def match(self, versions: list[Version], stored: str) -> tuple[int, bool] | None:
        """Index of the newest version with the stored hash, and whether only CRLF matched;
        versions git cannot read are passed over (`unreadable` says whether any was)."""
        digests = [self._digest(version) for version in versions]
        for index, digest in enumerate(digests):
            if digest is not None and digest.raw == stored:
                return index, False
        for index, digest in enumerate(digests):
            if digest is not None and digest.crlf == stored:
                return index, True
        return None

    def _digest(self, version: Version) -> BlobDigest | None:
        try:
            return self.hashes(version.blob)
        except UnreadableObject:
            return None

    def unreadable(self, versions: list[Version]) -> bool:
        return any(version.blob in self.history.gaps.unreadable for version in versions)

    def ref(self, version: Version) -> CommitRef:
        return self.history.commits[version.commit]

    # -- stale ----------------------------------------------------------------------------------

    def stale(self, entry: TranslationEntry) -> Provenance:
        versions = self.versions(entry.source)
        base = Provenance(
            origin=ORIGIN_UNKNOWN,
            last_changed=self.ref(versions[0]) if versions else None,
            days_since_translation=self.days_since(entry.translated_at),
        )
        found = self.match(versions, entry.stored_hash or "")
        if found is None:
            return self._unknown(base, entry.source, versions)
        index, crlf = found
        missed = tuple(self.ref(version) for version in reversed(versions[:index]))
        stale_since = missed[0] if missed else None
        return Provenance(
            origin=ORIGIN_COMMIT,
            detail=self._remark(index == len(versions) - 1, bool(missed)),
            translated_from=self.ref(versions[index]),
            stale_since=stale_since,
            missed=missed,
            last_changed=base.last_changed,
            days_behind=self.days_since(stale_since.date) if stale_since else None,
            days_since_translation=base.days_since_translation,
            change=self.change(versions[index], entry),
            line_endings=CRLF_NOTE if crlf else None,
            source_blob=versions[index].blob,
        )

    def _remark(self, oldest: bool, missed: bool) -> str | None:
        if oldest and self.history.shallow:
            return (
                "the clone is shallow: this is its oldest version of the source, which may have"
                " been written by an older commit"
            )
        return None if missed else "the source has uncommitted changes since this commit"

    def _unknown(self, base: Provenance, source: str, versions: list[Version]) -> Provenance:
        gaps = self.history.gaps
        if gaps.walk is not None:
            return _with(
                base, reason=UNREADABLE, detail=f"git cannot walk the history: {gaps.walk}"
            )
        if self.unreadable(versions):
            return _with(
                base,
                reason=UNREADABLE,
                detail=f"git cannot read some committed versions of {source} (a partial clone"
                " without its promisor remote, or a damaged repository)",
            )
        if self.history.shallow:
            return _with(
                base,
                reason=SHALLOW,
                detail="no version of the source in this shallow clone has the stored hash;"
                " `git fetch --unshallow` brings the older versions",
            )
        if not versions:
            return _with(base, reason=NOT_COMMITTED, detail=f"{source} was never committed")
        return _with(
            base,
            reason=NO_MATCH,
            detail=f"no committed version of {source} has the stored hash: the translation was"
            " made from an uncommitted edit of the source, or the history was rewritten",
        )

    def change(self, version: Version, entry: TranslationEntry) -> Change | None:
        """Classified once per base blob and current source content, ever: the result is
        kept in the cache, so neither other languages nor later runs classify it again."""
        key = f"{version.blob}:{entry.current_hash}"
        known = self.changes.get(key)
        if isinstance(known, list) and len(known) == 2 and isinstance(known[1], int):
            if known[0] is None:
                return None
            if known[0] in _KINDS:
                return Change(ChangeKind(known[0]), known[1])
        change = self._classify(version, entry.source)
        self.changes.put(key, [change.kind.value, change.prose_words] if change else [None, 0])
        return change

    def _classify(self, version: Version, source: str) -> Change | None:
        try:
            new = as_text(read_inside(self.root / source, self.real_root), source)
        except OSError:
            return None
        try:
            old = as_text(self.history.read_blob(version.blob), source)
        except UnreadableObject:
            return None
        if old is None or new is None:
            return None
        return classify_change(old, new)

    # -- orphans --------------------------------------------------------------------------------

    def orphan(self, entry: TranslationEntry) -> Provenance:
        source, stored = entry.source, entry.stored_hash or ""
        base = Provenance(
            origin=ORIGIN_UNKNOWN, days_since_translation=self.days_since(entry.translated_at)
        )
        if self.history.gaps.walk is not None:
            return _with(
                base,
                reason=UNREADABLE,
                detail=f"git cannot walk the history: {self.history.gaps.walk}",
            )
        removal = self.history.removal(source)
        if removal is None:
            committed = bool(self.versions(source))
            detail = (
                f"{source} is deleted in the working tree, not in a commit"
                if committed
                else f"{source} was never committed"
            )
            return _with(base, detail=detail, moved_to=self._same_content(source, stored))
        versions = self.history.versions(source, before=removal.commit)
        found = self.match(versions, stored)
        if found is not None:
            base = _with(
                base,
                origin=ORIGIN_COMMIT,
                translated_from=self.ref(versions[found[0]]),
                line_endings=CRLF_NOTE if found[1] else None,
                source_blob=versions[found[0]].blob,
            )
        base = _with(
            base,
            removed_in=self.history.commits[removal.commit],
            last_changed=self.ref(versions[0]) if versions else None,
        )
        if removal.old_path == source:
            moved = self.history.followed(removal)
            if moved is not None and (self.root / moved).is_file():
                return _with(base, moved_to=moved, moved_by="rename")
        by_content = self._same_content(source, stored)
        if by_content is not None:
            return _with(base, moved_to=by_content, moved_by="same-content")
        if versions:
            similar = self._similar(source, versions[0], removal.commit)
            if similar is not None:
                return _with(base, moved_to=similar, moved_by="similar-content")
        return base

    def _same_content(self, source: str, stored: str) -> str | None:
        """An existing file, elsewhere, one of whose committed versions has the stored hash."""
        if self._by_hash is None:
            self._by_hash = {}
            for path in self.history.paths():
                if posixpath.splitext(path)[1] != posixpath.splitext(source)[1]:
                    continue
                if not (self.root / path).is_file():
                    continue
                for version in self.history.versions(path):
                    digest = self._digest(version)
                    if digest is not None:
                        self._by_hash.setdefault(digest.raw, []).append(path)
        candidates = sorted(set(self._by_hash.get(stored, ())) - {source})
        return candidates[0] if candidates else None

    def _similar(self, source: str, last: Version, removed_in: int) -> str | None:
        """The existing file most like the removed one's last version, if close enough:
        candidates are the files added by the removing commit and files of the same name."""
        key = (source, last.blob, removed_in)
        if key not in self._moved:
            self._moved[key] = self._most_similar(source, last, removed_in)
        return self._moved[key]

    def _most_similar(self, source: str, last: Version, removed_in: int) -> str | None:
        name = posixpath.basename(source)
        if removed_in not in self._added:
            self._added[removed_in] = frozenset(self.history.added_in(removed_in))
        if self._named is None:
            self._named = {}
            for path in self.history.paths():
                self._named.setdefault(posixpath.basename(path), set()).add(path)
        candidates = self._added[removed_in] | self._named.get(name, set())
        best, best_ratio = None, SIMILAR_ENOUGH
        matcher: SequenceMatcher[str] | None = None
        for path in sorted(candidates - {source}):
            found = self._text(path)
            if found is None:
                continue
            digest, text = found
            # Depends only on the two contents and how each is read (a notebook as its
            # Markdown): kept across runs by blob id and digest. A value under SIMILAR_ENOUGH
            # may be quick_ratio's upper bound: too low either way.
            key = f"{last.blob}:{_reading(source)}:{digest}:{_reading(path)}"
            ratio = self.similarities.get(key)
            if not isinstance(ratio, float | int):
                if matcher is None:
                    try:
                        old = as_text(self.history.read_blob(last.blob), source)
                    except UnreadableObject:
                        return None
                    if old is None:
                        return None
                    matcher = SequenceMatcher(None, autojunk=False)
                    matcher.set_seq1(old.splitlines())
                matcher.set_seq2(text.splitlines())
                ratio = matcher.quick_ratio()  # cheap, and never below the ratio
                if ratio >= SIMILAR_ENOUGH:
                    ratio = matcher.ratio()
                self.similarities.put(key, ratio)
            if ratio >= best_ratio:
                best, best_ratio = path, ratio
        return best

    def _text(self, path: str) -> tuple[str, str] | None:
        """A candidate's digest and text, read once a run."""
        if path not in self._texts:
            try:
                data = read_inside(self.root / path, self.real_root)
            except OSError:
                self._texts[path] = None
            else:
                text = as_text(data, path)
                self._texts[path] = None if text is None else (md5_hex(data), text)
        return self._texts[path]

    def days_since(self, stamp: str | None) -> int | None:
        if not stamp:
            return None
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.tzinfo is None:
            return None
        return max(0, (self.now - moment).days)


def _with(provenance: Provenance, **changes: Any) -> Provenance:
    return replace(provenance, **changes)


def _reading(path: str) -> str:
    """How `as_text` reads a file at `path`: notebooks as their Markdown, others as text."""
    return "notebook" if path.lower().endswith(".ipynb") else "text"
