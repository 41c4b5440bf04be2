"""Benchmark: `transync trend -n 20` on a 54-language repository of ~5,600 translated files.

Builds the tree with `make_corpus` (110 sources x 54 languages), commits it, then 20 more
commits: each edits one source (its translations go stale in every language) and every third
one syncs the translations of the sources edited since (their stored hashes updated, as
co-op-translator's sync does); then packs the repository, as a clone is. Then times, as
whole processes:

- `trend -n 20 --format json` with an empty cache folder (cold),
- the same again (nothing changed: every commit's counts come from the cache),
- after one more commit (one new commit to judge, the other 19 cached),
- `status --no-history`, for scale.

Run: `python benchmarks/trend.py [--runs 3]`. The machine's load is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_corpus import generate, md5

SOURCES = 110
LANGUAGES = 54
COMMITS = 20
START = 1_767_225_600  # 2026-01-01T00:00:00Z


def _git(root: Path, *args: str, when: int = START) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@example.org",
        "GIT_AUTHOR_DATE": f"{when} +0000",
        "GIT_COMMITTER_DATE": f"{when} +0000",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, env=environment)


def _commit(root: Path, subject: str, number: int) -> None:
    _git(root, "add", "-A", when=START + number * 3600)
    _git(root, "commit", "-q", "-m", subject, when=START + number * 3600)


def build(root: Path) -> dict[str, object]:
    expected = generate(root, SOURCES, LANGUAGES, seed=1)
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "Course and translations", 0)
    sources = sorted(
        path for path in (root / "lessons").rglob("*") if path.suffix in (".md", ".ipynb")
    )
    translated = [path for path in (root / "translations").rglob("*") if path.is_file()]
    pending: dict[str, str] = {}  # old hash -> new hash, for sources edited since the last sync
    for number in range(1, COMMITS + 1):
        if number % 3 == 0 and pending:
            _sync(translated, pending)
            pending.clear()
            _commit(root, f"chore(i18n): sync translations ({number})", number)
            continue
        source = sources[(number * 7) % len(sources)]
        before = source.read_bytes()
        after = before.replace(b"\n", f"\nEdited in round {number}.\n".encode(), 1)
        source.write_bytes(after)
        pending[md5(before)] = md5(after)
        _commit(root, f"Edit {source.name} ({number})", number)
    _git(root, "gc", "-q")  # packed, as a clone is: loose objects would cost a file each
    return expected


def _sync(translated: list[Path], renewed: dict[str, str]) -> None:
    """Store the new hashes wherever the old ones are written (inline blocks and sidecars)."""
    for path in translated:
        data = path.read_bytes()
        updated = data
        for old, new in renewed.items():
            updated = updated.replace(old.encode(), new.encode())
        if updated != data:
            path.write_bytes(updated)


def _time(
    command: list[str], environment: dict[str, str], cwd: Path | None = None
) -> tuple[float, float]:
    """Wall time and CPU time (user + system, git included) of one whole process: on a
    shared machine the CPU time says more than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, cwd=cwd)
    if completed.returncode > 1:  # 1 is a check that ran and failed: timed like a pass
        raise subprocess.CalledProcessError(completed.returncode, command)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    transync = [sys.executable, "-m", "transync"]
    with tempfile.TemporaryDirectory() as folder:
        root, cache = Path(folder) / "repo", Path(folder) / "cache"
        started = time.perf_counter()
        expected = build(root)
        print(
            f"built {expected['translated_files']} translated files, {LANGUAGES} languages,"
            f" {COMMITS + 1} commits in {time.perf_counter() - started:.1f} s"
        )
        environment = {**os.environ, "TRANSYNC_CACHE_DIR": str(cache)}
        trend = [*transync, "trend", str(root), "-n", "20", "--format", "json"]
        figures: dict[str, list[tuple[float, float]]] = {
            "cold": [],
            "warm": [],
            "one new commit": [],
        }
        for run in range(arguments.runs):
            shutil.rmtree(cache, ignore_errors=True)
            figures["cold"].append(_time(trend, environment))
            figures["warm"].append(_time(trend, environment))
            (root / "lessons" / f"extra-{run}.md").write_text(f"# Extra {run}\n")
            _commit(root, f"Add extra {run}", COMMITS + 1 + run)
            figures["one new commit"].append(_time(trend, environment))
        status = [*transync, "status", str(root), "--no-history", "--format", "json"]
        figures["status (for scale)"] = [_time(status, environment) for _ in range(arguments.runs)]
        print_figures(figures)
    return 0


def print_figures(figures: dict[str, list[tuple[float, float]]]) -> None:
    """The machine's load, then each label's median wall and CPU seconds over its runs."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load}; {os.cpu_count()} cores")
    width = max(map(len, figures), default=0)
    for label, values in figures.items():
        walls, cpus = [wall for wall, _ in values], [cpu for _, cpu in values]
        print(
            f"{label:>{width}}: median {statistics.median(walls):6.2f} s"
            f" (min {min(walls):.2f}, max {max(walls):.2f}, {len(values)} runs);"
            f" CPU {statistics.median(cpus):.2f} s"
        )


if __name__ == "__main__":
    raise SystemExit(main())
