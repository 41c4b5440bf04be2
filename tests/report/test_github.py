"""GitHub annotations, checked to the byte (escaping follows @actions/core's command.ts)."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import NOW
from transync.inert import command_data, command_property
from transync.model import Finding, Report, Severity
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.settings import Flags, build_policy
from transync.report import github


def test_a_single_problem_sits_on_its_file_names_its_language_and_escapes_exactly(
    result: CheckResult,
) -> None:
    assert github.render(result).splitlines() == [
        "::error file=translations/ja/README.md,title=transync stale::"
        "README.md: stale in 1 of 3 languages (ja)",
        "::error file=guide.md,title=transync missing::guide.md: missing in 1 of 3 languages (ko)",
        "::error file=translations/ko/old.md,title=transync orphan::"
        "old.md: orphaned (source gone) in 1 of 1 language (ko)",
        "::warning file=translations/lt/a%2Cb%3Ac.md,line=7,title=transync broken-link::"
        "translations/lt/a,b:c.md in 1 of 1 language (lt): 100%25 broken%0Anext line",
        "❌ transync check failed: missing, orphan, stale",
    ]


def test_escaping_rules() -> None:
    assert command_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert command_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_min_fresh_is_an_annotation_without_a_file(mixed: Report) -> None:
    policy = build_policy({}, Flags(fail_on=("none",), warn_on=("none",), min_fresh=75))
    lines = github.render(evaluate(mixed, policy, now=NOW)).splitlines()
    assert lines == [
        "::error title=transync min-fresh::2 languages are below the freshness target:"
        " ja 50.0%25 < 75%25, ko 50.0%25 < 75%25",
        "❌ transync check failed: min-fresh",
    ]


def test_paths_are_made_relative_to_the_checkout(result: CheckResult) -> None:
    nested = replace(result, report=replace(result.report, root="site/docs"))
    assert (
        github.render(nested)
        .splitlines()[0]
        .startswith("::error file=site/docs/translations/ja/README.md,")
    )


def test_a_passing_check_prints_only_its_verdict(passing: CheckResult) -> None:
    assert github.render(passing).splitlines()[-1] == "✅ transync check passed"


def test_a_tolerated_stale_translation_warns_and_says_why(mixed: Report) -> None:
    policy = build_policy({}, Flags(fail_on=("stale",), warn_on=("none",), max_age_days=90))
    assert github.render(evaluate(mixed, policy, now=NOW)).splitlines() == [
        "::warning file=translations/ja/README.md,title=transync stale::README.md: stale in 1 of"
        " 3 languages (ja) (stale for 57 days, within max-age 90)",
        "✅ transync check passed",
    ]


def _many_causes(mixed: Report, count: int) -> CheckResult:
    """`count` link-missing errors, each in its own source file, plus one warning."""
    findings = tuple(
        Finding(
            "link-missing",
            Severity.ERROR,
            f"translations/ja/lesson{index:02d}.md",
            "the source's link has no counterpart",
            "ja",
            3,
        )
        for index in range(count)
    )
    return evaluate(replace(mixed, findings=findings), build_policy({}, Flags()), now=NOW)


def test_at_most_ten_errors_the_rest_counted_for_the_job_summary(mixed: Report) -> None:
    lines = github.render(_many_causes(mixed, 25)).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 10
    # Equally important causes keep the report's order: states first.
    assert [line.split("title=transync ")[1].split("::")[0] for line in errors[:3]] == [
        "stale",
        "missing",
        "orphan",
    ]
    assert lines[-2] == (
        "transync: 18 more error causes (18 problems) are listed in the job summary"
    )


def test_min_fresh_takes_one_of_the_ten(mixed: Report) -> None:
    result = _many_causes(mixed, 25)
    policy = build_policy({}, Flags(min_fresh=75))
    judged = evaluate(result.report, policy, now=NOW)
    errors = [line for line in github.render(judged).splitlines() if line.startswith("::error")]
    assert len(errors) == 10 and "min-fresh" in errors[0]
