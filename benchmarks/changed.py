"""Benchmark: `transync check` re-run with nothing changed, and `--changed-from` on a pull
request that changes one file, on a committed corpus (make_corpus, 500 sources x 20
languages: ~9,700 translated files).

The corpus is committed on `main`; a branch `pr` edits one translated file (a sentence added)
and commits it. Then, as whole processes, with one cache folder that an untimed full `check`
filled first (a CI job restores it, or a developer has it from the last run):

- `check` with nothing changed since the filling run,
- `check --changed-from main` on the branch (one file changed since the merge base),
- the same with an empty cache (a CI job without a cache).

Run: `python benchmarks/changed.py [--runs 3] [--sources 500]`. Wall and CPU time (user +
system, git included) and the load average are printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_corpus import generate
from benchmarks.trend import _commit, _git, _time, print_figures

LANGUAGES = 20


def build(root: Path, sources: int) -> dict[str, object]:
    """The corpus on `main`, and a branch `pr` whose one commit edits one translated file."""
    expected = generate(root, sources, LANGUAGES, seed=1)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "gc.auto", "0")  # packed once below, not by a gc in the background
    _commit(root, "Course and translations", 0)
    _git(root, "checkout", "-q", "-b", "pr")
    edited = min((root / "translations").rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    _commit(root, f"Edit {edited.name}", 1)
    _git(root, "gc", "-q")
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sources", type=int, default=500)
    arguments = parser.parse_args(argv)
    check = [sys.executable, "-m", "transync", "check"]
    with tempfile.TemporaryDirectory() as folder:
        root, cache = Path(folder) / "repo", Path(folder) / "cache"
        started = time.perf_counter()
        expected = build(root, arguments.sources)
        print(
            f"built {expected['translated_files']} translated files, {LANGUAGES} languages"
            f" in {time.perf_counter() - started:.1f} s"
        )
        environment = {**os.environ, "TRANSYNC_CACHE_DIR": str(cache)}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)  # time an install with its bytecode
        filling = _time([*check, str(root), "--format", "json"], environment)
        print(f"filling the cache (cold check): {filling[0]:.1f} s, CPU {filling[1]:.1f} s")
        changed = [*check, str(root), "--changed-from", "main"]
        figures: dict[str, list[tuple[float, float]]] = {
            "check, nothing changed": [],
            "check --changed-from main": [],
        }
        for _ in range(arguments.runs):
            figures["check, nothing changed"].append(_time([*check, str(root)], environment))
            figures["check --changed-from main"].append(_time(changed, environment))
        empty = {**environment, "TRANSYNC_CACHE_DIR": str(Path(folder) / "empty")}
        figures["check --changed-from main, no cache"] = []
        for _ in range(arguments.runs):
            shutil.rmtree(empty["TRANSYNC_CACHE_DIR"], ignore_errors=True)
            figures["check --changed-from main, no cache"].append(_time(changed, empty))
        print_figures(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
