"""The content checks' persistent cache: each pair's findings and what they depend on.

A pair's entry is keyed by both files' digests and holds what else its findings depend on,
checked on every hit: the anchors of linked documents (by digest) and the existence of link
targets. Existence is checked through the nearest existing folder of each target: adding,
removing or renaming an entry changes its folder's mtime, and a whole tree asks about ~70,000
paths in ~2,000 folders, so stat-ing folders is what makes a re-run fast.

What many entries share is stored once and named by its digest: each distinct finding (`f:`),
each run of a source's own findings, which every language of the source repeats (`g:`), and
each folder's signature (`d:`), which every page linking into the folder depends on. On the
5,445-file benchmark course that made the cache half its size, and a re-run checks each
folder and reads each group once.

The cache is kept in files by the pairs' source (`SHARDS` of them): a change to one page
(`check --changed-from`, the pre-commit hook) loads and writes the file holding its pairs,
not the whole tree's.
"""

from __future__ import annotations

import json
import os
import posixpath
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from transync.cache import RACY_NS, Cache
from transync.hashing import md5_hex
from transync.model import Finding, Severity

SHARDS = 16

Signature = list[int] | None  # a folder's inode and mtime; None: it does not exist


class Shards:
    """The cache files of one run, opened when a source of theirs is first asked about."""

    def __init__(self, root: Path, fingerprint: str, *, enabled: bool) -> None:
        self.root = root
        self.fingerprint = fingerprint
        self.enabled = enabled
        self._open: dict[int, Evidence] = {}
        self._folders: dict[str, Signature] = {}  # stat-ed once a run, for every file

    def evidence(self, source: str) -> Evidence:
        shard = int(md5_hex(source.encode("utf-8", "surrogateescape"))[:4], 16) % SHARDS
        return self._shard(shard)

    def save(self, *, keep_unused: bool) -> None:
        """`keep_unused`: the run was over part of the tree; else every file is written, so
        that the entries of sources gone are dropped even from files no source now uses."""
        for shard in range(SHARDS) if not keep_unused else list(self._open):
            self._shard(shard).cache.save(keep_unused=keep_unused)

    def _shard(self, shard: int) -> Evidence:
        found = self._open.get(shard)
        if found is None:
            cache = Cache.open(
                self.root, f"content.{shard:02d}", self.fingerprint, enabled=self.enabled
            )
            found = self._open[shard] = Evidence(cache, str(self.root), self._folders)
        return found


class Evidence:
    """Reads the facts the entries of one cache file depend on, each at most once per run."""

    def __init__(self, cache: Cache, base: str, folders: dict[str, Signature]) -> None:
        self.cache = cache
        self.base = base
        self._folders = folders
        self._findings: dict[str, Finding] = {}
        self._groups: dict[str, list[Finding] | None] = {}
        self._valid_folders: dict[str, bool] = {}
        self._row_keys: dict[int, str] = {}  # by the id of findings alive all run
        self._nearest: dict[str, str] = {}  # a target's folder -> the nearest that exists

    def key(self, language: str, source: str, translation: str, state: str) -> str | None:
        """The entry's key: the pair, and both files' digests (None when one is unreadable:
        never cached, the checks say what they can)."""
        try:
            digests = (
                self.cache.digest(translation, self._full(translation)),
                self.cache.digest(source, self._full(source)),
            )
        except OSError:
            return None
        pair = (language, source, translation, state, *digests)
        return md5_hex("\0".join(pair).encode("utf-8", "surrogateescape"))

    def cached(self, key: str | None) -> list[Finding] | None:
        value = self.cache.get(key) if key is not None else None
        if value is None:
            return None
        try:
            for folder in value["folders"]:
                if not self._valid(folder):
                    return None
            for path, digest in value["anchored"].items():
                if self._digest(path) != digest:
                    return None
            known = self._findings
            findings: list[Finding] = []
            for item in value["findings"]:
                if item.startswith("g:"):
                    group = self._group(item)
                    if group is None:
                        return None
                    findings += group
                    continue
                # Most keys were met earlier in the run: a dict lookup, no call.
                finding = known.get(item) or self._finding(item)
                if finding is None:
                    return None
                findings.append(finding)
        except (AttributeError, KeyError, TypeError, ValueError):
            return None  # an entry of another shape: computed again and replaced
        return findings

    def encode(
        self,
        findings: Iterable[Finding],
        existence: Iterable[str],
        anchored: Iterable[str],
    ) -> dict[str, object] | None:
        """The entry for a pair's outcome: its findings, the paths whose existence it asked
        and the documents whose anchors it read; None when a folder changed too recently to
        trust."""
        folders: dict[str, Signature] = {}
        nearest = self._nearest
        now = time.time_ns()
        for path in existence:
            parent = posixpath.dirname(path)
            folder = nearest.get(parent)
            if folder is None:
                folder = nearest[parent] = self._nearest_folder(parent)
            if folder in folders:
                continue
            signature = folders[folder] = self._folder(folder)
            if signature is not None and now - signature[1] < RACY_NS:
                return None
        return {
            "findings": self._items(findings),
            "folders": [
                self._shared("d:", [folder, signature]) for folder, signature in folders.items()
            ],
            "anchored": {path: self._digest(path) for path in anchored},
        }

    # -- findings -----------------------------------------------------------------------------

    def _items(self, findings: Iterable[Finding]) -> list[str]:
        """The findings as row keys, each run of the source's own findings (no language) as
        one group key, in order."""
        items: list[str] = []
        run: list[str] = []
        for finding in findings:
            if finding.language is None:
                run.append(self._row_key(finding))
                continue
            items += self._grouped(run)
            run = []
            items.append(self._row_key(finding))
        return items + self._grouped(run)

    def _grouped(self, run: list[str]) -> list[str]:
        return [self._shared("g:", run)] if len(run) > 1 else run

    def _group(self, key: str) -> list[Finding] | None:
        if key not in self._groups:
            rows = self.cache.get(key)
            found = [self._finding(row) for row in rows] if isinstance(rows, list) else []
            complete = [finding for finding in found if finding is not None]
            self._groups[key] = complete if complete and len(complete) == len(found) else None
        return self._groups[key]

    def _finding(self, row_key: str) -> Finding | None:
        """Findings are stored once each, under their own key, and entries list the keys; one
        object per distinct finding is made per run."""
        found = self._findings.get(row_key)
        if found is None:
            row = self.cache.get(row_key)
            if row is None:
                return None
            check, severity, path, message, language, line, source, source_line, number = row
            found = self._findings[row_key] = Finding(
                check,
                _SEVERITIES[severity],
                path,
                message,
                language,
                line,
                source=source,
                source_line=source_line,
                count=number,
            )
        return found

    def _row_key(self, finding: Finding) -> str:
        # By identity: a source's own finding is one object in all its languages (a worker
        # makes one, and a batch's results come back sharing it); hashing and comparing
        # 80,000 dataclasses field by field was a sixth of the cold parent's own time. The
        # findings live until the run's end, so no id is reused meanwhile.
        known = self._row_keys.get(id(finding))
        if known is None:
            row = [
                finding.check,
                finding.severity.value,
                finding.path,
                finding.message,
                finding.language,
                finding.line,
                finding.source,
                finding.source_line,
                finding.count,
            ]
            known = self._row_keys[id(finding)] = self._shared("f:", row)
        return known

    def _shared(self, prefix: str, value: Any) -> str:
        """The key `value` is stored under, once per file: 64 bits of its digest (a tree
        holds ~10^4 distinct rows, groups and folder sets: a clash is ~10^-11 likely)."""
        text = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogateescape")
        key = prefix + md5_hex(text)[:16]
        if self.cache.get(key) is None:
            self.cache.put(key, value)
        return key

    # -- folders and documents ----------------------------------------------------------------

    def _valid(self, key: str) -> bool:
        """Whether a folder still has the signature it had."""
        valid = self._valid_folders.get(key)
        if valid is None:
            kept = self.cache.get(key)
            valid = self._valid_folders[key] = (
                isinstance(kept, list) and len(kept) == 2 and self._folder(kept[0]) == kept[1]
            )
        return valid

    def _nearest_folder(self, folder: str) -> str:
        while folder and self._folder(folder) is None:
            folder = posixpath.dirname(folder)
        return folder

    def _folder(self, folder: str) -> Signature:
        if folder not in self._folders:
            try:
                status = os.stat(self._full(folder) if folder else self.base)
            except OSError:
                self._folders[folder] = None
            else:
                self._folders[folder] = [status.st_ino, status.st_mtime_ns]
        return self._folders[folder]

    def _digest(self, path: str) -> str | None:
        try:
            return self.cache.digest(path, self._full(path))
        except OSError:
            return None

    def _full(self, path: str) -> str:
        return f"{self.base}/{path}"  # paths are relative and POSIX: no os.path.join needed


_SEVERITIES = {severity.value: severity for severity in Severity}  # Severity() is slow
