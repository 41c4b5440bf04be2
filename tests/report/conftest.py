from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import NOW
from transync.model import Finding, Report, Severity
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.settings import Flags, build_policy

# A warning whose path and message hold every character the CI formats must escape.
TRICKY = Finding(
    "broken-link", Severity.WARNING, "translations/lt/a,b:c.md", "100% broken\nnext line", "lt", 7
)


@pytest.fixture
def result(mixed: Report) -> CheckResult:
    """Default policy on `mixed` plus TRICKY: stale, missing and orphan fail, TRICKY warns."""
    return evaluate(replace(mixed, findings=(TRICKY,)), build_policy({}, Flags()), now=NOW)


@pytest.fixture
def passing(mixed: Report) -> CheckResult:
    return evaluate(mixed, build_policy({}, Flags(fail_on=("none",))), now=NOW)
