"""`check --format github`: workflow-command annotations, and the job summary.

GitHub shows only 10 error and 10 warning annotations per step, so each is a roll-up, the most
important first: one cause (a source stale in 51 of 54 languages, one defect at one place of a
source in 40 languages) per annotation, naming its languages. What does not fit is counted on
the last lines and listed in the job summary (`check_markdown`, written by the command).
Values are escaped exactly as GitHub's toolkit does (`@actions/core` command.ts): data escapes
`%`, CR and LF; properties also `:` and `,`, which would otherwise end the property.
"""

from __future__ import annotations

from transync.inert import command_data, command_property
from transync.policy.evaluate import CheckResult
from transync.policy.groups import CommitGroup, ProblemGroup
from transync.policy.problems import Outcome
from transync.report.check_markdown import headline
from transync.report.locations import checkout_path, shown_path
from transync.report.rollup_text import describe_below_fresh, describe_check_cause

_COMMANDS = {Outcome.FAIL: "error", Outcome.WARN: "warning"}
# GitHub's limit per step and per kind of annotation.
MAX_ANNOTATIONS = 10


def render(result: CheckResult) -> str:
    lines: list[str] = []
    left_out: list[str] = []
    for outcome, command in _COMMANDS.items():
        budget = MAX_ANNOTATIONS
        if outcome is Outcome.FAIL and result.below_fresh:
            budget -= 1
            message = describe_below_fresh(result.below_fresh)
            lines.append(_command(command, {"title": "transync min-fresh"}, message))
        causes = result.causes_of(outcome)
        lines += [_annotation(cause, result.report.root) for cause in causes[:budget]]
        hidden = causes[budget:]
        if hidden:
            problems = sum(cause.problems for cause in hidden)
            left_out.append(f"{len(hidden):,} more {command} causes ({problems:,} problems)")
    if left_out:
        lines.append(f"transync: {'; '.join(left_out)} are listed in the job summary")
    lines.append(headline(result))
    return "\n".join(lines) + "\n"


def _annotation(cause: ProblemGroup | CommitGroup, root: str) -> str:
    """On the source place the cause is about: a commit's several sources have no one file."""
    properties: dict[str, str] = {}
    group = cause.groups[0] if isinstance(cause, CommitGroup) and len(cause.groups) == 1 else cause
    if isinstance(group, ProblemGroup):
        properties["file"] = checkout_path(root, _file(group))
        line = _line(group)
        if line:
            properties["line"] = str(line)
    properties["title"] = f"transync {cause.kind}"
    message = describe_check_cause(cause, listed=None)
    if isinstance(cause, CommitGroup) and len(cause.groups) > 1:
        message += f" ({', '.join(cause.sources)})"
    return _command(_COMMANDS[cause.outcome], properties, message)


def _file(group: ProblemGroup) -> str:
    """A group across languages is shown on its source; a single problem where it is."""
    if len(group.verdicts) == 1:
        return shown_path(group.verdicts[0].problem)
    return group.source


def _line(group: ProblemGroup) -> int | None:
    if len(group.verdicts) == 1:
        return group.verdicts[0].problem.line
    return group.source_line


def _command(name: str, properties: dict[str, str], message: str) -> str:
    joined = ",".join(f"{key}={command_property(value)}" for key, value in properties.items())
    return f"::{name} {joined}::{command_data(message)}"
