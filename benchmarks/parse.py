"""Benchmark: the CPU cost of parsing Markdown files and notebooks into a `Document`, per part.

    python benchmarks/parse.py [--runs 5] [TREE ...]

Reads every `.md` and `.ipynb` file under each TREE into memory (without a TREE: a make_corpus
tree of 100 sources x 10 languages, generated in a temporary folder), then parses each with
`transync.document.pulldown.parse_file` (a file under a `translations/` folder as a
translation) and prints, per tree, the best process CPU time of `--runs` passes:

- all of `parse_file` (a pass without the timers below);
- in a pass with timers around them: the walk over pyromark's events
  (`pulldown._Builder.walk`, pyromark's own work included), the line scan (`lines.scan`, as
  `build` calls it), and the rest of that pass (co-op-translator's text blanked out, front
  matter, notebooks' JSON, the `Document`);
- pyromark's events alone over the texts the walk was given: the floor under the walk.

Before and after: `PYTHONPATH=/path/to/old/src python benchmarks/parse.py TREE` times the
transync found there (the path of the package used is printed first).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pyromark  # noqa: E402

import transync  # noqa: E402
from benchmarks.make_corpus import generate  # noqa: E402
from transync.document import build, pulldown  # noqa: E402

Files = list[tuple[str, bytes, bool]]


def read_tree(root: Path) -> Files:
    """(path, bytes, translated) of every Markdown file and notebook under `root`."""
    files = []
    for folder, names, found in os.walk(root):
        names[:] = sorted(name for name in names if not name.startswith("."))
        for name in sorted(found):
            if name.lower().endswith((".md", ".ipynb")):
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                translated = relative.startswith("translations/") or "/translations/" in relative
                files.append((path, Path(path).read_bytes(), translated))
    return files


def parse_all(files: Files) -> float:
    start = time.process_time()
    for path, data, translated in files:
        pulldown.parse_file(data, path, translated=translated)
    return time.process_time() - start


def timed_parts(files: Files, texts: list[str]) -> dict[str, float]:
    """The CPU time of the walk, of the line scan and of the rest in one pass; the walk's
    texts into `texts`."""
    spent = {"walk": 0.0, "scan": 0.0}
    walk, scan = pulldown._Builder.walk, build.scan

    def timing(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args)
            finally:
                spent[part] += time.process_time() - start

        return timed

    def walk_timed(self: pulldown._Builder, text: str) -> None:
        texts.append(text)
        timing("walk", walk)(self, text)

    pulldown._Builder.walk = walk_timed  # type: ignore[method-assign]
    build.scan = timing("scan", scan)  # type: ignore[assignment]
    try:
        spent["rest"] = parse_all(files) - spent["walk"] - spent["scan"]
    finally:
        pulldown._Builder.walk = walk  # type: ignore[method-assign]
        build.scan = scan
    return spent


def pyromark_floor(texts: list[str]) -> float:
    options = pyromark.Options.ENABLE_TABLES
    start = time.process_time()
    for text in texts:
        for _ in pyromark.events_with_range(text, options=options, merge_text=True):
            pass
    return time.process_time() - start


def measure(files: Files, runs: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for _ in range(runs):
        texts: list[str] = []
        figures = {"parse_file": parse_all(files), **timed_parts(files, texts)}
        figures["pyromark"] = pyromark_floor(texts)
        for part, seconds in figures.items():
            best[part] = min(best.get(part, seconds), seconds)
    return best


def report(name: str, files: Files, best: dict[str, float]) -> None:
    size = sum(len(data) for _, data, _ in files)
    print(f"\n{name}: {len(files)} files, {size / 1e6:.1f} MB")
    print(f"{'part':<12} {'CPU s':>8} {'ms/file':>8}")
    for part in ("parse_file", "walk", "scan", "rest", "pyromark"):
        seconds = best[part]
        print(f"{part:<12} {seconds:8.3f} {1000 * seconds / len(files):8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="*", type=Path, help="folders to parse every file of")
    parser.add_argument("--runs", type=int, default=5, help="passes; the best is kept")
    args = parser.parse_args(argv)
    print(f"transync from {Path(transync.__file__).parent}")
    with tempfile.TemporaryDirectory() as scratch:
        trees = args.trees
        if not trees:
            generated = Path(scratch) / "corpus"
            generate(generated, 100, 10, seed=1)
            trees = [generated]
        for tree in trees:
            files = read_tree(tree)
            if not files:
                print(f"\n{tree}: no Markdown files or notebooks")
                continue
            report(str(tree), files, measure(files, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
