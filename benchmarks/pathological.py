"""Benchmark: transync on a pathological Markdown file (issue 7: bounded time on hostile input).

The document (tests/hostile/pathological.py, ~5.5 MB) holds a list and a blockquote nested
10,000 deep, 1,000 indented list levels, 100,000 links, a 1 MB table, 50,000 unclosed
emphasis delimiters and brackets, 1,000 unclosed comments and an unclosed code fence. It is
the source and, behind an inline metadata block, its own translation in two languages (one
current, one stale). The script times, in fresh processes, `transync status --format json`,
and `status --content` when this transync has content checks; then markdown-it-py's parse of
the document on its own. Run: `python benchmarks/pathological.py`.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.pathological import pathological_markdown, sections  # noqa: E402

REPEATS = 3


def _build(root: Path, text: str) -> None:
    data = text.encode()
    (root / "README.md").write_bytes(data)
    for language, digest in (("ja", hashlib.md5(data).hexdigest()), ("ko", "0" * 32)):
        record = {"original_hash": digest, "source_file": "README.md", "language_code": language}
        block = f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{json.dumps(record, indent=2)}\n-->\n"
        folder = root / "translations" / language
        folder.mkdir(parents=True)
        (folder / "README.md").write_bytes(block.encode() + data)


def _time(command: list[str]) -> float:
    """Median wall time of fresh processes, each with an empty cache (a cold scan)."""
    runs = []
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as cache:
            environment = {**os.environ, "TRANSYNC_CACHE_DIR": cache}
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False, env=environment)
            runs.append(time.perf_counter() - started)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return statistics.median(runs)


def main() -> None:
    text = pathological_markdown()
    # markdown-it stops at the first construct nested deeper than 20, so the whole document
    # hides its links and table from content checks; "flat" is the rest without nesting.
    flat = "".join(part for name, part in sections().items() if "nest" not in name)
    transync = [sys.executable, "-m", "transync"]
    has_content = (
        "--content"
        in subprocess.run(
            [*transync, "status", "--help"], capture_output=True, text=True, check=True
        ).stdout
    )
    for name, document in (("whole", text), ("flat", flat)):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            _build(root, document)
            size = len(document.encode()) / 1e6
            print(f"{name} document: {size:.1f} MB, median of {REPEATS} runs")
            status = _time([*transync, "status", str(root), "--format", "json"])
            print(f"  transync status --format json: {status:.2f} s")
            if has_content:
                command = [*transync, "status", str(root), "--format", "json", "--content"]
                print(f"  transync status --format json --content: {_time(command):.2f} s")
            else:
                print("  transync status --content: not available in this version")
    from markdown_it import MarkdownIt

    # The commonmark preset as it comes (maxNesting 20): what markdown-it sees on its own.
    parser = MarkdownIt("commonmark").enable("table")
    for name, part in {"whole document": text, **sections()}.items():
        started = time.perf_counter()
        tokens = parser.parse(part)
        took = time.perf_counter() - started
        links = sum(
            1 for token in tokens for child in token.children or [] if child.type == "link_open"
        )
        print(f"markdown-it-py parse, {name}: {took:.2f} s, {len(tokens)} tokens, {links} links")
    print(f"cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
