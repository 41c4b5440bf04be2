"""Time `transync dashboard` against `transync status` on a 54-language course, and size it.

    python benchmarks/dashboard.py --runs 7

The corpus is the size of the AZD course (104 sources x 54 languages, ~5,600 translated
files, `make_corpus.py`), committed to git with a later commit that changes five sources, and
given a GitHub `origin` so that every matrix cell links to github.com: the largest index.html
the site makes. Runs alternate between the commands (status, then dashboard, ...) so that
load on a shared machine hits both alike; each is a fresh process with a warm cache. Prints
the median wall and CPU times, the dashboard's extra cost over the status run that does the
same scan, the in-process split (scan vs site), and the size of index.html.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.make_corpus import Fractions, generate  # noqa: E402
from benchmarks.run import Timing, timing  # noqa: E402

SOURCES, LANGUAGES = 104, 54
BUDGET_SECONDS, INDEX_BUDGET_BYTES = 1.0, 1_000_000


def make_course(root: Path, seed: int) -> dict[str, object]:
    summary = generate(root, SOURCES, LANGUAGES, seed, Fractions())

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "Course")
    for path in sorted((root / "lessons").glob("*/part-*.md"))[:5]:
        path.write_text(path.read_text() + "\nA new paragraph.\n")
    git("commit", "-qam", "Feb2026 update")
    git("remote", "add", "origin", "https://github.com/microsoft/AZD-for-beginners.git")
    return summary


def interleaved(
    commands: dict[str, list[str]], files: int, runs: int, env: dict[str, str]
) -> dict[str, Timing]:
    """`runs` rounds of one run of each command, so that a load spike hits each alike."""
    rounds = [
        {label: timing(label, files, command, 1, env) for label, command in commands.items()}
        for _ in range(runs)
    ]
    return {
        label: Timing(
            label,
            files,
            [one[label].walls[0] for one in rounds],
            [one[label].cpus[0] for one in rounds],
            max(one[label].peak_kb for one in rounds),
        )
        for label in commands
    }


def in_process(tree: Path, out: Path) -> tuple[float, float]:
    """Seconds to scan (history and content, warm cache) and to build the site from it."""
    from transync.report.dashboard import build_site
    from transync.report.dashboard.view import SiteInfo
    from transync.scan import scan

    start = time.perf_counter()
    report = scan(tree, history=True, content=True)
    scanned = time.perf_counter()
    build_site(report, SiteInfo("bench", "2026-03-01T00:00:00Z", link_base="../"))
    return scanned - start, time.perf_counter() - scanned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    transync = [sys.executable, "-m", "transync"]
    with tempfile.TemporaryDirectory(prefix="transync-dashboard-bench-") as folder:
        tree, out, cache = Path(folder) / "course", Path(folder) / "site", Path(folder) / "cache"
        summary = make_course(tree, args.seed)
        files = int(summary["translated_files"])  # type: ignore[call-overload]
        env = {**os.environ, "TRANSYNC_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1772323200"}
        os.environ["TRANSYNC_CACHE_DIR"] = str(cache)
        print(f"{SOURCES} sources x {LANGUAGES} languages: {files:,} translated files")
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
        subprocess.run([*transync, "dashboard", str(tree), "-o", str(out)], env=env, check=True,
                       capture_output=True)  # fmt: skip
        pairs = [
            ("", "status --format json --content", "dashboard"),
            ("--no-content", "status --format json", "dashboard --no-content"),
        ]
        for flag, status_label, dashboard_label in pairs:
            content = ["--content"] if not flag else []
            commands = {
                status_label: [*transync, "status", str(tree), "--format", "json", *content],
                dashboard_label: [*transync, "dashboard", str(tree), "-o", str(out)]
                + ([flag] if flag else []),
            }
            results = interleaved(commands, files, args.runs, env)
            for result in results.values():
                print(result.row())
            extra = results[dashboard_label].median - results[status_label].median
            extra_cpu = statistics.median(results[dashboard_label].cpus) - statistics.median(
                results[status_label].cpus
            )
            verdict = "met" if extra <= BUDGET_SECONDS else "NOT met"
            print(
                f"  dashboard costs {extra:+.3f} s wall, {extra_cpu:+.3f} s cpu over status"
                f" (budget {BUDGET_SECONDS:g} s: {verdict})"
            )
        scan_seconds, site_seconds = in_process(tree, out)
        print(f"in process: scan {scan_seconds:.3f} s, site {site_seconds:.3f} s")
        size = (out / "index.html").stat().st_size
        verdict = "met" if size < INDEX_BUDGET_BYTES else "NOT met"
        print(f"index.html {size:,} bytes (budget {INDEX_BUDGET_BYTES:,}: {verdict})")
        total = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
        print(f"site {total:,} bytes in {sum(1 for p in out.rglob('*') if p.is_file())} files")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
