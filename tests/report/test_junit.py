"""JUnit XML: a testsuite per language, a testcase per file, failures carry the findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from tests.conftest import NOW
from transync.model import Finding, Report, Severity
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.settings import Flags, build_policy
from transync.report import junit


def _parse(result: CheckResult) -> ET.Element:
    return ET.fromstring(junit.render(result).encode())


def test_a_suite_per_language_and_a_case_per_file(result: CheckResult) -> None:
    root = _parse(result)
    suites = {
        suite.get("name"): [case.get("name") for case in suite.iter("testcase")]
        for suite in root.iter("testsuite")
    }
    assert suites == {
        "ja": ["translations/ja/README.md", "translations/ja/guide.md"],
        "ko": ["translations/ko/README.md", "translations/ko/guide.md", "translations/ko/old.md"],
        "lt": ["translations/lt/README.md", "translations/lt/a,b:c.md", "translations/lt/guide.md"],
    }
    assert (root.get("tests"), root.get("failures")) == ("8", "3")
    assert [(s.get("tests"), s.get("failures")) for s in root.iter("testsuite")] == [
        ("2", "1"),
        ("3", "2"),
        ("3", "0"),
    ]


def test_failures_carry_the_findings_and_warnings_go_to_system_out(result: CheckResult) -> None:
    cases = {case.get("name"): case for case in _parse(result).iter("testcase")}
    failure = cases["translations/ja/README.md"].find("failure")
    assert failure is not None
    assert failure.get("type") == "stale"
    assert failure.text == "[stale] source README.md changed since this translation was made"
    assert cases["translations/ja/guide.md"].find("failure") is None
    out = cases["translations/lt/a,b:c.md"].find("system-out")
    assert out is not None
    assert out.text == "warning [broken-link] line 7 100% broken\nnext line"


def test_characters_xml_cannot_hold_are_replaced(mixed: Report) -> None:
    bad = Finding("broken-link", Severity.ERROR, "translations/lt/x.md", "bell\x07", "lt")
    result = evaluate(replace(mixed, findings=(bad,)), build_policy({}, Flags()), now=NOW)
    cases = {case.get("name"): case for case in _parse(result).iter("testcase")}
    failure = cases["translations/lt/x.md"].find("failure")
    assert failure is not None and failure.text == "[broken-link] bell\ufffd"


def test_min_fresh_failures_are_a_suite_of_their_own(mixed: Report) -> None:
    policy = build_policy({}, Flags(fail_on=("none",), min_fresh=75))
    root = _parse(evaluate(mixed, policy, now=NOW))
    [suite] = [s for s in root.iter("testsuite") if s.get("name") == "min-fresh"][:1]
    assert [case.get("name") for case in suite.iter("testcase")] == ["ja"]
    assert root.get("failures") == "2"
