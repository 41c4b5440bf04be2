"""The files `transync init` writes, planned before anything is written.

A plan says, per file, what would happen: created, a section appended to an existing
pyproject.toml, replaced (only with `force`), or kept because it exists. `--dry-run` prints the
plan; a confirmed plan is written through `write_atomic`, so an interrupted init leaves each
file as it was or as planned, never half written. Nothing is read or written through a
symbolic link that leaves the repository, and nothing is written through any link (a
committed `.github` link would carry the workflow anywhere): every target is checked before
the first file is written.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path

from transync.config import CONFIG_FILE, PYPROJECT_FILE
from transync.fileio import inside_root, make_parents, read_text_inside, write_atomic
from transync.model import Layout

WORKFLOW = Path(".github") / "workflows" / "translations.yml"
SECTION_HEADER = "[tool.transync]"

# The header of the section, alone on its line (a comment may follow).
_SECTION = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*transync[ \t]*\][ \t]*(#.*)?$")
# Any table header: where the section's own keys end (its sub-tables are kept).
_HEADER = re.compile(r"^[ \t]*\[")


class Action(str, Enum):
    CREATE = "create"
    APPEND = "append"  # a [tool.transync] section added to the end of pyproject.toml
    REPLACE = "replace"  # an existing file or section overwritten: only with --force
    KEEP = "keep"  # exists; --force would replace it


@dataclass(frozen=True)
class PlannedFile:
    path: Path  # relative to the repository root
    action: Action
    content: str  # the whole file as it will be written (as it is, for KEEP)
    added: str  # the part transync writes: the section or the whole file


def config_section(layouts: Sequence[Layout], languages: Sequence[str]) -> str:
    """The settings for the layouts found, with the languages named for the reader."""
    entries = "\n".join(
        f"    {{ sources = {_string(layout.sources)}, suffix = true }},"
        if layout.suffix
        else f"    {{ translations = {_string(layout.translations)},"
        f" sources = {_string(layout.sources)} }},"
        for layout in layouts
    )
    return (
        f"# Written by `transync init`: the layouts it found, in {len(languages)} languages"
        f" ({', '.join(languages)}).\n"
        f"layouts = [\n{entries}\n]\n"
    )


def workflow() -> str:
    return (resources.files("transync.sync") / "templates" / "translations.yml").read_text(
        encoding="utf-8"
    )


def plan(root: Path, section: str, *, force: bool) -> list[PlannedFile]:
    """What init would do; refused (a one-line error) when a file it would write cannot be
    written safely, so that neither `--dry-run` nor the confirmation promises a write."""
    planned = [_config_plan(root, section, force), _file_plan(root, WORKFLOW, workflow(), force)]
    _targets(root, planned)
    return planned


def write(root: Path, planned: Sequence[PlannedFile]) -> None:
    for target, content in _targets(root, planned):
        make_parents(target)
        write_atomic(target, content)


def _targets(root: Path, planned: Sequence[PlannedFile]) -> list[tuple[Path, str]]:
    """Where each file to write goes, every one checked before any is written."""
    return [
        (inside_root(root, item.path.as_posix()), item.content)
        for item in planned
        if item.action is not Action.KEEP
    ]


def _config_plan(root: Path, section: str, force: bool) -> PlannedFile:
    """pyproject.toml when there is one (a section appended, or replaced with `force`),
    transync.toml otherwise (where the keys stand at the top level)."""
    pyproject = root / PYPROJECT_FILE
    if not pyproject.is_file() or (root / CONFIG_FILE).is_file():
        return _file_plan(root, Path(CONFIG_FILE), section, force)
    text = read_text_inside(pyproject, os.path.realpath(root), PYPROJECT_FILE)
    added = f"{SECTION_HEADER}\n{section}"
    span = _section_span(text)
    if span is None:
        separator = (
            "" if not text or text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
        )
        return PlannedFile(Path(PYPROJECT_FILE), Action.APPEND, text + separator + added, added)
    if not force:
        return PlannedFile(Path(PYPROJECT_FILE), Action.KEEP, text, added)
    start, end = span
    lines = text.splitlines(keepends=True)
    replaced = "".join(lines[:start]) + added + "\n" + "".join(lines[end:])
    return PlannedFile(Path(PYPROJECT_FILE), Action.REPLACE, replaced.rstrip("\n") + "\n", added)


def _file_plan(root: Path, path: Path, content: str, force: bool) -> PlannedFile:
    target = root / path
    if not target.exists():
        return PlannedFile(path, Action.CREATE, content, content)
    if not force:
        return PlannedFile(path, Action.KEEP, "", content)
    return PlannedFile(path, Action.REPLACE, content, content)


def _section_span(text: str) -> tuple[int, int] | None:
    """The lines of the [tool.transync] table's own keys: from its header to the next
    header (a [tool.transync.check] sub-table after it is left alone)."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        if _SECTION.match(line):
            end = next(
                (index for index in range(start + 1, len(lines)) if _HEADER.match(lines[index])),
                len(lines),
            )
            return start, end
    return None


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML ones)."""
    return json.dumps(value, ensure_ascii=False)
