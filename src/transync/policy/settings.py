"""The policy's settings: `[tool.transync.check]` validated, then the command-line flags on top.

config.py keeps that table raw because only `check` knows its shape. Wrong types stop the run
with the key named; unknown keys are warnings, so a config written for a newer transync runs.
A flag replaces its setting everywhere, per-language overrides included: what someone typed
on the command line is what runs.

    [tool.transync.check]
    fail-on = ["stale", "missing"]
    min-fresh = 80
    [[tool.transync.check.overrides]]   # tier-1 languages: strict
    languages = ["ja", "zh-CN"]
    fail-on = ["error"]
    min-fresh = 100
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from transync.errors import ConfigError
from transync.policy.kinds import KindMatcher, Qualifier, parse_kinds

DEFAULT_FAIL_ON = ("stale", "missing", "orphan", "invalid-metadata", "failed", "error")
DEFAULT_WARN_ON = ("error", "warning")

_RULE_KEYS = {"fail-on", "warn-on", "min-fresh", "max-age"}
_KNOWN_KEYS = _RULE_KEYS | {"lang", "baseline", "overrides"}
_OVERRIDE_KEYS = _RULE_KEYS | {"languages"}


@dataclass(frozen=True)
class Rules:
    """What fails and what warns, for one language (or for all that no override names)."""

    fail_on: KindMatcher
    warn_on: KindMatcher
    min_fresh: float | None = None
    max_age_days: int | None = None


@dataclass(frozen=True)
class Override:
    languages: frozenset[str]
    rules: Rules


@dataclass(frozen=True)
class Policy:
    rules: Rules
    overrides: tuple[Override, ...] = ()
    languages: tuple[str, ...] = ()
    baseline: str | None = None
    warnings: tuple[str, ...] = ()

    def rules_for(self, language: str | None) -> Rules:
        """The first override naming the language, else the general rules."""
        for override in self.overrides:
            if language in override.languages:
                return override.rules
        return self.rules


@dataclass(frozen=True)
class Flags:
    """What the command line said; None (or empty) means "not given"."""

    fail_on: Sequence[str] = ()
    warn_on: Sequence[str] = ()
    min_fresh: float | None = None
    max_age_days: int | None = None
    languages: Sequence[str] = ()
    baseline: str | None = None


@dataclass(frozen=True)
class _Raw:
    """One level of settings before kinds are parsed, so flags can replace single knobs."""

    fail_on: KindMatcher | None = None
    warn_on: KindMatcher | None = None
    min_fresh: float | None = None
    max_age_days: int | None = None


Qualifiers = Mapping[str, Mapping[str, Qualifier]] | None


def build_policy(
    table: Mapping[str, Any],
    flags: Flags,
    source: str = "[tool.transync.check]",
    qualifiers: Qualifiers = None,
) -> Policy:
    """Validate the config table and lay the flags over it."""
    warnings = [
        f"{source}: unknown key '{key}' ignored" for key in sorted(set(table) - _KNOWN_KEYS)
    ]
    general = _raw(table, source, qualifiers)
    flagged = _from_flags(flags, qualifiers)
    overrides = []
    raw_overrides = table.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise ConfigError(f"{source}: 'overrides' must be a list of tables")
    for index, item in enumerate(raw_overrides):
        where = f"{source} overrides[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: must be a table")
        warnings += [
            f"{where}: unknown key '{key}' ignored" for key in sorted(set(item) - _OVERRIDE_KEYS)
        ]
        languages = item.get("languages")
        if not languages:
            raise ConfigError(f"{where}: 'languages' must be a non-empty list of language codes")
        codes = frozenset(_strings(languages, "languages", where))
        merged = _over(_over(general, _raw(item, where, qualifiers)), flagged)
        overrides.append(Override(codes, _rules(merged, qualifiers)))
    return Policy(
        rules=_rules(_over(general, flagged), qualifiers),
        overrides=tuple(overrides),
        languages=tuple(flags.languages) or _strings(table.get("lang", []), "lang", source),
        baseline=flags.baseline or _optional_string(table.get("baseline"), "baseline", source),
        warnings=tuple(warnings),
    )


def _from_flags(flags: Flags, qualifiers: Qualifiers) -> _Raw:
    return _Raw(
        fail_on=parse_kinds(flags.fail_on, "--fail-on", qualifiers) if flags.fail_on else None,
        warn_on=parse_kinds(flags.warn_on, "--warn-on", qualifiers) if flags.warn_on else None,
        min_fresh=_percent(flags.min_fresh, "--min-fresh"),
        max_age_days=flags.max_age_days,
    )


def _over(base: _Raw, top: _Raw) -> _Raw:
    """`top`'s settings where it has them, `base`'s elsewhere."""
    return replace(
        base,
        fail_on=top.fail_on if top.fail_on is not None else base.fail_on,
        warn_on=top.warn_on if top.warn_on is not None else base.warn_on,
        min_fresh=top.min_fresh if top.min_fresh is not None else base.min_fresh,
        max_age_days=top.max_age_days if top.max_age_days is not None else base.max_age_days,
    )


def _rules(raw: _Raw, qualifiers: Qualifiers) -> Rules:
    """The settings, with the defaults where nothing was said."""
    return Rules(
        fail_on=raw.fail_on
        if raw.fail_on is not None
        else parse_kinds(DEFAULT_FAIL_ON, "fail-on", qualifiers),
        warn_on=raw.warn_on
        if raw.warn_on is not None
        else parse_kinds(DEFAULT_WARN_ON, "warn-on", qualifiers),
        min_fresh=raw.min_fresh,
        max_age_days=raw.max_age_days,
    )


def _raw(table: Mapping[str, Any], where: str, qualifiers: Qualifiers) -> _Raw:
    fail_on = _kinds(table.get("fail-on"), "fail-on", where)
    warn_on = _kinds(table.get("warn-on"), "warn-on", where)
    return _Raw(
        fail_on=None if fail_on is None else parse_kinds(fail_on, f"{where} fail-on", qualifiers),
        warn_on=None if warn_on is None else parse_kinds(warn_on, f"{where} warn-on", qualifiers),
        min_fresh=_percent(table.get("min-fresh"), where),
        max_age_days=_days(table.get("max-age"), where),
    )


def _kinds(value: object, key: str, where: str) -> tuple[str, ...] | None:
    """A list of kinds, or one comma-separated string as on the command line."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return _strings(value, key, where)


def _strings(value: object, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _optional_string(value: object, key: str, where: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string")
    return value


def _percent(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"{where}: 'min-fresh' must be a number from 0 to 100 (got {value!r})")
    return float(value)


def _days(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: 'max-age' must be a whole number of days (got {value!r})")
    return value
