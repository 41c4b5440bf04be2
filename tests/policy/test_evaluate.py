"""The policy's knobs, each judged on one small repository (see `mixed` in conftest)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.conftest import NOW
from transync.model import Finding, Report, Severity
from transync.policy.evaluate import CheckResult, evaluate, translation_date
from transync.policy.problems import Outcome
from transync.policy.settings import Flags, build_policy


def _check(report: Report, table: dict[str, Any] | None = None, **flags: Any) -> CheckResult:
    return evaluate(report, build_policy(table or {}, Flags(**flags)), now=NOW)


def _outcomes(result: CheckResult) -> dict[tuple[str, str | None], str]:
    return {(v.problem.kind, v.problem.language): v.outcome.value for v in result.verdicts}


def test_default_policy_fails_on_stale_missing_and_orphan(mixed: Report) -> None:
    result = _check(mixed)
    assert not result.passed
    assert result.failed_by == ("missing", "orphan", "stale")
    assert _outcomes(result) == {
        ("stale", "ja"): "fail",
        ("missing", "ko"): "fail",
        ("orphan", "ko"): "fail",
    }


def test_fail_on_narrows_what_fails_and_the_rest_warns(mixed: Report) -> None:
    result = _check(mixed, fail_on=("stale",))
    assert result.failed_by == ("stale",)
    assert _outcomes(result)[("missing", "ko")] == "warn"


def test_fail_on_none_passes_and_warn_on_none_leaves_notes(mixed: Report) -> None:
    result = _check(mixed, fail_on=("none",), warn_on=("none",))
    assert result.passed
    assert set(_outcomes(result).values()) == {"note"}


def test_fail_on_takes_comma_separated_lists(mixed: Report) -> None:
    assert _check(mixed, fail_on=("orphan,missing",)).failed_by == ("missing", "orphan")


def test_severity_kind_matches_findings_of_that_severity(mixed: Report) -> None:
    finding = Finding(
        "table-rows", Severity.ERROR, "translations/lt/README.md", "2 rows of 3", "lt"
    )
    report = replace(mixed, findings=(finding,))
    assert _check(report, fail_on=("error",)).failed_by == (
        "missing",
        "orphan",
        "stale",
        "table-rows",
    )
    assert "table-rows" not in _check(report, fail_on=("stale",)).failed_by


def test_unknown_check_findings_fail_by_default_when_error_severity(mixed: Report) -> None:
    warning = Finding("broken-link", Severity.WARNING, "translations/lt/README.md", "x.md", "lt")
    error = replace(warning, check="table-rows", severity=Severity.ERROR)
    result = _check(replace(mixed, findings=(warning, error)))
    assert "table-rows" in result.failed_by
    assert _outcomes(result)[("broken-link", "lt")] == "warn"


def test_max_age_lets_young_stale_translations_warn(mixed: Report) -> None:
    # The stale ja translation was made on 2026-01-02T03:04, 57.9 days before NOW.
    young = _check(mixed, fail_on=("stale",), max_age_days=90)
    assert young.passed
    [verdict] = [v for v in young.warnings if v.problem.kind == "stale"]
    assert verdict.reason == "stale for 57 days, within max-age 90"
    assert _check(mixed, fail_on=("stale",), max_age_days=30).failed_by == ("stale",)


def test_max_age_fails_a_stale_translation_whose_date_is_unknown(mixed: Report) -> None:
    entries = tuple(replace(entry, translated_at=None) for entry in mixed.entries)
    result = _check(replace(mixed, entries=entries), fail_on=("stale",), max_age_days=365)
    assert result.failed_by == ("stale",)


def test_max_age_uses_the_clock_it_is_given(mixed: Report) -> None:
    """Provenance can say when a translation really went stale (here: yesterday)."""
    policy = build_policy({}, Flags(fail_on=("stale",), max_age_days=30))
    result = evaluate(mixed, policy, now=NOW, stale_since=lambda entry: NOW)
    assert result.passed


def test_translation_date_accepts_z_and_naive_times(mixed: Report) -> None:
    entry = mixed.entries[0]
    z = translation_date(replace(entry, translated_at="2026-01-02T00:00:00Z"))
    naive = translation_date(replace(entry, translated_at="2026-01-02T00:00:00"))
    assert z == naive and z is not None and z.tzinfo is not None
    assert translation_date(replace(entry, translated_at="yesterday")) is None


def test_min_fresh_fails_languages_below_it(mixed: Report) -> None:
    result = _check(mixed, fail_on=("none",), min_fresh=60)
    assert result.failed_by == ("min-fresh",)
    assert [item.language for item in result.below_fresh] == ["ja", "ko"]
    assert result.below_fresh[0].message == "ja is 50.0% fresh, 60% required"


def test_per_language_overrides_make_tier_one_strict_and_others_warn(mixed: Report) -> None:
    table = {
        "fail-on": ["none"],
        "warn-on": ["all"],
        "overrides": [{"languages": ["ja"], "fail-on": ["stale"], "min-fresh": 100}],
    }
    result = _check(mixed, table)
    assert result.failed_by == ("min-fresh", "stale")
    assert _outcomes(result)[("missing", "ko")] == "warn"
    assert [item.language for item in result.freshness] == ["ja"]


def test_flags_replace_the_setting_in_overrides_too(mixed: Report) -> None:
    table = {"overrides": [{"languages": ["ja"], "fail-on": ["stale"]}]}
    assert _check(mixed, table, fail_on=("missing",)).failed_by == ("missing",)


def test_registered_qualifier_narrows_a_kind(mixed: Report) -> None:
    qualifiers = {"stale": {"prose": lambda problem: problem.language == "ja"}}
    policy = build_policy({}, Flags(fail_on=("stale:prose",)), qualifiers=qualifiers)
    result = evaluate(mixed, policy, now=NOW)
    assert result.failed_by == ("stale",)


def test_results_are_grouped_by_language_then_file_with_clean_files(mixed: Report) -> None:
    files = [(item.language, item.path, item.failed) for item in _check(mixed).files]
    assert files == [
        ("ja", "translations/ja/README.md", True),
        ("ja", "translations/ja/guide.md", False),
        ("ko", "translations/ko/README.md", False),
        ("ko", "translations/ko/guide.md", True),
        ("ko", "translations/ko/old.md", True),
        ("lt", "translations/lt/README.md", False),
        ("lt", "translations/lt/guide.md", False),
    ]


def test_outcome_counts_cover_every_verdict(mixed: Report) -> None:
    result = _check(mixed, fail_on=("stale",))
    assert result.counts() == {Outcome.FAIL: 1, Outcome.WARN: 2}
    assert result.failed_counts() == (("stale", 1),)
