"""`check --format markdown`: the verdict as a PR comment, and GitHub's job summary.

Long lists are cut (GitHub caps comments at 65,536 characters); the JSON and SARIF outputs
always hold everything.
"""

from __future__ import annotations

from transync.policy.evaluate import CheckResult, Verdict
from transync.report.locations import where
from transync.report.markdown import code, escape, language_table

MAX_ITEMS = 100


def render(result: CheckResult) -> str:
    report = result.report
    lines = [f"## {headline(result)}", ""]
    if result.scope:
        lines += [
            f"Checked what changed since {code(result.scope.ref)}"
            f" ({result.scope.changed_files} changed files).",
            "",
        ]
    lines += language_table(report)
    if result.below_fresh:
        lines += ["", "**Below the freshness target:**", ""]
        lines += [f"- {escape(item.message)}" for item in result.below_fresh]
    lines += _section(f"Failures ({len(result.failures)})", result.failures, report.root)
    if result.warnings:
        lines += [
            "",
            f"<details><summary>Warnings ({len(result.warnings)})</summary>",
            "",
            *_items(result.warnings, report.root),
            "",
            "</details>",
        ]
    if result.fixed:
        lines += ["", f"### Fixed since the baseline ({len(result.fixed)})", ""]
        lines += [
            f"- **{entry.kind}** {code(entry.path)}: {escape(entry.message)}"
            for entry in result.fixed[:MAX_ITEMS]
        ]
        lines += _more(len(result.fixed))
    return "\n".join(lines) + "\n"


def headline(result: CheckResult) -> str:
    if result.passed:
        return "✅ transync check passed"
    return f"❌ transync check failed: {', '.join(result.failed_by)}"


def _section(title: str, verdicts: tuple[Verdict, ...], root: str) -> list[str]:
    if not verdicts:
        return []
    return ["", f"### {title}", "", *_items(verdicts, root)]


def _items(verdicts: tuple[Verdict, ...], root: str) -> list[str]:
    lines = []
    for verdict in verdicts[:MAX_ITEMS]:
        problem = verdict.problem
        language = f"{code(problem.language)} " if problem.language else ""
        reason = f" _({escape(verdict.reason)})_" if verdict.reason else ""
        lines.append(
            f"- {language}**{problem.kind}** {code(where(root, problem))}:"
            f" {escape(problem.message)}{reason}"
        )
    return lines + _more(len(verdicts))


def _more(count: int) -> list[str]:
    return [f"- … and {count - MAX_ITEMS} more"] if count > MAX_ITEMS else []
