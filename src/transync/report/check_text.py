"""`check` in the terminal: the languages, then what fails or warns rolled up by cause (one line
per commit that made translations stale, per source a state reaches, per defect a check found
at one place of a source, each naming its languages), and a last line that names what failed
the policy. `--details` adds every problem, grouped by language and file."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from transync.inert import one_line, printable
from transync.policy.evaluate import CheckResult
from transync.policy.groups import CommitGroup, ProblemGroup
from transync.policy.problems import Outcome
from transync.report import table
from transync.report.estimates_text import no_metadata_notice
from transync.report.locations import checkout_path
from transync.report.rollup_text import (
    LISTED,
    check_cause_parts,
    describe_below_fresh,
    plural,
)
from transync.report.terminal import cuts_lines, line_options

_STYLE = {Outcome.FAIL: "bold red", Outcome.WARN: "yellow", Outcome.BASELINED: "dim"}
_SHOWN = (Outcome.FAIL, Outcome.WARN)
_HEADINGS = {Outcome.FAIL: "Fails", Outcome.WARN: "Warns"}
# Causes shown by default per outcome (two lines each), so that the whole output fits one
# screen.
SHOWN_LINES = {Outcome.FAIL: 9, Outcome.WARN: 5}


def render(result: CheckResult, console: Console, *, details: bool = False) -> None:
    notice = no_metadata_notice(result.report)
    if notice is not None:
        console.print(Text(notice, style="bold"))
    table.print_languages(result.report, console, details=details)
    if result.scope:
        console.print(
            Text(
                f"Checked what changed since {printable(result.scope.ref)}"
                f" ({result.scope.changed_files} changed files)."
            )
        )
    for outcome in _SHOWN:
        _print_groups(result, outcome, console, details=details)
    if details:
        _print_files(result, console)
    if result.below_fresh:
        # One line however many languages: cut to the terminal's width, whole with --details.
        text = Text(
            f"min-fresh: {describe_below_fresh(result.below_fresh)}", style=_STYLE[Outcome.FAIL]
        )
        console.print(text, **line_options(console, whole=details))
    if result.fixed:
        console.print(Text(f"Fixed since the baseline ({len(result.fixed)}):", style="green"))
        for entry in result.fixed:
            console.print(
                Text(f"  [{entry.kind}] {printable(entry.path)}: {one_line(entry.message)}")
            )
    console.print(summary_line(result))


def _print_groups(
    result: CheckResult, outcome: Outcome, console: Console, *, details: bool
) -> None:
    """One line per cause, the most important first; without --details, as many as fit one
    screen and a count of the rest."""
    causes = result.causes_of(outcome)
    if not causes:
        return
    problems = sum(cause.problems for cause in causes)
    console.print()
    console.print(
        Text(
            f"{_HEADINGS[outcome]}: {plural(problems, 'problem')}"
            f" from {plural(len(causes), 'cause')}",
            style=_STYLE[outcome],
        )
    )
    shown = causes if details else causes[: SHOWN_LINES[outcome]]
    console.print(
        Group(*(line for cause in shown for line in _cause_lines(cause, console, details=details))),
        **line_options(console, whole=details),
    )
    hidden = causes[len(shown) :]
    if hidden:
        count = sum(cause.problems for cause in hidden)
        console.print(
            Text(
                f"  … {plural(len(hidden), 'more cause')} ({plural(count, 'problem')}):"
                " transync check --details"
            )
        )


def _cause_lines(
    cause: ProblemGroup | CommitGroup, console: Console, *, details: bool
) -> list[Text]:
    """The place and its languages on one line, what is wrong there on a second, or a commit's
    sources on the second (the caller cuts each at a terminal's width, `line_options`)."""
    head = f"[{cause.kind}] "
    width = console.width - 2 - len(head) if cuts_lines(console) and not details else None
    where, what = check_cause_parts(cause, width=width)
    # On a terminal, fewer languages named ("ar, bg, … 27 more") where that makes the line
    # fit, rather than a list cut off.
    for listed in range(LISTED - 1, 0, -1):
        if width is None or len(where) <= width:
            break
        fewer = check_cause_parts(cause, width=width, listed=listed)
        if len(fewer[0]) <= width:
            where, what = fewer
    line = Text("  ")
    line.append(head, style=f"bold {_STYLE[cause.outcome]}")
    line.append(printable(one_line(where)))
    lines = [line]
    if what:
        lines.append(Text(f"      {printable(one_line(what))}"))
    if isinstance(cause, CommitGroup) and len(cause.sources) > 1:
        sources = ", ".join(cause.sources if details else cause.sources[:4])
        more = (
            f", … {len(cause.sources) - 4} more" if len(cause.sources) > 4 and not details else ""
        )
        lines.append(Text(f"      {printable(sources)}{more}", style="dim"))
    return lines


def _print_files(result: CheckResult, console: Console) -> None:
    """Every problem that fails or warns, by language and file (--details)."""
    files = [item for item in result.files if any(v.outcome in _SHOWN for v in item.verdicts)]
    # One print for all the lines: rich's per-call overhead made printing 4,000 problem
    # lines take 0.45 s, against 0.18 s as one group (same bytes). Names and messages come
    # from the repository: Text, never Rich markup; printable, never raw control codes.
    lines: list[RenderableType] = []
    for language, group in groupby(files, key=lambda item: item.language):
        lines.append(Rule(Text(printable(language or "repository"), style="bold")))
        for item in group:
            lines.append(Text(printable(checkout_path(result.report.root, item.path))))
            for verdict in item.verdicts:
                if verdict.outcome not in _SHOWN:
                    continue
                problem = verdict.problem
                line = Text("  ")
                line.append(f"{verdict.outcome.value} ", style=_STYLE[verdict.outcome])
                line.append(f"[{problem.kind}] ", style="bold")
                line.append(f"line {problem.line}: " if problem.line else "")
                line.append(one_line(problem.message))
                if verdict.reason:
                    line.append(f" ({one_line(verdict.reason)})", style="dim")
                lines.append(line)
    if lines:
        console.print(Group(*lines))


def summary_line(result: CheckResult) -> Text:
    counts = result.counts()
    extras = [
        f"{counts[outcome]:,} {name}"
        for outcome, name in ((Outcome.WARN, "warned"), (Outcome.BASELINED, "baselined"))
        if counts[outcome]
    ]
    tail = f" ({', '.join(extras)})" if extras else ""
    if result.passed:
        return Text(f"PASSED: nothing fails the policy{tail}", style="bold green")
    parts = [f"{count:,} {kind}" for kind, count in result.failed_counts()]
    if result.below_fresh:
        parts.append(f"min-fresh ({plural(len(result.below_fresh), 'language')})")
    return Text(f"FAILED: {', '.join(parts)}{tail}", style="bold red")
