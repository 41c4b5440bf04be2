"""Configuration: `transync.toml`, or `[tool.transync]` in `pyproject.toml`, at the scan root.

Reading is strict about shapes (a wrong type names its key and stops the run) and lenient
about unknown keys (a warning), so that a config written for a newer transync still runs.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
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
    source: str | None = None
    warnings: tuple[str, ...] = ()


_KNOWN_KEYS = {"layouts", "include", "exclude", "checks", "check"}


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
        source=source,
        warnings=warnings,
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
        translations = item.get("translations")
        sources = item.get("sources", ".")
        if not isinstance(translations, str) or not isinstance(sources, str):
            raise ConfigError(
                f"{source}: '{key}' needs string values for 'translations' and 'sources'"
            )
        if translations.count(LANG_PLACEHOLDER) != 1:
            raise ConfigError(
                f"{source}: '{key}.translations' must contain {LANG_PLACEHOLDER} exactly once"
                f" (got {translations!r})"
            )
        for name, path in (("translations", translations), ("sources", sources)):
            if path.startswith("/") or ".." in path.replace("\\", "/").split("/"):
                raise ConfigError(f"{source}: '{key}.{name}' must stay inside the repository")
        layouts.append(Layout(translations.strip("/"), sources.strip("/") or "."))
    return tuple(layouts)


def _strings(value: object, key: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return tuple(value)


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
