"""Benchmark: estimates of ~1,350 translations without metadata (54 languages, ~300 commits).

The history of `benchmarks/provenance.py`, with each translation written (without metadata)
at a commit of its own along it, then one lesson folder renamed: times `scan(history=False)`
and `scan(history=True)`, which estimates every translation from git. Run:
`python benchmarks/estimates.py`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.provenance import COMMITS, LANGUAGES, REPEATS, SOURCES, _fast_import, _history
from benchmarks.provenance import _source_path as source_path


def build(root: Path) -> None:
    commits = _history()
    for language in range(LANGUAGES):
        for index in range(SOURCES):
            made_at = 20 + (language * 7 + index * 3) % (COMMITS - 30)
            translated = f"translations/l{language:02d}/{source_path(index)}"
            commits[made_at][1].append((translated, f"# T {language} {index}\n"))
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "fast-import", "--quiet"], input=_fast_import(commits), check=True
    )
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", "main"], check=True)
    subprocess.run(["git", "-C", str(root), "mv", "lessons/01", "lessons/01-renamed"], check=True)
    author = ["-c", "user.name=B", "-c", "user.email=b@example.org"]
    subprocess.run(
        ["git", "-C", str(root), *author, "commit", "-q", "-m", "Rename lesson 1"], check=True
    )


def main() -> None:
    from transync.scan import scan

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        started = time.perf_counter()
        build(root)
        print(
            f"built {SOURCES} sources x {LANGUAGES} languages without metadata,"
            f" {COMMITS + 1} commits in {time.perf_counter() - started:.1f}s"
        )
        timings: dict[str, list[float]] = {"no history": [], "estimates": []}
        for _ in range(REPEATS):
            for label, history in (("no history", False), ("estimates", True)):
                started = time.perf_counter()
                report = scan(root, history=history)
                timings[label].append(time.perf_counter() - started)
        states = Counter(entry.estimate.state.value for entry in report.entries if entry.estimate)
        print(", ".join(f"{count} {state}" for state, count in sorted(states.items())))
        print(f"median of {REPEATS} runs:")
        for label, seconds in timings.items():
            print(f"  scan, {label:<12} {statistics.median(seconds):6.2f}s")


if __name__ == "__main__":
    sys.exit(main())
