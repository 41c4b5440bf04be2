"""The pipeline's stages, in order: the one place that says which module belongs where.

Data flows one way, down this list, so a module imports only from its own stage or an earlier
one (type-only and function-local imports included), and the modules import no cycle.
`tests/test_import_graph.py` reads every import and holds the code to that; the README's
architecture table is this list (`tests/test_import_graph.py` compares them). A new module is
placed by naming it, or the package it is in, under its stage here.
"""

from __future__ import annotations

from typing import NamedTuple


class Stage(NamedTuple):
    name: str
    # Modules and packages of `transync`, by dotted name (`__init__` is the package itself).
    modules: tuple[str, ...]
    what: str


STAGES = (
    Stage(
        "foundation",
        (
            "__init__",
            "stages",
            "errors",
            "model",
            "text",
            "inert",
            "paths",
            "languages",
            "fileio",
            "cache_dir",
            "cache",
            "parallel",
            "hashing",
            "matching",
        ),
        "findings, states and roll-ups as frozen dataclasses (`model/`), errors, text and path"
        " helpers, the one guarded way to read files and write them atomically, MD5, the cache"
        " folder and the caches keyed by file signatures, workers, difflib's matcher",
    ),
    Stage(
        "document",
        ("document",),
        "a Markdown page as every reader of one sees it: lines, fences, headings, links, code"
        " blocks, tables (pyromark; markdown-it-py as the tests' reference); text alone, so any"
        " later stage may read pages",
    ),
    Stage("config", ("config",), "`transync.toml` / `[tool.transync]`, layouts, severities"),
    Stage(
        "discover",
        ("discover",),
        "layouts, sources, language folders, translations, legacy flat image names; the `Tree`"
        " it reads (the work tree, or a commit's blobs for `trend`) and checkout line endings",
    ),
    Stage(
        "metadata",
        ("metadata",),
        "one reader per co-op-translator convention: inline block, sidecar, notebook",
    ),
    Stage(
        "classify", ("classify", "summary"), "one state per language and file, counts and fresh %"
    ),
    Stage(
        "checks",
        ("checks",),
        "one small module per check, registered in `checks/registry.py`; `checks/engine/content.py`"
        " runs the content checks over `document/`",
    ),
    Stage(
        "history",
        ("history", "estimated_summary"),
        "provenance from git, causes, estimates, the trend, `--changed-from`'s change set",
    ),
    Stage("roll-up", ("rollup",), "one finding group per cause, across languages"),
    Stage("policy", ("policy",), "what `check` fails on, its scope, baselines, check's groups"),
    Stage("scan", ("scan",), "the one read pipeline, config to roll-up, for every command"),
    Stage(
        "worklist",
        ("course", "worklist", "coop"),
        "what is left to do: the course's reading order, the work list, co-op-translator's"
        " own rules and what its next run will do",
    ),
    Stage(
        "report",
        ("report",),
        "one renderer per output: table, JSON, Markdown, GitHub, SARIF, JUnit, the dashboard site",
    ),
    Stage(
        "sync",
        ("sync",),
        "the write side: one pure planner per write command returning a `Plan`, one executor",
    ),
    Stage("commands", ("commands",), "one module per command, wiring the stages"),
    Stage("cli", ("cli", "__main__"), "parses arguments, nothing else"),
)
