"""Baselines: today's problems written down, so a gate can fail only on new ones.

Entries are matched by `Problem.key` (kind, language, path, message with numbers blanked),
never by line, so edits elsewhere in a file do not turn old problems into new ones. The same
key may appear several times (two identical broken links); each occurrence is counted.
The file is JSON and sorted, so it diffs well when committed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from transync.errors import TransyncError
from transync.fileio import read_bytes, write_atomic
from transync.policy.problems import Problem

SCHEMA = "transync.baseline/1"


@dataclass(frozen=True)
class BaselineEntry:
    key: str
    kind: str
    language: str | None
    path: str
    message: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "key": self.key,
            "kind": self.kind,
            "language": self.language,
            "path": self.path,
            "message": self.message,
        }


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...]

    def counts(self) -> Counter[str]:
        return Counter(entry.key for entry in self.entries)


def entry_of(problem: Problem) -> BaselineEntry:
    return BaselineEntry(problem.key, problem.kind, problem.language, problem.path, problem.message)


def write_baseline(path: Path, problems: Iterable[Problem]) -> Baseline:
    entries = tuple(
        sorted(
            map(entry_of, problems),
            key=lambda entry: (entry.language or "", entry.path, entry.kind, entry.message),
        )
    )
    document = {"schema": SCHEMA, "entries": [entry.as_dict() for entry in entries]}
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return Baseline(str(path), entries)


def read_baseline(path: Path) -> Baseline:
    try:
        document = json.loads(read_bytes(path).decode("utf-8"))
    except FileNotFoundError:
        raise TransyncError(
            f"{path}: baseline not found (create it with --write-baseline {path})"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise TransyncError(f"{path}: cannot read baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise TransyncError(f"{path}: baseline is not valid JSON: {error}") from None
    except RecursionError:
        raise TransyncError(f"{path}: baseline is not valid JSON: nested too deeply") from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise TransyncError(f"{path}: not a transync baseline (expected schema {SCHEMA!r})")
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, list):
        raise TransyncError(f"{path}: baseline 'entries' must be a list")
    entries = []
    for index, item in enumerate(raw_entries):
        if not (
            isinstance(item, dict)
            and all(isinstance(item.get(name), str) for name in ("key", "kind", "path", "message"))
            and (item.get("language") is None or isinstance(item["language"], str))
        ):
            raise TransyncError(
                f"{path}: baseline entry {index} needs string key, kind, path and message"
            )
        entries.append(
            BaselineEntry(
                item["key"], item["kind"], item["language"], item["path"], item["message"]
            )
        )
    return Baseline(str(path), tuple(entries))
