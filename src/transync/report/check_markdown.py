"""`check --format markdown`: the verdict as a PR comment, and GitHub's job summary.

Problems are shown rolled up, one item per cause naming its languages (every problem, by file,
with `--details`). GitHub caps a comment at 65,536 characters and a job summary at 1 MiB, so
the text is cut to a budget, with a count of what was left out; the JSON and SARIF outputs
always hold everything.
"""

from __future__ import annotations

from transync.inert import markdown_code, markdown_text
from transync.policy.evaluate import CheckResult
from transync.policy.groups import CommitGroup
from transync.policy.problems import Outcome, Verdict
from transync.report.locations import where
from transync.report.markdown import languages_section
from transync.report.rollup_text import describe_check_cause, describe_problem_group, plural

# GitHub's limits, less room for the line that says what was cut.
COMMENT_BUDGET = 65_536 - 200
SUMMARY_BUDGET = 1_048_576 - 1_000


def render(result: CheckResult, *, details: bool = False, budget: int = COMMENT_BUDGET) -> str:
    report = result.report
    lines = [f"## {headline(result)}", ""]
    if result.scope:
        lines += [
            f"Checked what changed since {markdown_code(result.scope.ref)}"
            f" ({result.scope.changed_files} changed files).",
            "",
        ]
    lines += languages_section(report)
    if result.below_fresh:
        lines += ["", "**Below the freshness target:**", ""]
        lines += [f"- {markdown_text(item.message)}" for item in result.below_fresh]
    lines += _outcome(result, Outcome.FAIL, "Failures", details)
    warnings = _outcome(result, Outcome.WARN, "Warnings", details)
    if warnings:
        # Folded away: a PR comment leads with what fails.
        lines += ["", "<details><summary>Warnings</summary>", *warnings, "", "</details>"]
    if result.fixed:
        lines += ["", f"### Fixed since the baseline ({len(result.fixed)})", ""]
        lines += [
            f"- **{entry.kind}** {markdown_code(entry.path)}: {markdown_text(entry.message)}"
            for entry in result.fixed
        ]
    return _within(lines, budget)


def headline(result: CheckResult) -> str:
    if result.passed:
        return "✅ transync check passed"
    return f"❌ transync check failed: {', '.join(result.failed_by)}"


def _outcome(result: CheckResult, outcome: Outcome, title: str, details: bool) -> list[str]:
    """One item per cause (a commit's stale sources as sub-items); every problem with details."""
    causes = result.causes_of(outcome)
    if not causes:
        return []
    problems = sum(cause.problems for cause in causes)
    lines = [
        "",
        f"### {title}: {plural(problems, 'problem')} from {plural(len(causes), 'cause')}",
        "",
    ]
    for cause in causes:
        lines.append(
            f"- **{cause.kind}** {markdown_text(describe_check_cause(cause, listed=None))}"
        )
        if isinstance(cause, CommitGroup) and len(cause.groups) > 1:
            lines += [
                f"  - {markdown_text(describe_problem_group(group, listed=None))}"
                for group in cause.groups
            ]
    if details:
        lines += ["", f"#### Every problem ({problems:,})", ""]
        lines += [
            _item(verdict, result.report.root)
            for group in result.groups
            if group.outcome is outcome
            for verdict in group.verdicts
        ]
    return lines


def _item(verdict: Verdict, root: str) -> str:
    problem = verdict.problem
    language = f"{markdown_code(problem.language)} " if problem.language else ""
    reason = f" _({markdown_text(verdict.reason)})_" if verdict.reason else ""
    return (
        f"- {language}**{problem.kind}** {markdown_code(where(root, problem))}:"
        f" {markdown_text(problem.message)}{reason}"
    )


def _within(lines: list[str], budget: int) -> str:
    """The lines that fit in `budget` bytes of UTF-8, and a count of the list items cut."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        size = len(line.encode("utf-8", "surrogatepass")) + 1
        if used + size > budget:
            cut = sum(1 for rest in lines[index:] if rest.lstrip().startswith("- "))
            kept.append(
                f"\n… {cut:,} more items cut to fit GitHub's size limit"
                " (`transync check --format json` has everything)"
            )
            break
        kept.append(line)
        used += size
    return "\n".join(kept) + "\n"
