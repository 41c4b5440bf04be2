"""`[tool.transync.check]`: wrong types name the key, unknown keys warn, flags win."""

from __future__ import annotations

from typing import Any

import pytest

from transync.errors import ConfigError, TransyncError
from transync.policy.settings import Flags, build_policy


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"fail-on": 3}, "'fail-on' must be a list of strings"),
        ({"min-fresh": 120}, "'min-fresh' must be a number from 0 to 100"),
        ({"min-fresh": True}, "'min-fresh' must be a number"),
        ({"max-age": 1.5}, "'max-age' must be a whole number of days"),
        ({"lang": "ja"}, "'lang' must be a list of strings"),
        ({"baseline": 1}, "'baseline' must be a string"),
        ({"overrides": {"ja": {}}}, "'overrides' must be a list of tables"),
        ({"overrides": [{"fail-on": ["stale"]}]}, r"overrides\[0\]: 'languages' must be"),
    ],
)
def test_wrong_types_name_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_policy(table, Flags(), "pyproject.toml [check]")


def test_unknown_keys_are_warnings_not_errors() -> None:
    policy = build_policy(
        {"fail_on": ["stale"], "overrides": [{"languages": ["ja"], "strict": True}]}, Flags(), "cfg"
    )
    assert policy.warnings == (
        "cfg: unknown key 'fail_on' ignored",
        "cfg overrides[0]: unknown key 'strict' ignored",
    )


def test_an_unknown_kind_in_an_override_names_the_override() -> None:
    with pytest.raises(TransyncError, match=r"^cfg overrides\[0\] warn-on: unknown kind 'warn'"):
        build_policy({"overrides": [{"languages": ["ja"], "warn-on": ["warn"]}]}, Flags(), "cfg")


def test_a_single_string_is_read_like_the_command_line() -> None:
    policy = build_policy({"fail-on": "stale,missing"}, Flags())
    assert str(policy.rules.fail_on) == "stale,missing"


def test_flags_win_over_the_config() -> None:
    table = {"fail-on": ["stale"], "min-fresh": 50, "max-age": 3, "lang": ["ja"], "baseline": "b"}
    policy = build_policy(
        table,
        Flags(fail_on=("missing",), min_fresh=90, max_age_days=7, languages=("ko",), baseline="c"),
    )
    assert str(policy.rules.fail_on) == "missing"
    assert (policy.rules.min_fresh, policy.rules.max_age_days) == (90, 7)
    assert (policy.languages, policy.baseline) == (("ko",), "c")


def test_config_applies_where_no_flag_is_given() -> None:
    policy = build_policy({"warn-on": ["none"], "lang": ["ja"], "max-age": 3}, Flags())
    assert (str(policy.rules.warn_on), policy.languages, policy.rules.max_age_days) == (
        "none",
        ("ja",),
        3,
    )


def test_defaults_fail_on_error_states_and_error_findings() -> None:
    policy = build_policy({}, Flags())
    assert str(policy.rules.fail_on) == "stale,missing,orphan,invalid-metadata,failed,error"
    assert str(policy.rules.warn_on) == "error,warning"


def test_the_first_override_naming_a_language_applies() -> None:
    policy = build_policy(
        {
            "overrides": [
                {"languages": ["ja", "ko"], "min-fresh": 100},
                {"languages": ["ja"], "min-fresh": 10},
            ]
        },
        Flags(),
    )
    assert policy.rules_for("ja").min_fresh == 100
    assert policy.rules_for("fr").min_fresh is None
    assert policy.rules_for(None) is policy.rules
