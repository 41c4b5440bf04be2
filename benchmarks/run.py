"""Time transync as users run it: whole processes on generated trees, cold and warm.

    python benchmarks/run.py                        # 1k, 10k and 50k translated files
    python benchmarks/run.py --sizes 10000 --runs 9 --commands status

For each size it generates a corpus once (`make_corpus.py`, kept in --corpus-dir for the next
run), then times, each in a fresh child process, several runs of:
  - `baseline_scan.py`, the bare stdlib floor, for comparison;
  - `transync status` (table and JSON) and `transync check --no-content` at every size, and
    `status --content` and `check` (content checks included) up to --content-max-size files,
    where the installed transync has them (a missing command is skipped with a note);
and prints the median and fastest wall time, files per second and peak memory (the child's
ru_maxrss). "cold" runs get a new empty TRANSYNC_CACHE_DIR each; "warm" runs reuse one that a
first untimed run filled. The OS page cache cannot be dropped without root, so "cold" means
cold for transync's own cache only: the files themselves are read from memory each time
(the untimed first run makes sure of that for every mode alike).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.make_corpus import Fractions, generate  # noqa: E402

# Runs one command in a fresh process and reports its own wall time, CPU time and peak
# memory: RUSAGE_CHILDREN of this small parent covers exactly that one child.
_MEASURE = """
import json, os, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_kb": usage.ru_maxrss, "code": code, "load": os.getloadavg()[0]}))
"""

LANGUAGES_FOR = {1_000: 20, 10_000: 20, 50_000: 50}
# (command, size, mode) -> seconds, from issue 6
TARGETS = {
    **{("status", 10_000, mode): 0.5 for mode in ("cold", "warm")},
    **{("status", 50_000, mode): 2.0 for mode in ("cold", "warm")},
    ("status --content", 10_000, "cold"): 5.0,
    ("status --content", 10_000, "warm"): 0.5,
    ("check", 10_000, "cold"): 5.0,
    ("check", 10_000, "warm"): 0.5,
}


@dataclass(frozen=True)
class Timing:
    label: str
    files: int
    walls: list[float]
    cpus: list[float]
    peak_kb: int
    # The 1-minute load average after each run: wall times mean little on a busy machine,
    # CPU times (user + system) somewhat more.
    loads: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def row(self, target: float | None = None) -> str:
        rate = f"{self.files / self.median:9,.0f} files/s" if self.files else " " * 17
        verdict = ""
        if target is not None:
            verdict = f"  target < {target:g} s: {'met' if self.median < target else 'NOT met'}"
        return (
            f"  {self.label:<28} median {self.median:7.3f} s  min {min(self.walls):7.3f} s"
            f"  cpu {statistics.median(self.cpus):6.3f} s  {rate}"
            f"  peak {self.peak_kb / 1024:6.1f} MB  load {statistics.median(self.loads):4.1f}"
            f"{verdict}"
        )


def timing(label: str, files: int, command: list[str], runs: int, env: dict[str, str]) -> Timing:
    """`runs` runs of `command`, each in a fresh measuring child."""
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        results.append(json.loads(done.stdout))
    failed = [result for result in results if result["code"] not in (0, 1)]
    if failed:
        raise SystemExit(f"run.py: {' '.join(command)} exited with {failed[0]['code']}")
    return Timing(
        label,
        files,
        [result["wall"] for result in results],
        [result["cpu"] for result in results],
        int(max(result["maxrss_kb"] for result in results)),
        [result["load"] for result in results],
    )


def corpus(size: int, seed: int, corpus_dir: Path) -> tuple[Path, dict[str, object]]:
    """The corpus for `size` translated files, generated on first use and kept."""
    languages = LANGUAGES_FOR.get(size, 20)
    fractions = Fractions()
    per_language = 1 - fractions.missing + fractions.orphan
    sources = max(1, round(size / (languages * per_language)))
    name = f"corpus-{sources}x{languages}-seed{seed}"
    tree, manifest = corpus_dir / name, corpus_dir / f"{name}.json"
    if not manifest.is_file():
        if tree.exists():
            shutil.rmtree(tree)
        print(f"generating {tree} ({sources} sources x {languages} languages) ...", flush=True)
        summary = generate(tree, sources, languages, seed, fractions)
        manifest.write_text(json.dumps(summary, indent=2))
    return tree, json.loads(manifest.read_text())


def has_command(transync: list[str], command: str) -> bool:
    done = subprocess.run([*transync, command, "--help"], capture_output=True)
    return done.returncode == 0


def has_option(transync: list[str], command: str, option: str) -> bool:
    done = subprocess.run([*transync, command, "--help"], capture_output=True, text=True)
    return done.returncode == 0 and option in done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="translated files per tree")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commands", default="status,check")
    parser.add_argument(
        "--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "transync-bench"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--content-max-size",
        type=int,
        default=1_000,
        help="time 'status --content' up to this size only (it parses every file: slow)",
    )
    args = parser.parse_args(argv)
    args.corpus_dir.mkdir(parents=True, exist_ok=True)
    transync = [sys.executable, "-m", "transync"]
    # An installed transync has its bytecode cached; an environment that forbids writing it
    # (PYTHONDONTWRITEBYTECODE) would time compiling ~70 modules (~0.14 s) in every run.
    unset = {"TRANSYNC_CACHE_DIR", "PYTHONDONTWRITEBYTECODE"}
    base_env = {key: value for key, value in os.environ.items() if key not in unset}
    package = importlib.util.find_spec("transync")
    if package is not None and package.submodule_search_locations:
        compile_all = [sys.executable, "-m", "compileall", "-q"]
        subprocess.run([*compile_all, *package.submodule_search_locations], capture_output=True)
    commands = []
    for command in args.commands.split(","):
        if has_command(transync, command):
            commands.append(command)
        else:
            print(f"note: this transync has no '{command}' command; not timed")
    # Content checks parse every file (slow): timed up to --content-max-size only, and
    # `check` without them at every size where it has --no-content.
    content = "status" in commands and has_option(transync, "status", "--content")
    if not content:
        print("note: this transync has no 'status --content'; content checks not timed")
    lean_check = "check" in commands and has_option(transync, "check", "--no-content")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each")
    print("note: the OS page cache is not dropped (that needs root): 'cold' = empty transync cache")
    figures: list[dict[str, object]] = []

    help_timing = timing("transync --help", 0, [*transync, "--help"], args.runs, base_env)
    print(help_timing.row(0.15))
    figures.append({**_figure(help_timing, 0, "--help", ""), "target": 0.15})

    for size in (int(size) for size in args.sizes.split(",")):
        tree, summary = corpus(size, args.seed, args.corpus_dir)
        files = int(str(summary["translated_files"]))
        print(f"\n{files:,} translated files ({tree.name}): expected {summary['counts']}")
        baseline = [sys.executable, str(HERE / "baseline_scan.py"), str(tree)]
        subprocess.run(baseline, capture_output=True, check=True)  # warm the page cache
        _check_counts(transync, tree, summary, base_env)
        floor = timing("baseline_scan.py (floor)", files, baseline, args.runs, base_env)
        print(floor.row())
        figures.append(_figure(floor, size, "baseline", "warm"))
        for command in commands:
            variants: list[tuple[str, list[str]]] = []
            if command == "status":
                variants += [("", []), (" --format json", ["--format", "json"])]
                if content and size <= args.content_max_size:
                    variants.append((" --content", ["--content"]))
            else:
                if lean_check:
                    variants.append((" --no-content", ["--no-content"]))
                if not lean_check or size <= args.content_max_size:
                    variants.append(("", []))
            for suffix, extra in variants:
                argv_ = [*transync, command, str(tree), *extra]
                for mode in ("cold", "warm"):
                    label = f"{command}{suffix} {mode}"
                    row = _cache_timing(label, files, argv_, mode, args, base_env)
                    print(row.row(TARGETS.get((command + suffix, size, mode))))
                    figures.append(_figure(row, size, command + suffix, mode))
    print("\n" + markdown_table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


def _check_counts(
    transync: list[str], tree: Path, summary: dict[str, object], env: dict[str, str]
) -> None:
    """A benchmark of wrong answers means nothing: status must find what was generated."""
    done = subprocess.run(
        [*transync, "status", str(tree), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    counts = json.loads(done.stdout)["totals"]["counts"]
    found = {state: count for state, count in counts.items() if count}
    if found != summary["counts"]:
        raise SystemExit(f"run.py: status found {found}, the corpus holds {summary['counts']}")


def _cache_timing(
    label: str,
    files: int,
    command: list[str],
    mode: str,
    args: argparse.Namespace,
    base_env: dict[str, str],
) -> Timing:
    with tempfile.TemporaryDirectory(prefix="transync-cache-") as shared:
        env = {**base_env, "TRANSYNC_CACHE_DIR": shared}
        subprocess.run(command, env=env, capture_output=True)  # fills the warm cache
        if mode == "warm":
            return timing(label, files, command, args.runs, env)
        walls, cpus, loads, peak = [], [], [], 0
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="transync-cache-") as fresh:
                one = timing(label, files, command, 1, {**base_env, "TRANSYNC_CACHE_DIR": fresh})
            walls += one.walls
            cpus += one.cpus
            loads += one.loads
            peak = max(peak, one.peak_kb)
        return Timing(label, files, walls, cpus, peak, loads)


def _figure(row: Timing, size: int, command: str, mode: str) -> dict[str, object]:
    return {
        "size": size,
        "files": row.files,
        "command": command,
        "mode": mode,
        "median": round(row.median, 4),
        "min": round(min(row.walls), 4),
        "cpu": round(statistics.median(row.cpus), 4),
        "peak_kb": row.peak_kb,
        "load": round(statistics.median(row.loads), 1),
        "target": TARGETS.get((command, size, mode)),
    }


def markdown_table(figures: list[dict[str, object]]) -> str:
    """The figures as a Markdown table, to paste into docs/benchmarks.md as they are."""
    lines = [
        "| command | files | cache | median wall s | min wall s | median CPU s | peak MB"
        " | load | target |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for figure in figures:
        target = figure.get("target")
        verdict = ""
        if isinstance(target, float | int):
            verdict = (
                f"< {target:g} s: {'met' if float(str(figure['median'])) < target else 'NOT met'}"
            )
        lines.append(
            f"| {figure['command']} | {figure['files']}"
            f" | {figure.get('mode', '')} | {figure['median']} | {figure.get('min', '')}"
            f" | {figure.get('cpu', '')} | {int(str(figure['peak_kb'])) / 1024:.0f}"
            f" | {figure.get('load', '')} | {verdict} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
