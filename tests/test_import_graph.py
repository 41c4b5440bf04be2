"""The pipeline runs one way down: every module of `transync` sits in one stage of
`transync.stages`, imports nothing from a later stage and takes part in no import cycle.

Imports are read with `ast`, so type-only imports (under `TYPE_CHECKING`) and imports inside
functions count like any other: they are where a cycle hides from a test that only imports.
The README's architecture table is the stage list, written out (`python
tests/test_import_graph.py` prints it).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from transync.stages import STAGES, Stage

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "transync"
README = ROOT / "README.md"
TABLE_HEADER = "| stage | where | what it does |"

Edge = tuple[str, str, int]  # importer, imported, line


def modules(package: Path) -> dict[str, Path]:
    """Every module by dotted name (`transync.discover.tree`), packages by their own name."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(package: Path) -> list[Edge]:
    """Every import of one module of the package by another, relative ones resolved."""
    known = modules(package)
    edges: set[Edge] = set()
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parents = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*parents, base] if base else parents)
                # `from package import module` imports the module, not only the package.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            else:
                continue
            for target in targets:
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add((name, target, node.lineno))
    return sorted(edges)


def stage_of(module: str, stages: tuple[Stage, ...] = STAGES) -> int | None:
    """The index of the module's stage: the longest dotted prefix any stage names."""
    relative = module.partition(".")[2] or "__init__"
    named = [
        (len(prefix), index)
        for index, stage in enumerate(stages)
        for prefix in stage.modules
        if relative == prefix or relative.startswith(f"{prefix}.")
    ]
    return max(named)[1] if named else None


def cycles(edges: list[Edge]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    graph: dict[str, set[str]] = {}
    for importer, imported, _ in edges:
        graph.setdefault(importer, set()).add(imported)
        graph.setdefault(imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return sorted(found)


def upward(edges: list[Edge]) -> list[str]:
    """Imports from a later stage, each with both stages named."""
    found = []
    for importer, imported, line in sorted(edges):
        ours, theirs = stage_of(importer), stage_of(imported)
        if ours is not None and theirs is not None and theirs > ours:
            found.append(
                f"{importer} (stage {STAGES[ours].name}, line {line}) imports {imported}"
                f" (stage {STAGES[theirs].name}, later)"
            )
    return found


def architecture_table(stages: tuple[Stage, ...] = STAGES) -> str:
    """The README's table of stages, as `transync.stages` lists them."""
    rows = [TABLE_HEADER, "| --- | --- | --- |"]
    for stage in stages:
        where = ", ".join(
            f"`{name}/`" if (PACKAGE / name).is_dir() else f"`{name.replace('.', '/')}.py`"
            for name in stage.modules
        )
        rows.append(f"| {stage.name} | {where} | {stage.what} |")
    return "\n".join(rows)


def readme_table() -> str:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(TABLE_HEADER)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[start:end])


def test_every_module_belongs_to_a_stage() -> None:
    unplaced = [name for name in modules(PACKAGE) if stage_of(name) is None]
    assert not unplaced, f"place these modules in a stage of transync/stages.py: {unplaced}"


def test_every_module_a_stage_names_exists() -> None:
    known = {name.partition(".")[2] or "__init__" for name in modules(PACKAGE)}
    missing = [
        f"{stage.name}: {name}" for stage in STAGES for name in stage.modules if name not in known
    ]
    assert not missing, f"transync/stages.py names modules that do not exist: {missing}"


def test_no_module_imports_from_a_later_stage() -> None:
    found = upward(imports(PACKAGE))
    assert not found, "imports up the pipeline:\n" + "\n".join(found)


def test_no_modules_import_each_other_in_a_cycle() -> None:
    found = cycles(imports(PACKAGE))
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(cycle) for cycle in found)


def test_the_readme_lists_the_stages_in_their_order() -> None:
    assert readme_table() == architecture_table(), (
        "README's architecture table differs from transync/stages.py; print the table with"
        " `python tests/test_import_graph.py` and paste it"
    )


def test_type_only_local_and_relative_imports_are_all_read(tmp_path: Path) -> None:
    package = tmp_path / "transync"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from transync import high\n"
    )
    (package / "high.py").write_text("def f():\n    from .inner import deep\n")
    (package / "inner" / "__init__.py").write_text("")
    (package / "inner" / "deep.py").write_text("from .. import low\nimport transync.high\n")

    edges = {(importer, imported) for importer, imported, _ in imports(package)}

    assert edges == {
        ("transync.low", "transync.high"),
        ("transync.high", "transync.inner.deep"),
        ("transync.inner.deep", "transync.low"),
        ("transync.inner.deep", "transync.high"),
    }
    assert cycles(imports(package)) == [["transync.high", "transync.inner.deep", "transync.low"]]


def test_a_module_belongs_to_the_stage_naming_its_longest_prefix() -> None:
    stages = (Stage("low", ("a.b",), ""), Stage("high", ("a",), ""))

    assert stage_of("transync.a.b.c", stages) == 0
    assert stage_of("transync.a.c", stages) == 1
    assert stage_of("transync.x", stages) is None


if __name__ == "__main__":
    sys.stdout.write(architecture_table() + "\n")
