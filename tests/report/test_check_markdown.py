"""The PR comment: the verdict first, the table, then failures; warnings folded away."""

from __future__ import annotations

import re

from transync.model import Kind, State, TranslationEntry
from transync.policy.evaluate import CheckResult
from transync.report import check_markdown
from transync.report.markdown import languages_section
from transync.scan import build_report


def test_a_failing_check_lists_its_failures(result: CheckResult) -> None:
    text = check_markdown.render(result)
    assert text.startswith("## ❌ transync check failed: missing, orphan, stale\n")
    assert "| `ja` | 2 | 1 | 1 | 0 | 0 | 0 | 50.0% |" in text
    assert "### Failures: 3 problems from 3 causes" in text
    assert "- **missing** guide.md: missing in 1 of 3 languages (ko)" in text
    assert "<details><summary>Warnings</summary>" in text
    assert "100% broken next line" in text
    assert "`ko` **missing** `guide.md`" not in text  # the instances: --details


def test_details_add_every_problem(result: CheckResult) -> None:
    text = check_markdown.render(result, details=True)
    assert "- `ko` **missing** `guide.md`: no translation of guide.md" in text


def test_a_passing_check_says_so(passing: CheckResult) -> None:
    text = check_markdown.render(passing)
    assert text.startswith("## ✅ transync check passed\n")
    assert "### Failures" not in text


def test_a_summary_over_its_budget_is_cut_with_a_count(result: CheckResult) -> None:
    whole = check_markdown.render(result, details=True)
    cut = check_markdown.render(result, details=True, budget=len(whole.encode()) - 200)
    assert len(cut.encode()) < len(whole.encode())
    assert "more items cut to fit GitHub's size limit" in cut
    assert re.search(r"… \d+ more items", cut)


def test_a_table_of_many_languages_is_folded_away() -> None:
    entries = [
        TranslationEntry(
            f"l{index:02d}", State.CURRENT, Kind.MARKDOWN, "a.md", f"t/l{index:02d}/a.md"
        )
        for index in range(13)
    ]
    lines = languages_section(build_report(".", (), entries, []))
    assert lines[0] == "<details><summary>13 languages, 100.0% fresh</summary>"
    assert lines[-1] == "</details>"
    assert languages_section(build_report(".", (), entries[:12], []))[0].startswith("| Language")
