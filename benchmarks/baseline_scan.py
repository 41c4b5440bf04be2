"""The floor for `transync status`: a bare single-pass stdlib scanner, for comparison only.

    python benchmarks/baseline_scan.py /tmp/corpus

It walks `translations/<lang>/`, parses each sidecar once, reads each translated file, finds
its inline block or notebook record, hashes each source once and compares. Nothing else: no
layouts, no validation, no missing files, no findings, no report. What transync does on top of
this is what `benchmarks/run.py` prints beside it. It understands only the tree that
`make_corpus.py` generates.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter

MARKER = b"<!--\nCO_OP_TRANSLATOR_METADATA:"


def scan(root: str) -> Counter[str]:
    hashes: dict[str, str] = {}
    counts: Counter[str] = Counter()
    top = os.path.join(root, "translations")
    for language in os.listdir(top):
        base = os.path.join(top, language)
        try:
            with open(os.path.join(base, ".co-op-translator.json"), "rb") as handle:
                sidecar = json.loads(handle.read())
        except FileNotFoundError:
            sidecar = {}
        for folder, _, names in os.walk(base):
            for name in names:
                if not name.endswith((".md", ".ipynb")):
                    continue
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                key = path[len(base) + 1 :]
                record = sidecar.get(key) or _in_file(data, name)
                if record is None:
                    counts["untracked"] += 1
                    continue
                source = os.path.join(root, record["source_file"])
                digest = hashes.get(source)
                if digest is None:
                    try:
                        with open(source, "rb") as handle:
                            digest = hashlib.md5(handle.read()).hexdigest()
                    except FileNotFoundError:
                        digest = ""
                    hashes[source] = digest
                if not digest:
                    counts["orphan"] += 1
                else:
                    counts["current" if digest == record["original_hash"] else "stale"] += 1
    return counts


def _in_file(data: bytes, name: str) -> dict[str, str] | None:
    if name.endswith(".ipynb"):
        if b"coopTranslator" not in data:
            return None
        record: dict[str, str] = json.loads(data)["metadata"]["coopTranslator"]
        return record
    start = data.find(MARKER)
    if start < 0:
        return None
    body = data[data.index(b"{", start) : data.index(b"-->", start)]
    found: dict[str, str] = json.loads(body)
    return found


def main() -> int:
    started = time.perf_counter()
    counts = scan(sys.argv[1])
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": round(elapsed, 4), "counts": dict(sorted(counts.items()))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
