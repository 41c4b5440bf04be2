"""The terminal view: one cause per entry, its place and languages on one line and what is
wrong on the next, every problem by language and file with --details, ending with what
failed."""

from __future__ import annotations

import io

from rich.console import Console

from tests.conftest import NOW
from transync.model import Report
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.settings import Flags, build_policy
from transync.report import check_text


def _text(result: CheckResult, *, details: bool = False, width: int = 200) -> str:
    buffer = io.StringIO()
    check_text.render(result, Console(file=buffer, width=width, no_color=True), details=details)
    return buffer.getvalue()


def test_each_cause_names_its_place_and_languages_then_what_is_wrong(result: CheckResult) -> None:
    lines = _text(result).splitlines()
    start = lines.index("Fails: 3 problems from 3 causes")
    assert lines[start:] == [
        "Fails: 3 problems from 3 causes",
        "  [stale] README.md: stale in 1 of 3 languages (ja)",
        "  [missing] guide.md: missing in 1 of 3 languages (ko)",
        "  [orphan] old.md: orphaned (source gone) in 1 of 1 language (ko)",
        "",
        "Warns: 1 problem from 1 cause",
        "  [broken-link] translations/lt/a,b:c.md in 1 of 1 language (lt)",
        # one line: no forged log lines
        "      100% broken next line",
        "FAILED: 1 missing, 1 orphan, 1 stale (1 warned)",
    ]


def test_a_cause_is_cut_to_the_terminal_width_keeping_place_and_languages(
    result: CheckResult,
) -> None:
    line = next(line for line in _text(result, width=40).splitlines() if "[missing]" in line)
    assert line == "  [missing] guide.md: missing in 1 of 3…"
    wrapped = " ".join(_text(result, width=40, details=True).split())
    assert "missing in 1 of 3 languages (ko)" in wrapped


def test_details_list_every_problem_by_language_then_file(result: CheckResult) -> None:
    lines = _text(result, details=True).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip("─ ") == "ja")
    assert [line.strip("─ ") for line in lines[start:]] == [
        "ja",
        "translations/ja/README.md",
        "fail [stale] source README.md changed since this translation was made",
        "ko",
        "translations/ko/guide.md",
        "fail [missing] no translation of guide.md",
        "translations/ko/old.md",
        "fail [orphan] source old.md no longer exists",
        "lt",
        "translations/lt/a,b:c.md",
        "warn [broken-link] line 7: 100% broken next line",  # one line: no forged log lines
        "FAILED: 1 missing, 1 orphan, 1 stale (1 warned)",
    ]


def test_a_pass_is_one_green_line(passing: CheckResult) -> None:
    assert _text(passing).splitlines()[-1] == "PASSED: nothing fails the policy (3 warned)"


def test_languages_below_their_freshness_target_are_one_line(mixed: Report) -> None:
    policy = build_policy({}, Flags(fail_on=("none",), warn_on=("none",), min_fresh=75))
    lines = _text(evaluate(mixed, policy, now=NOW)).splitlines()
    assert lines[-2:] == [
        "min-fresh: 2 languages are below the freshness target: ja 50.0% < 75%, ko 50.0% < 75%",
        "FAILED: min-fresh (2 languages)",
    ]
