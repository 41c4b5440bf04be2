"""The trend: the status of every language at the last N first-parent commits of HEAD.

Each commit's tree is judged by the same `discover` and `classify` as `transync status`,
reading blobs through one `git cat-file --batch` stream (`history.git_tree`), never a
checkout. Each blob is read and parsed once per run (files rarely change between commits),
source MD5s are kept by blob id in the history store, and each commit's counts are kept by
tree id in the user's cache folder: a second trend over the same commits reads no blob.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from transync import __version__
from transync.classify import classify
from transync.config import Config, config_fingerprint
from transync.discover import SIDECAR_NAME, Inventory, discover
from transync.errors import TransyncError
from transync.history.objects import UnreadableObject, no_fetch_environment
from transync.history.store import Store
from transync.model import Kind, LanguageSummary, ProgressFactory, State
from transync.summary import Counts, summarise_counts
from transync.text import plural

# Per commit tree: {"pages": {language: {state: count}}, "images": {...}}; the key names
# everything the counts depend on. Bump the version when discover or classify judge
# differently, or the shape changes: old counts are dropped.
TREND_CACHE = "trend-counts.v2.json"
_FIELD = "\x1f"


@dataclass(frozen=True)
class TrendPoint:
    """The status at one commit: what `transync status` reports when run at that commit."""

    commit: str
    date: str  # committer date, ISO 8601
    subject: str
    languages: tuple[LanguageSummary, ...]  # by code; empty before anything was translated
    totals: LanguageSummary


@dataclass(frozen=True)
class _Commit:
    commit: str
    tree: str
    date: str
    subject: str


def compute_trend(
    root: Path,
    config: Config,
    limit: int,
    languages: Iterable[str] = (),
    progress: ProgressFactory | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[TrendPoint, ...]:
    """The status at up to `limit` first-parent commits ending at HEAD, oldest first.

    Every commit is judged with `config` (today's configuration), restricted to `languages`
    when given; the newest point is HEAD (uncommitted edits are not in the trend). `progress`
    is told the number of commits not in the cache, then each one done. A commit whose files
    git cannot read (a partial clone's) is left out, and `warn` told so in one line. Raises
    TransyncError when `root` is not in a git work tree with commits.
    """
    from transync.cache_dir import cache_dir

    wanted = frozenset(languages)
    prefix = _git(root, "rev-parse", "--show-prefix")
    commits = _first_parent_commits(root, limit)
    setting = f"{prefix}:{config_fingerprint(config)}:{','.join(sorted(wanted))}:{__version__}"
    store = Store(cache_dir() / TREND_CACHE)
    counted: dict[str, _TreeCounts] = {}
    for commit in commits:
        found = store.get(f"{commit.tree}:{setting}")
        if isinstance(found, dict):
            counted[commit.tree] = _TreeCounts.from_json(found)
    missing = [commit for commit in commits if commit.tree not in counted]
    unreadable: list[str] = []
    if missing:
        advance = progress(len(missing)) if progress else None
        with _Reading(root) as reading:
            for commit in missing:
                try:
                    counts = reading.counts(prefix, commit.tree, config, wanted)
                except UnreadableObject as error:
                    unreadable.append(str(error))
                else:
                    counted[commit.tree] = counts
                    store.put(f"{commit.tree}:{setting}", counts.to_json())
                if advance:
                    advance(1)
    store.save()
    if unreadable and warn is not None:
        warn(
            f"{len(unreadable)} of {plural(len(commits), 'commit')} left out of the trend:"
            f" git cannot read their files ({unreadable[0]}): a partial clone without its"
            " remote, or a damaged repository"
        )
    return tuple(
        _point(commit, counted[commit.tree], config.count_images)
        for commit in reversed(commits)
        if commit.tree in counted
    )


@dataclass(frozen=True)
class _TreeCounts:
    """The states at one commit, per language, of its pages and of its images."""

    pages: Counts
    images: Counts

    def to_json(self) -> dict[str, dict[str, dict[str, int]]]:
        return {"pages": _counts_to_json(self.pages), "images": _counts_to_json(self.images)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> _TreeCounts:
        pages, images = data.get("pages"), data.get("images")
        return cls(
            _counts_from_json(pages) if isinstance(pages, dict) else {},
            _counts_from_json(images) if isinstance(images, dict) else {},
        )


class _Reading:
    """Everything shared by the commits judged in one run: one blob stream, one memo."""

    def __init__(self, root: Path) -> None:
        from transync.cache_dir import cache_dir
        from transync.history import BLOB_CACHE
        from transync.history.blob_reader import BlobReader
        from transync.history.git_tree import BlobMemo
        from transync.history.parsed_store import PARSED_CACHE, ParsedStore

        self._root = root
        self._reader = BlobReader(root)
        self._md5s = Store(cache_dir() / BLOB_CACHE)
        self._parsed = ParsedStore(cache_dir() / PARSED_CACHE)
        self._memo = BlobMemo(self._reader, self._md5s, self._parsed)

    def counts(
        self, prefix: str, tree_id: str, config: Config, wanted: frozenset[str]
    ) -> _TreeCounts:
        from transync.history.git_tree import GitTree

        tree = GitTree.at(self._root, prefix, tree_id, self._memo)
        try:
            inventory = discover(self._root, config, tree)
        except TransyncError:
            return _TreeCounts({}, {})  # nothing translated yet at this commit
        tree.read_ahead(_files_to_read(inventory, wanted))
        classification = classify(self._root, inventory, wanted, tree=tree, measure=False)
        self._memo.forget_read_ahead()
        pages: dict[str, dict[State, int]] = {}
        images: dict[str, dict[State, int]] = {}
        for entry in classification.entries:
            pages.setdefault(entry.language, {})
            counts = images if entry.kind is Kind.IMAGE else pages
            per_state = counts.setdefault(entry.language, {})
            per_state[entry.state] = per_state.get(entry.state, 0) + 1
        return _TreeCounts(pages, images)

    def __enter__(self) -> _Reading:
        return self

    def __exit__(self, *exception: object) -> None:
        self._reader.close()
        self._md5s.save()
        self._parsed.save()


def _files_to_read(inventory: Inventory, wanted: frozenset[str]) -> Iterator[str]:
    """What classifying will read: translated documents, sidecars and sources."""
    for folder in (*inventory.folders, *inventory.image_folders):
        if not wanted or folder.code in wanted:
            yield from inventory.translations.get(folder, ())
            yield f"{folder.path}/{SIDECAR_NAME}"
    for sources in inventory.sources.values():
        yield from sources


def _point(commit: _Commit, counts: _TreeCounts, count_images: bool) -> TrendPoint:
    summaries, totals = summarise_counts(counts.pages, counts.images, count_images=count_images)
    return TrendPoint(commit.commit, commit.date, commit.subject, summaries, totals)


def _first_parent_commits(root: Path, limit: int) -> list[_Commit]:
    """The newest `limit` first-parent commits of HEAD, newest first."""
    output = _git(
        root,
        "log",
        "--first-parent",
        f"--max-count={limit}",
        f"--format=%H{_FIELD}%T{_FIELD}%cI{_FIELD}%s",
        "HEAD",
    )
    commits = []
    for line in output.splitlines():
        commit, tree, date, subject = line.split(_FIELD, 3)
        commits.append(_Commit(commit, tree, date, subject))
    return commits


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            check=True,
            text=True,
            errors="replace",
            env=no_fetch_environment(),
        )
    except OSError as error:
        raise TransyncError(f"{root}: cannot run git: {error.strerror}") from None
    except subprocess.CalledProcessError as error:
        problem = (error.stderr or "").strip().splitlines() or ["git failed"]
        raise TransyncError(
            f"{root}: a trend needs git history: {problem[-1].removeprefix('fatal: ')}"
        ) from None
    return done.stdout.strip("\n")


def _counts_to_json(counts: Counts) -> dict[str, dict[str, int]]:
    return {
        language: {state.value: count for state, count in per_state.items()}
        for language, per_state in counts.items()
    }


def _counts_from_json(data: Mapping[str, object]) -> dict[str, dict[State, int]]:
    counts: dict[str, dict[State, int]] = {}
    for language, per_state in data.items():
        if isinstance(per_state, dict):
            counts[language] = {
                State(name): count
                for name, count in per_state.items()
                if name in _STATE_NAMES and isinstance(count, int)
            }
    return counts


_STATE_NAMES = frozenset(state.value for state in State)
