"""The terminal view: grouped by language then file, ending with what failed."""

from __future__ import annotations

import io

from rich.console import Console

from transync.policy.evaluate import CheckResult
from transync.report import check_text


def _text(result: CheckResult) -> str:
    buffer = io.StringIO()
    check_text.render(result, Console(file=buffer, width=200, no_color=True))
    return buffer.getvalue()


def test_groups_by_language_then_file_and_names_what_failed(result: CheckResult) -> None:
    lines = _text(result).splitlines()
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
