"""`check --format github`: workflow-command annotations, and the job summary.

Each failure becomes `::error file=...,line=...,title=...::message` on the translated file
(its source, for a missing one), each warning `::warning ...`. Values are escaped exactly as
GitHub's toolkit does (`@actions/core` command.ts): data escapes `%`, CR and LF; properties
also `:` and `,`, which would otherwise end the property.
"""

from __future__ import annotations

from transync.policy.evaluate import CheckResult, Outcome, Verdict
from transync.report.check_markdown import headline
from transync.report.locations import checkout_path, shown_path

_COMMANDS = {Outcome.FAIL: "error", Outcome.WARN: "warning"}


def render(result: CheckResult) -> str:
    lines = [
        _annotation(verdict, result.report.root)
        for verdict in result.verdicts
        if verdict.outcome in _COMMANDS
    ]
    lines += [
        _command("error", {"title": "transync min-fresh"}, item.message)
        for item in result.below_fresh
    ]
    lines.append(headline(result))
    return "\n".join(lines) + "\n"


def _annotation(verdict: Verdict, root: str) -> str:
    problem = verdict.problem
    properties = {"file": checkout_path(root, shown_path(problem))}
    if problem.line:
        properties["line"] = str(problem.line)
    properties["title"] = f"transync {problem.kind}"
    return _command(_COMMANDS[verdict.outcome], properties, verdict.explained)


def _command(name: str, properties: dict[str, str], message: str) -> str:
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {joined}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
