"""Benchmark: provenance of ~1,250 stale translations (54 languages, ~300 commits).

Builds a deterministic repository in a temporary folder (git fast-import, then translations
with inline metadata whose hashes name older versions of their sources), then times
`scan(history=False)`, `scan(history=True)` with an empty blob cache (cold) and again with
the cache filled (warm). Run: `python benchmarks/provenance.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGUAGES = 54
SOURCES = 25
COMMITS = 300
REPEATS = 3
START = 1_767_225_600  # 2026-01-01T00:00:00Z


def _source_path(index: int) -> str:
    return "README.md" if index == 0 else f"lessons/{index:02d}/README.md"


def _content(index: int, version: int) -> str:
    lines = [f"# Lesson {index}", ""]
    lines += [
        f"Paragraph {number} of lesson {index}, revised in round {number}."
        for number in range(version + 1)
    ]
    lines += ["", "```python", f"print({index})", "```", ""]
    return "\n".join(lines)


def _history() -> list[tuple[int, list[tuple[str, str]]]]:
    """Per commit, the (path, content) pairs it writes: all sources first, then edits."""
    commits = [(0, [(_source_path(index), _content(index, 0)) for index in range(SOURCES)])]
    version = [0] * SOURCES
    for number in range(1, COMMITS):
        touched = {number % SOURCES} | ({(number * 7) % SOURCES} if number % 10 == 0 else set())
        writes = []
        for index in sorted(touched):
            version[index] += 1
            writes.append((_source_path(index), _content(index, version[index])))
        commits.append((number, writes))
    return commits


def _fast_import(commits: list[tuple[int, list[tuple[str, str]]]]) -> bytes:
    stream = []
    for number, writes in commits:
        message = f"Edit round {number}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"mark :{number + 1}\n".encode())
        stream.append(
            f"committer Bench <bench@example.org> {START + number * 3600} +0000\n".encode()
        )
        stream.append(f"data {len(message)}\n".encode() + message + b"\n")
        if number:
            stream.append(f"from :{number}\n".encode())
        for path, content in writes:
            data = content.encode()
            stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
    return b"".join(stream)


def build(root: Path) -> None:
    commits = _history()
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "fast-import", "--quiet"], input=_fast_import(commits), check=True
    )
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", "main"], check=True)
    # The state of every source after each commit, to hash the version a translation used.
    state: dict[str, str] = {}
    snapshots = []
    for _, writes in commits:
        state.update(writes)
        snapshots.append(dict(state))
    for language in range(LANGUAGES):
        code = f"l{language:02d}"
        for index in range(SOURCES):
            path = _source_path(index)
            made_at = 20 + (language * 7 + index * 3) % (COMMITS - 30)
            digest = hashlib.md5(snapshots[made_at][path].encode()).hexdigest()
            record = {
                "original_hash": digest,
                "translation_date": "2026-01-05T00:00:00+00:00",
                "source_file": path,
                "language_code": code,
            }
            target = root / "translations" / code / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{json.dumps(record, indent=2)}\n-->\n# T\n"
            )
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "-m", "Translations"], check=True, env=environment
    )


def main() -> None:
    from transync.scan import scan

    with tempfile.TemporaryDirectory() as folder:
        root, cache = Path(folder) / "repo", Path(folder) / "cache"
        started = time.perf_counter()
        build(root)
        print(
            f"built {SOURCES} sources x {LANGUAGES} languages, {COMMITS + 1} commits"
            f" in {time.perf_counter() - started:.1f}s"
        )
        timings: dict[str, list[float]] = {"no history": [], "cold cache": [], "warm cache": []}
        for run in range(REPEATS):
            os.environ["TRANSYNC_CACHE_DIR"] = str(cache / str(run))
            for label, history in (
                ("no history", False),
                ("cold cache", True),
                ("warm cache", True),
            ):
                started = time.perf_counter()
                report = scan(root, history=history)
                timings[label].append(time.perf_counter() - started)
        stale = sum(1 for entry in report.entries if entry.state.value == "stale")
        known = sum(
            1 for entry in report.entries if entry.provenance and entry.provenance.translated_from
        )
        print(
            f"{stale} stale translations, {known} with translated_from, {len(report.causes)} causes"
        )
        print(f"median of {REPEATS} runs (the history stage is the difference to 'no history'):")
        for label, seconds in timings.items():
            print(f"  scan, {label:<12} {statistics.median(seconds):6.2f}s")


if __name__ == "__main__":
    sys.exit(main())
