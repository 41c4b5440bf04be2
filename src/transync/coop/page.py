"""What a co-op-translator rules module is given and what it decides, version-independent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from transync.model import Kind


class Reason(str, Enum):
    """Why co-op-translator's run translates a page (an addition to its plan's items)."""

    NEW = "new"
    SOURCE_CHANGED = "source-changed"
    LINE_COUNT_DRIFT = "line-count-drift"
    FAILED = "failed-last-time"
    NO_METADATA = "no-metadata"


class Bucket(str, Enum):
    """The three lists of co-op-translator's plan (`co-op.translation.plan.v1`)."""

    NEW = "new_files"
    OUTDATED = "outdated_files"
    CURRENT = "current_files"


@dataclass(frozen=True)
class Page:
    """One source and its translation in one language folder, as co-op-translator reads them.

    `key` is the source's path relative to the layout's source root (the sidecar's key);
    `translation` is None when no translated file exists; `sidecar` is the language folder's
    `.co-op-translator.json` as bytes (None when absent). Everything is raw: the rules decode
    and parse the way the modelled version does. `alias_folder`: the folder has an old short
    name (`tw`) that the run renames to the code (`zh-TW`) before it decides. `run_finds`:
    False for a source only the plan finds (in a folder the run excludes, such as `.github`).
    """

    key: str
    kind: Kind
    source: bytes
    translation: bytes | None
    sidecar: bytes | None
    alias_folder: bool = False
    run_finds: bool = True


@dataclass(frozen=True)
class Decision:
    """The modelled version's three verdicts on a page.

    `run`: the reason its `translate` translates the page (None: it leaves the page alone).
    `estimated`: whether its pre-run token estimate counts the page (the estimate decides
    without the inline-to-JSON migration the run does first). `bucket`: where its plan lists it.
    """

    run: Reason | None
    estimated: bool
    bucket: Bucket


class Rules(Protocol):
    VERSION: str

    def plan_only(self, parts: tuple[str, ...]) -> bool: ...

    def decide(self, page: Page) -> Decision: ...

    def tokens(self, source: bytes) -> int: ...

    def words(self, source: bytes) -> int: ...

    def tokenizer(self) -> str: ...
