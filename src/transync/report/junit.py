"""`check --format junit`: JUnit XML for GitLab, Jenkins and other CI test views.

A testsuite per language (and one named `repository` for findings that belong to none), a
testcase per file; a file that fails the policy carries one `<failure>` listing its failing
problems, and its warnings go to `<system-out>`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from transync.inert import xml_document, xml_text
from transync.policy.evaluate import CheckResult, FileResult
from transync.policy.problems import Outcome, Verdict
from transync.report.locations import checkout_path

REPOSITORY = "repository"
# Characters XML 1.0 cannot hold at all, not even escaped (file names can contain them).


def render(result: CheckResult) -> str:
    root = ET.Element("testsuites", name="transync check")
    total_tests = total_failures = 0
    for language, group in groupby(result.files, key=lambda item: item.language):
        files = list(group)
        failures = sum(item.failed for item in files)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=language or REPOSITORY,
            tests=str(len(files)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        for item in files:
            _testcase(suite, item, result.report.root)
        total_tests += len(files)
        total_failures += failures
    for freshness in result.below_fresh:
        suite = ET.SubElement(
            root, "testsuite", name="min-fresh", tests="1", failures="1", errors="0", skipped="0"
        )
        case = ET.SubElement(
            suite, "testcase", classname="transync.min-fresh", name=freshness.language
        )
        failure = ET.SubElement(case, "failure", message=freshness.message, type="min-fresh")
        failure.text = freshness.message
        total_tests += 1
        total_failures += 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    return xml_document(ET.tostring(root, encoding="unicode", xml_declaration=True)) + "\n"


def _testcase(suite: ET.Element, item: FileResult, root: str) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"transync.{item.language or REPOSITORY}",
        name=_xml(checkout_path(root, item.path)),
    )
    failing = [verdict for verdict in item.verdicts if verdict.outcome is Outcome.FAIL]
    if failing:
        kinds = ", ".join(dict.fromkeys(verdict.problem.kind for verdict in failing))
        failure = ET.SubElement(case, "failure", message=kinds, type=failing[0].problem.kind)
        failure.text = "\n".join(_line(verdict) for verdict in failing)
    warnings = [verdict for verdict in item.verdicts if verdict.outcome is Outcome.WARN]
    if warnings:
        ET.SubElement(case, "system-out").text = "\n".join(
            f"warning {_line(verdict)}" for verdict in warnings
        )


def _line(verdict: Verdict) -> str:
    problem = verdict.problem
    line = f" line {problem.line}" if problem.line else ""
    return _xml(f"[{problem.kind}]{line} {problem.message}")


def _xml(text: str) -> str:
    return xml_text(text)
