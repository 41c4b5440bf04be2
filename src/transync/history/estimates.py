"""Estimates: translations without metadata, judged from git history.

A translation that carries no co-op-translator metadata has no stored hash to compare, but
git knows when it was last written. Like Lunaria, the Kubernetes website's `lsync.sh` and the
Linux kernel's `checktransupdate.py`, a translation is estimated `outdated` when its source
has commits after the translation's last commit, and those commits are what it missed. Both
sides follow renames: a source renamed since keeps its history, and a translation moved (by
hand or by `transync relocate`) keeps the date it was written. A translation whose source
path no longer exists, where history shows the source renamed or its folder moved, is `moved`.

The entry keeps its exact state (`untracked`); the estimate rides beside it with its basis,
and its `Provenance` is filled as for a stale translation, so `diff` shows what to port.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from transync.errors import TransyncError
from transync.hashing import md5_hex
from transync.history.git_log import History, Version
from transync.history.log_records import FileChange
from transync.history.objects import UnreadableObject
from transync.history.provenance import ORIGIN_COMMIT, ORIGIN_UNKNOWN, SHALLOW, Historian
from transync.history.reach import SHALLOW_DETAIL, estimable
from transync.model import (
    Change,
    CommitRef,
    Estimate,
    EstimatedState,
    Provenance,
    State,
    TranslationEntry,
)
from transync.paths import is_within, join

NOT_COMMITTED = "the translation is not committed: git cannot tell when it was written"
UNCOMMITTED = "the source has uncommitted changes since the translation's last commit"


@dataclass(frozen=True)
class _Move:
    target: str
    by: str


class Estimator:
    """Estimates for one scan: the sources' history (through the historian), the translations'
    own history, and every commit's place in HEAD's history to compare the two."""

    def __init__(
        self,
        root: Path,
        historian: Historian,
        translations: History,
        order: dict[str, int],
        boundary: frozenset[str] = frozenset(),
    ) -> None:
        self.root = root
        self.historian = historian
        self.history = historian.history
        self.translations = translations
        # Position in `git rev-list --topo-order HEAD`: 0 is HEAD, larger is older.
        self.order = order
        self._renames: dict[int, list[tuple[str, str]]] = {}
        # A shallow clone's oldest commits: a file they show as added may be older.
        self.boundary = boundary

    def estimate(self, entry: TranslationEntry) -> TranslationEntry:
        written = self.translations.last_written(entry.translation)
        if written is None:
            return replace(entry, estimate=Estimate(EstimatedState.UNKNOWN, detail=NOT_COMMITTED))
        commit = self.translations.commits[written]
        if commit.id in self.boundary:
            return replace(
                entry,
                estimate=Estimate(EstimatedState.UNKNOWN, commit, SHALLOW_DETAIL),
                provenance=Provenance(ORIGIN_UNKNOWN, reason=SHALLOW, detail=SHALLOW_DETAIL),
            )
        source, removed_in, move = entry.source, None, None
        if not (self.root / source).is_file():
            removal = self.history.removal(source)
            if removal is None:
                detail = f"{source} does not exist, and no commit of this history removed it"
                return replace(entry, estimate=Estimate(EstimatedState.UNKNOWN, commit, detail))
            removed_in = self.history.commits[removal.commit]
            move = self._moved(source, removal)
            if move is None:
                provenance = Provenance(
                    ORIGIN_UNKNOWN,
                    detail=f"{source} was removed in {removed_in.short}",
                    removed_in=removed_in,
                )
                state = EstimatedState.REMOVED
                estimate = Estimate(state, commit, provenance.detail)
                return replace(entry, estimate=estimate, provenance=provenance)
            source = move.target
        provenance = self._provenance(entry, source, commit)
        if provenance.last_changed is None:  # the source was never committed
            estimate = Estimate(EstimatedState.UNKNOWN, commit, provenance.detail)
            return replace(entry, estimate=estimate, provenance=provenance)
        if move is not None:
            provenance = replace(
                provenance, removed_in=removed_in, moved_to=move.target, moved_by=move.by
            )
            state = EstimatedState.MOVED
        else:
            outdated = provenance.missed or provenance.detail == UNCOMMITTED
            state = EstimatedState.OUTDATED if outdated else EstimatedState.UP_TO_DATE
        return replace(
            entry,
            estimate=Estimate(state, commit, provenance.detail),
            provenance=provenance,
        )

    def _provenance(self, entry: TranslationEntry, source: str, commit: CommitRef) -> Provenance:
        """The source's side: its version when the translation was written, the commits since."""
        versions = self.historian.versions(source)
        if not versions:
            return Provenance(ORIGIN_UNKNOWN, detail=f"{source} was never committed")
        position = self.order.get(commit.id, -1)
        newer = [version for version in versions if self._position(version) < position]
        older = versions[len(newer) :]
        missed = tuple(self.historian.ref(version) for version in reversed(newer))
        base = older[0] if older else None
        stale_since = missed[0] if missed else None
        historian = self.historian
        edited = base is not None and not missed and self._edited_since(base, source)
        if base is None:
            detail: str | None = f"{source} was first committed after the translation's last commit"
        elif edited:
            detail = UNCOMMITTED
        else:
            detail = None
        return Provenance(
            origin=ORIGIN_COMMIT if base is not None else ORIGIN_UNKNOWN,
            detail=detail,
            translated_from=historian.ref(base) if base is not None else None,
            stale_since=stale_since,
            missed=missed,
            last_changed=historian.ref(versions[0]) if versions else None,
            days_behind=historian.days_since(stale_since.date) if stale_since else None,
            days_since_translation=historian.days_since(commit.date),
            change=self._change(base, entry, source)
            if base is not None and (missed or edited)
            else None,
            source_blob=base.blob if base is not None else None,
        )

    def _edited_since(self, version: Version, source: str) -> bool:
        """Whether the source on disk differs from `version` (a CRLF checkout of an LF blob
        does not)."""
        try:
            digest = md5_hex((self.root / source).read_bytes())
        except OSError:
            return False
        try:
            stored = self.historian.hashes(version.blob)
        except UnreadableObject:
            return False  # git cannot read that version: the history gaps say so
        return digest not in (stored.raw, stored.crlf)

    def _position(self, version: Version) -> int:
        return self.order.get(self.history.commits[version.commit].id, -1)

    def _change(self, base: Version, entry: TranslationEntry, source: str) -> Change | None:
        try:
            digest = md5_hex((self.root / source).read_bytes())
        except OSError:
            return None
        return self.historian.change(base, replace(entry, source=source, current_hash=digest))

    def _moved(self, source: str, removal: FileChange) -> _Move | None:
        """Where a removed source went: its own rename, followed to today; else the move of
        its folder, seen in the other renames of the commit that removed it."""
        if removal.old_path == source:
            target = self.history.followed(removal)
            if target is not None and (self.root / target).is_file():
                return _Move(target, "rename")
        renames = self._renames.get(removal.commit)
        if renames is None:  # asked once per commit, however many translations it moved
            renames = self._renames[removal.commit] = list(self.history.renamed_in(removal.commit))
        for old, new in renames:
            old_folder, new_folder = _moved_folder(old, new)
            if old_folder and is_within(posixpath.dirname(source), old_folder):
                target = join(new_folder, source[len(old_folder) + 1 :])
                if (self.root / target).is_file():
                    return _Move(target, "folder-moved")
        return None


def _last_line(error: Exception) -> str:
    lines = (getattr(error, "stderr", None) or str(error)).strip().splitlines()
    return lines[-1].strip() if lines else type(error).__name__


def _boundary(history: History) -> frozenset[str]:
    """The commits a shallow clone stops at (git lists them in `.git/shallow`)."""
    if not history.shallow:
        return frozenset()
    # Relative to the folder git runs in: the work tree's top.
    listed = Path(history.repo.working_tree_dir or ".") / history.repo.git.rev_parse(
        "--git-path", "shallow"
    )
    try:
        return frozenset(listed.read_text().split())
    except OSError:
        return frozenset()


def _moved_folder(old: str, new: str) -> tuple[str, str]:
    """The folders a rename moved between: `a/01-Intro/x.md` -> `a/01-Introduction/x.md`
    gives (`a/01-Intro`, `a/01-Introduction`); the shared tail of the two paths is dropped."""
    old_parts, new_parts = old.split("/")[:-1], new.split("/")[:-1]
    while old_parts and new_parts and old_parts[-1] == new_parts[-1]:
        old_parts.pop()
        new_parts.pop()
    if not old_parts:
        return "", ""
    return "/".join(old_parts), "/".join(new_parts)


def estimate_all(
    root: Path, entries: Iterable[TranslationEntry], historian: Historian, folders: list[str]
) -> tuple[TranslationEntry, ...]:
    """`entries` with an estimate on every untracked page or notebook (others unchanged)."""
    from transync.history.git_log import open_history

    entries = tuple(entries)
    try:
        translations = open_history(root, (), only=folders)
        listed = historian.history.commit_ids()
    except TransyncError as error:
        # History that cannot be read leaves the estimates unknown, never the scan failed.
        reason = _last_line(error).removeprefix(f"{root}: ")
        detail = f"the translations' git history cannot be read ({reason})"
        unknown = Estimate(EstimatedState.UNKNOWN, detail=detail)
        return tuple(
            replace(entry, estimate=unknown) if estimable(entry) else entry for entry in entries
        )
    if translations is None:
        return entries
    order = {commit: position for position, commit in enumerate(listed)}
    estimator = Estimator(root, historian, translations, order, _boundary(historian.history))
    return tuple(estimator.estimate(entry) if estimable(entry) else entry for entry in entries)


# The exact state an estimate stands for, when the configuration counts estimates.
_COUNTED_AS = {
    EstimatedState.UP_TO_DATE: State.CURRENT,
    EstimatedState.OUTDATED: State.STALE,
    EstimatedState.MOVED: State.ORPHAN,
    EstimatedState.REMOVED: State.ORPHAN,
}


def counted(entries: Iterable[TranslationEntry]) -> tuple[TranslationEntry, ...]:
    """Estimated entries in the state they estimate (`estimates = "count"`), their estimate
    kept so that every output still labels them; unknown ones stay untracked."""
    return tuple(
        replace(entry, state=_COUNTED_AS[entry.estimate.state])
        if entry.estimate is not None and entry.estimate.state in _COUNTED_AS
        else entry
        for entry in entries
    )
