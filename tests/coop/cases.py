"""One generated repository holding every case co-op-translator decides differently, and the
decisions co-op-translator 0.23.2 makes on it, pinned (checked against its own functions by
`test_forecast.py` wherever it is installed)."""

from __future__ import annotations

import json

from tests.builders import RepoBuilder, inline_block, md5, record

LINES = 40
SOURCE = "".join(f"Line {number} of the lesson.\n" for number in range(1, LINES + 1))


def _translation(lines: int) -> str:
    return "".join(f"Ligne {number} de la leçon.\n" for number in range(1, lines + 1))


def build(repo: RepoBuilder) -> None:
    for name in (
        "sidecar-current.md", "sidecar-stale.md", "inline-current.md", "inline-stale.md",
        "no-metadata.md", "missing.md", "empty.md", "cut-off.md", "failed.md",
        "inline-near-margin.md", "mixed.md", "inline-crlf.md",
    ):  # fmt: skip
        repo.source(name, SOURCE)
    repo.source("lesson.ipynb", json.dumps({"cells": [], "metadata": {}}))
    repo.source(".github/ISSUE_TEMPLATE/bug.md", "Describe the bug.\n")
    full = _translation(LINES)
    repo.sidecar_entry("fr", "sidecar-current.md", full)
    repo.sidecar_entry("fr", "sidecar-stale.md", full, stale=True)
    repo.inline("fr", "inline-current.md", full)
    repo.inline("fr", "inline-stale.md", full, stale=True)
    repo.write("translations/fr/no-metadata.md", full)
    repo.sidecar_entry("fr", "empty.md", "")
    repo.inline("fr", "cut-off.md", _translation(LINES // 4))
    repo.update_sidecar(
        "fr",
        {"__translation_failures__": {"failed.md": {**record("failed.md", md5(SOURCE), "fr")}}},
    )
    # The inline block's 8 lines keep it within 15 lines of the source; without them (the run
    # migrates the block out first) it is 16 short.
    repo.inline("fr", "inline-near-margin.md", _translation(LINES - 16))
    # A stale sidecar record wins over a current inline block.
    repo.sidecar_entry("fr", "mixed.md", None, stale=True)
    repo.inline("fr", "mixed.md", full)
    # Windows line endings: co-op-translator reads text with universal newlines.
    crlf = inline_block("inline-crlf.md", md5(SOURCE), "fr") + full
    repo.write("translations/fr/inline-crlf.md", crlf.replace("\n", "\r\n"))
    stamp = record("lesson.ipynb", repo.source_hash("lesson.ipynb"), "fr")
    notebook = {"cells": [], "metadata": {"coopTranslator": stamp}}
    repo.write("translations/fr/lesson.ipynb", json.dumps(notebook))
    # An alias folder, renamed to zh-TW by the run: its plan sees no zh-TW folder.
    repo.sidecar_entry("tw", "sidecar-current.md", full)
    repo.write(
        "translations/tw/inline-current.md",
        inline_block("inline-current.md", md5(SOURCE), "zh-TW") + full,
    )


# (language, file) -> (the run's reason or None, counted by its estimate, its plan's list)
EXPECTED: dict[tuple[str, str], tuple[str | None, bool, str]] = {
    ("fr", ".github/ISSUE_TEMPLATE/bug.md"): (None, False, "new_files"),
    ("fr", "cut-off.md"): ("line-count-drift", True, "outdated_files"),
    ("fr", "empty.md"): ("line-count-drift", True, "current_files"),
    ("fr", "failed.md"): ("failed-last-time", True, "new_files"),
    ("fr", "inline-crlf.md"): (None, False, "outdated_files"),
    ("fr", "inline-current.md"): (None, False, "outdated_files"),
    ("fr", "inline-near-margin.md"): ("line-count-drift", False, "outdated_files"),
    ("fr", "inline-stale.md"): ("source-changed", True, "outdated_files"),
    ("fr", "lesson.ipynb"): (None, False, "outdated_files"),
    ("fr", "missing.md"): ("new", True, "new_files"),
    ("fr", "mixed.md"): ("source-changed", True, "outdated_files"),
    ("fr", "no-metadata.md"): ("no-metadata", True, "outdated_files"),
    ("fr", "sidecar-current.md"): (None, False, "current_files"),
    ("fr", "sidecar-stale.md"): ("source-changed", True, "outdated_files"),
    ("zh-TW", ".github/ISSUE_TEMPLATE/bug.md"): (None, False, "new_files"),
    ("zh-TW", "cut-off.md"): ("new", True, "new_files"),
    ("zh-TW", "empty.md"): ("new", True, "new_files"),
    ("zh-TW", "failed.md"): ("new", True, "new_files"),
    ("zh-TW", "inline-crlf.md"): ("new", True, "new_files"),
    ("zh-TW", "inline-current.md"): (None, True, "new_files"),
    ("zh-TW", "inline-near-margin.md"): ("new", True, "new_files"),
    ("zh-TW", "inline-stale.md"): ("new", True, "new_files"),
    ("zh-TW", "lesson.ipynb"): ("new", True, "new_files"),
    ("zh-TW", "missing.md"): ("new", True, "new_files"),
    ("zh-TW", "mixed.md"): ("new", True, "new_files"),
    ("zh-TW", "no-metadata.md"): ("new", True, "new_files"),
    ("zh-TW", "sidecar-current.md"): (None, True, "new_files"),
    ("zh-TW", "sidecar-stale.md"): ("new", True, "new_files"),
}
