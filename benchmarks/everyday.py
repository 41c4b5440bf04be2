"""Benchmark: the commands a maintainer runs every day, with history on, as ratios to the floor.

    python benchmarks/everyday.py [--runs 3] [--src before=/path/to/old/src --src after=src]

Builds a course with a real-shaped history in a temporary folder: `make_corpus` draws the
final tree (104 sources x 54 languages, ~5,600 translated files), then git history is written
behind it: every source first committed in an older version (which the stale translations
were made from), edited two or three times, a tenth of them moved (renamed) on the way, some
added by "restructure" commits that also delete the retired pages the orphaned translations
were made from (about 300 commits in all); half of the retired pages' translations name a
version that only the retired page had, so guessing where it went compares texts. Then it
times, as whole processes, each row of issue 21's table, and the bare scanner
(`baseline_scan.py`) in the same run, and prints each median as a ratio to the floor:

- `status`, its history caches filled by an earlier run;
- `check`, nothing changed, its cache filled by an earlier run;
- `check --changed-from HEAD` with one English page edited (cache as filled before the edit);
- the pre-commit hook's command (from `.pre-commit-hooks.yaml`) with that edit staged;
- `check` with an empty cache.

`--content 500` times instead `check` with an empty cache and warm on make_corpus's 10,000-file
tree (500 sources x 20 languages, no git), the content pass's own figures.

`--src LABEL=DIR` (repeatable) times the transync package found in DIR (a `src` folder, put
first on PYTHONPATH) under LABEL, alternated run by run with the others on the same corpus:
the way to measure before and after in one run. Without it the installed transync is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_corpus import generate, md5
from benchmarks.trend import START, _commit, _git, _time

HERE = Path(__file__).resolve().parent
SOURCES = 104
LANGUAGES = 54
COMMITS = 300
RESTRUCTURES = 10
OLDER = b"an older version of "


def _sources(root: Path) -> list[str]:
    return sorted(
        str(path.relative_to(root))
        for path in (root / "lessons").rglob("*")
        if path.suffix in (".md", ".ipynb")
    )


def _retired_sources(root: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for language in sorted((root / "translations").iterdir()):
        for path in sorted(language.glob("lessons/*-v*/README*")):
            found.setdefault(str(path.relative_to(language)), []).append(path)
    return found


def _rename_retired(root: Path) -> None:
    """Give the retired pages the names a restructured course leaves behind: the lesson's
    README (or notebook) in the lesson's old folder, as `lessons/003-data-v1/README.md`."""
    for language in sorted((root / "translations").iterdir()):
        sidecar_file = language / ".co-op-translator.json"
        sidecar = json.loads(sidecar_file.read_bytes()) if sidecar_file.exists() else {}
        for path in sorted(language.rglob("retired-*")):
            old = str(path.relative_to(language))
            number = int(path.stem.split("-")[1])
            new = f"{path.parent.relative_to(language)}-v{number + 1}/README{path.suffix}"
            data = path.read_bytes().replace(
                f'"source_file": "{old}"'.encode(), f'"source_file": "{new}"'.encode()
            )
            path.unlink()
            (language / new).parent.mkdir(parents=True, exist_ok=True)
            (language / new).write_bytes(data)
            if old in sidecar:
                sidecar[new] = {**sidecar.pop(old), "source_file": new}
        if sidecar:
            text = json.dumps(dict(sorted(sidecar.items())), indent=2, ensure_ascii=False)
            sidecar_file.write_bytes(text.encode())


def _record_hash(path: Path, source: str) -> str:
    """The stored hash of a translated file, from its inline record or its sidecar."""
    raw = path.read_bytes()
    notebook = json.loads(raw) if path.suffix == ".ipynb" else None
    if b"CO_OP_TRANSLATOR_METADATA" in raw or (
        notebook and "coopTranslator" in notebook["metadata"]
    ):
        return _stored(raw, notebook)
    language = path.parents[len(Path(source).parts) - 1]
    return str(
        json.loads((language / ".co-op-translator.json").read_bytes())[source]["original_hash"]
    )


def _renew_hash(files: list[Path], language_roots: list[Path], source: str, new: str) -> None:
    """Point the orphans' records (inline or in the sidecar) at another version's hash."""
    for path in files:
        data = json.loads(path.read_bytes()) if path.suffix == ".ipynb" else None
        raw = path.read_bytes()
        if b"CO_OP_TRANSLATOR_METADATA" in raw or (
            data is not None and "coopTranslator" in data["metadata"]
        ):
            old = _stored(raw, data)
            path.write_bytes(raw.replace(old.encode(), new.encode()))
    for language in language_roots:
        sidecar = language / ".co-op-translator.json"
        if not sidecar.exists():
            continue
        records = json.loads(sidecar.read_bytes())
        if source in records:
            records[source]["original_hash"] = new
            text = json.dumps(records, indent=2, ensure_ascii=False)
            sidecar.write_bytes(text.encode())


def _stored(raw: bytes, notebook: dict[str, object] | None) -> str:
    if notebook is not None:
        record = notebook["metadata"]["coopTranslator"]  # type: ignore[index]
        return str(record["original_hash"])
    start = raw.index(b"{", raw.index(b"CO_OP_TRANSLATOR_METADATA"))
    return str(json.loads(raw[start : raw.index(b"-->", start)])["original_hash"])


def build(
    root: Path, sources: int = SOURCES, languages: int = LANGUAGES, commits: int = COMMITS
) -> dict[str, object]:
    """The final tree from make_corpus, then a history behind it (see the module's text)."""
    expected = generate(root, sources, languages, seed=1)
    _rename_retired(root)
    rng = random.Random(21)
    pages = _sources(root)
    final = {path: (root / path).read_bytes() for path in pages}
    images = sorted(
        str(path.relative_to(root)) for path in (root / "lessons").rglob("*") if path.is_file()
    )
    images = [path for path in images if path not in final]
    total = commits - 1  # the translations are the last commit
    restructures = [round(total * (n + 1) / (RESTRUCTURES + 1)) for n in range(RESTRUCTURES)]
    # commit number -> list of (operation, path, data or old path)
    plan: dict[int, list[tuple[str, str, bytes | str]]] = {n: [] for n in range(total)}
    plan[0] += [("M", path, (root / path).read_bytes()) for path in images]
    free = [n for n in range(1, total) if n not in restructures]
    for index, path in enumerate(pages):
        added = rng.choice(restructures) if index % 8 == 5 else 0
        older = OLDER + final[path]
        later = sorted(rng.sample([n for n in free if n > added], rng.randint(3, 5)))
        current = path
        if index % 10 == 3:  # moved: first committed under another name
            current = path.replace("/", "/old-", 1) if "/" in path else "old-" + path
            plan[later.pop(0)].append(("R", path, current))
        plan[added].append(("M", current, older))
        for step, number in enumerate(later):
            data = (
                final[path]
                if step == len(later) - 1
                else older + f"\nRevision {number}.\n".encode()
            )
            plan[number].append(("M", path, data))
    by_hash = {md5(data): data for data in final.values()}
    languages = sorted((root / "translations").iterdir())
    for number, (source, files) in enumerate(sorted(_retired_sources(root).items())):
        copied = by_hash[_record_hash(files[0], source)]
        if number % 2:  # an old copy of the lesson's README, moved and edited since
            lesson = posixpath.dirname(source).rsplit("-v", 1)[0]
            readme = final.get(f"{lesson}/README.md", copied)
            version = b"# Retired page\n" + readme.partition(b"\n")[2]
            _renew_hash(files, languages, source, md5(version))
        else:
            version = copied
        plan[0].append(("M", source, version))
        plan[rng.choice(restructures)].append(("D", source, b""))
    stream = _fast_import(plan, restructures)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    _git(root, "config", "gc.auto", "0")
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=stream, check=True)
    _git(root, "reset", "-q", "main")
    _commit(root, "Translations", total)
    _git(root, "gc", "-q")  # packed, as a clone is
    left = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain"], capture_output=True, check=True
    ).stdout
    if left:
        raise SystemExit(f"the history does not end at the generated tree:\n{left.decode()}")
    return {**expected, "commits": total + 1}


def _fast_import(
    plan: dict[int, list[tuple[str, str, bytes | str]]], restructures: list[int]
) -> bytes:
    stream: list[bytes] = []
    for number, operations in sorted(plan.items()):
        if number and not operations:
            continue
        subject = (
            "Initial course"
            if number == 0
            else f"Restructure the lessons ({number})"
            if number in restructures
            else f"Edit {operations[0][1]} ({number})"
        ).encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(
            f"committer Bench <bench@example.org> {START + number * 3600} +0000\n".encode()
        )
        stream.append(f"data {len(subject)}\n".encode() + subject + b"\n")
        for operation, path, data in operations:
            if operation == "M":
                assert isinstance(data, bytes)
                stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
            elif operation == "R":
                stream.append(f"R {data} {path}\n".encode())
            else:
                stream.append(f"D {path}\n".encode())
    return b"".join(stream)


def _hook_command(project: Path) -> list[str]:
    """The pre-commit hook's entry, as the `.pre-commit-hooks.yaml` of `project` declares it."""
    text = (project / ".pre-commit-hooks.yaml").read_text()
    entry = next(line for line in text.splitlines() if line.strip().startswith("entry:"))
    return entry.split(":", 1)[1].split()


def _edit(root: Path, page: str) -> None:
    path = root / page
    path.write_bytes(path.read_bytes().replace(b"\n", b"\nOne more sentence.\n", 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", action="append", default=[], metavar="LABEL=DIR")
    parser.add_argument("--keep", type=Path, help="build the course here and keep it")
    parser.add_argument(
        "--content",
        type=int,
        metavar="SOURCES",
        help="instead: `check` with an empty cache and warm on make_corpus's SOURCES x 20"
        " languages tree (500: the 10,000-file course), no git",
    )
    arguments = parser.parse_args(argv)
    versions = dict(item.split("=", 1) for item in arguments.src) or {"installed": ""}
    if arguments.content:
        return _content_course(arguments.content, versions, arguments.runs)
    with tempfile.TemporaryDirectory() as folder:
        root = arguments.keep or Path(folder) / "repo"
        started = time.perf_counter()
        expected = build(root)
        print(
            f"built {expected['translated_files']} translated files, {LANGUAGES} languages,"
            f" {expected['commits']} commits in {time.perf_counter() - started:.1f} s"
        )
        page = _sources(root)[1]
        base = {**os.environ}
        base.pop("PYTHONDONTWRITEBYTECODE", None)  # time an install with its bytecode
        transync = [sys.executable, "-m", "transync"]
        rows = {
            "status": [*transync, "status"],
            "check, nothing changed (warm cache)": [*transync, "check"],
            "check --changed-from HEAD, one English page edited": [
                *transync,
                "check",
                "--changed-from",
                "HEAD",
            ],
            "pre-commit hook, one page edited (staged)": [],  # each version's own entry
            "check, empty cache": [*transync, "check"],
        }
        hooks = {
            label: [
                sys.executable,
                "-m",
                *_hook_command(Path(source).parent if source else HERE.parent),
            ]
            for label, source in versions.items()
        }
        for label, hook in hooks.items():
            print(f"{label}: the hook runs {' '.join(hook[2:])}")
        figures: dict[str, dict[str, list[tuple[float, float]]]] = {}
        floor = [sys.executable, str(HERE / "baseline_scan.py"), str(root)]
        for _ in range(arguments.runs):
            figures.setdefault("bare scan (floor)", {}).setdefault("", []).append(
                _time(floor, base)
            )
            for label, source in versions.items():
                environment = _environment(base, source, Path(folder) / label / "cache")
                for row, command in rows.items():
                    command = command or hooks[label]
                    seconds = _row(root, row, command, environment, page, Path(folder) / label)
                    figures.setdefault(row, {}).setdefault(label, []).append(seconds)
        _print(figures)
    return 0


def _environment(base: dict[str, str], source: str, cache: Path) -> dict[str, str]:
    environment = {**base, "TRANSYNC_CACHE_DIR": str(cache)}
    if source:
        environment["PYTHONPATH"] = str(Path(source).resolve())
    return environment


def _content_course(sources: int, versions: dict[str, str], runs: int) -> int:
    """`check` cold (empty cache) and warm on a generated tree without git, beside the floor."""
    base = {**os.environ}
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "tree"
        expected = generate(root, sources, 20, seed=1)
        print(f"built {expected['translated_files']} translated files, 20 languages")
        figures: dict[str, dict[str, list[tuple[float, float]]]] = {}
        floor = [sys.executable, str(HERE / "baseline_scan.py"), str(root)]
        check = [sys.executable, "-m", "transync", "check", str(root)]
        for _ in range(runs):
            figures.setdefault("bare scan (floor)", {}).setdefault("", []).append(
                _time(floor, base)
            )
            for label, source in versions.items():
                cache = Path(folder) / label
                shutil.rmtree(cache, ignore_errors=True)
                environment = _environment(base, source, cache)
                for row in ("check, empty cache", "check, warm cache"):
                    figures.setdefault(row, {}).setdefault(label, []).append(
                        _time(check, environment)
                    )
        _print(figures)
    return 0


def _row(
    root: Path,
    row: str,
    command: list[str],
    environment: dict[str, str],
    page: str,
    folder: Path,
) -> tuple[float, float]:
    """Prepare the tree and the cache for one row, time its command, and undo the edit."""
    cache = Path(environment["TRANSYNC_CACHE_DIR"])
    filled = folder / "filled"
    if row == "status":
        _time(
            command, environment, cwd=root
        )  # untimed: the history caches as an earlier run left them
        return _time(command, environment, cwd=root)
    if row.startswith("check, nothing"):
        shutil.rmtree(cache, ignore_errors=True)
        _time(command, environment, cwd=root)
        shutil.rmtree(filled, ignore_errors=True)
        shutil.copytree(cache, filled)
        return _time(command, environment, cwd=root)
    if row.startswith("check, empty"):
        shutil.rmtree(cache, ignore_errors=True)
        return _time(command, environment, cwd=root)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(filled, cache)  # as the run before the edit left it
    _edit(root, page)
    try:
        if row.startswith("pre-commit"):
            _git(root, "add", page)
        return _time(command, environment, cwd=root)
    finally:
        _git(root, "reset", "-q")
        _git(root, "checkout", "-q", "--", page)


def _print(figures: dict[str, dict[str, list[tuple[float, float]]]]) -> None:
    """Medians, and ratios to the floor's median: of wall times and of CPU times (on a shared
    machine the CPU ratio is the steadier one)."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load}; {os.cpu_count()} cores")
    floor = figures["bare scan (floor)"][""]
    floor_wall = statistics.median(wall for wall, _ in floor)
    floor_cpu = statistics.median(cpu for _, cpu in floor)
    width = max(map(len, figures))
    print(
        f"{'':{width}}  {'version':>10} {'wall s':>7} {'min s':>7} {'ratio':>6}"
        f" {'CPU s':>7} {'ratio':>6}"
    )
    for row, versions in figures.items():
        for label, values in versions.items():
            wall = statistics.median(wall for wall, _ in values)
            cpu = statistics.median(cpu for _, cpu in values)
            fastest = min(wall for wall, _ in values)
            print(
                f"{row:{width}}  {label:>10} {wall:7.2f} {fastest:7.2f} {wall / floor_wall:5.1f}x"
                f" {cpu:7.2f} {cpu / floor_cpu:5.1f}x"
            )


if __name__ == "__main__":
    raise SystemExit(main())
