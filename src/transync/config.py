"""Configuration: `transync.toml`, or `[tool.transync]` in `pyproject.toml`, at the scan root.

Reading is strict about shapes (a wrong type names its key and stops the run) and lenient
about unknown keys (a warning), so that a config written for a newer transync still runs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transync.errors import ConfigError
from transync.fileio import Refused, read_inside
from transync.model import LANG_PLACEHOLDER, Layout, Severity

CONFIG_FILE = "transync.toml"
PYPROJECT_FILE = "pyproject.toml"

# co-op-translator's own EXCLUDED_DIRS plus tool caches: never sources, wherever they sit.
# Config `exclude` globs add to these.
DEFAULT_EXCLUDED_DIRS = frozenset(
    {
        ".git",
        ".github",
        ".venv",
        "venv",
        "env",
        ".env",
        ".devcontainer",
        "node_modules",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".tox",
        ".idea",
        ".vscode",
        "build",
        "dist",
        "site-packages",
        "translations",
        "translated_images",
        "translated_images_fast",
        "transync-site",  # `transync dashboard`'s default output: its SUMMARY.md is no source
    }
)

OFF = "off"
# `meta-files`: repository meta files (AGENTS.md, CONTRIBUTING.md, hidden folders) come last in
# work lists, or are left out of them.
META_FILES = ("last", "out")
# `badge-thresholds`: the fresh % from which a figure is green, yellow, orange (red below), in
# badges, the README's languages table and the dashboard alike.
BADGE_THRESHOLDS = (90.0, 75.0, 50.0)
# `estimates`: what becomes of untracked translations judged from git history.
ESTIMATES_APART = "apart"  # shown, labelled, counted apart from the exact states (default)
ESTIMATES_COUNT = "count"  # counted as the state they estimate, in the figures and the gate
ESTIMATE_SETTINGS = (ESTIMATES_APART, ESTIMATES_COUNT, OFF)


@dataclass(frozen=True)
class Config:
    """Settings for one scan. `layouts` is empty when they are to be detected."""

    layouts: tuple[Layout, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Per-check severity overrides; a check mapped to None is turned off.
    severities: Mapping[str, Severity | None] = field(default_factory=dict)
    # `[tool.transync.check]`, validated by the `check` command that owns it.
    check: Mapping[str, Any] = field(default_factory=dict)
    meta_files: str = META_FILES[0]
    badge_thresholds: tuple[float, float, float] = BADGE_THRESHOLDS
    source: str | None = None
    warnings: tuple[str, ...] = ()
    # Whether translated images join pages in the freshness figures (`count-images`); by
    # default they have a figure of their own.
    count_images: bool = False
    estimates: str = ESTIMATES_APART


COUNT_IMAGES = "count-images"
_KNOWN_KEYS = {
    "layouts",
    "include",
    "exclude",
    "checks",
    "check",
    "estimates",
    COUNT_IMAGES,
    "meta-files",
    "badge-thresholds",
}


def load_config(root: Path) -> Config:
    """Read the configuration that applies to a scan of `root` (defaults when there is none)."""
    dedicated = root / CONFIG_FILE
    if dedicated.is_file():
        table = _read_toml(root, dedicated)
        # transync.toml may hold the keys at top level or under [tool.transync], like pyproject.
        tool = table.get("tool")
        section = tool.get("transync", table) if isinstance(tool, dict) else table
        return parse_config(section, CONFIG_FILE)
    pyproject = root / PYPROJECT_FILE
    if pyproject.is_file():
        tool = _read_toml(root, pyproject).get("tool")
        section = tool.get("transync") if isinstance(tool, dict) else None
        if section is not None:
            return parse_config(section, f"{PYPROJECT_FILE} [tool.transync]")
    return Config()


def _read_toml(root: Path, path: Path) -> dict[str, Any]:
    try:
        data = read_inside(path, os.path.realpath(root))
    except Refused as refusal:
        raise ConfigError(f"{path.name}: {refusal.strerror}") from None
    except OSError as error:
        raise ConfigError(f"{path.name}: cannot read: {error}") from None
    import tomllib  # only where there is a file to read: 6 ms, most runs have none

    try:
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path.name}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path.name}: cannot read: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path.name}: not valid TOML: nested too deeply") from None


def parse_config(section: object, source: str) -> Config:
    """Validate a config table; `source` names it in error messages."""
    if not isinstance(section, dict):
        raise ConfigError(f"{source}: expected a table of settings")
    warnings = tuple(
        f"{source}: unknown key '{key}' ignored" for key in sorted(set(section) - _KNOWN_KEYS)
    )
    return Config(
        layouts=_layouts(section.get("layouts", []), source),
        include=_strings(section.get("include", []), "include", source),
        exclude=_strings(section.get("exclude", []), "exclude", source),
        severities=_severities(section.get("checks", {}), source),
        check=_table(section.get("check", {}), "check", source),
        meta_files=_choice(
            section.get("meta-files", META_FILES[0]), "meta-files", META_FILES, source
        ),
        badge_thresholds=_thresholds(
            section.get("badge-thresholds", list(BADGE_THRESHOLDS)), source
        ),
        source=source,
        warnings=warnings,
        estimates=_choice(
            section.get("estimates", ESTIMATES_APART), "estimates", ESTIMATE_SETTINGS, source
        ),
        count_images=_boolean(section.get(COUNT_IMAGES, False), COUNT_IMAGES, source),
    )


def _layouts(value: object, source: str) -> tuple[Layout, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{source}: 'layouts' must be a list of tables")
    layouts = []
    for index, item in enumerate(value):
        key = f"layouts[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(
                f"{source}: '{key}' must be a table with 'translations' and 'sources'"
            )
        suffix = item.get("suffix", False)
        if not isinstance(suffix, bool):
            raise ConfigError(f"{source}: '{key}.suffix' must be true or false")
        sources = item.get("sources", ".")
        # A suffix layout (`page.fr.md` beside `page.md`) keeps translations among sources.
        translations = item.get("translations", sources if suffix else None)
        if not isinstance(translations, str) or not isinstance(sources, str):
            raise ConfigError(
                f"{source}: '{key}' needs string values for 'translations' and 'sources'"
            )
        if suffix and translations != sources:
            raise ConfigError(
                f"{source}: '{key}' with 'suffix = true' keeps translations beside their"
                " sources: give 'sources' only"
            )
        if not suffix and translations.count(LANG_PLACEHOLDER) != 1:
            raise ConfigError(
                f"{source}: '{key}.translations' must contain {LANG_PLACEHOLDER} exactly once"
                f" (got {translations!r})"
            )
        for name, path in (("translations", translations), ("sources", sources)):
            if path.startswith("/") or ".." in path.replace("\\", "/").split("/"):
                raise ConfigError(f"{source}: '{key}.{name}' must stay inside the repository")
        layouts.append(
            Layout(translations.strip("/") or ".", sources.strip("/") or ".", suffix=suffix)
        )
    return tuple(layouts)


def _strings(value: object, key: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return tuple(value)


def _choice(value: object, key: str, allowed: tuple[str, ...], source: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{source}: '{key}' must be one of {', '.join(allowed)} (got {value!r})")
    return str(value)


def _thresholds(value: object, source: str) -> tuple[float, float, float]:
    numbers = value if isinstance(value, list) else []
    if (
        len(numbers) != 3
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers)
        or not 100 >= numbers[0] >= numbers[1] >= numbers[2] >= 0
    ):
        raise ConfigError(
            f"{source}: 'badge-thresholds' must be three percentages, green >= yellow >= orange"
            f" (e.g. [90, 75, 50]; got {value!r})"
        )
    return (float(numbers[0]), float(numbers[1]), float(numbers[2]))


def _boolean(value: object, key: str, source: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: '{key}' must be true or false (got {value!r})")
    return value


def _table(value: object, key: str, source: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: '{key}' must be a table")
    return value


def _severities(value: object, source: str) -> dict[str, Severity | None]:
    table = _table(value, "checks", source)
    allowed = [severity.value for severity in Severity] + [OFF]
    severities: dict[str, Severity | None] = {}
    for check, setting in table.items():
        if setting not in allowed:
            raise ConfigError(
                f"{source}: 'checks.{check}' must be one of {', '.join(allowed)} (got {setting!r})"
            )
        severities[check] = None if setting == OFF else Severity(setting)
    return severities


def config_fingerprint(config: Config) -> str:
    """A digest of every setting, so that cached results die with the configuration."""
    return hashlib.sha256(repr(config).encode()).hexdigest()
