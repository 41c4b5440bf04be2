"""`transync check`: the status scan, judged by a policy, for CI.

Wiring only: settings -> (changed files) -> scan -> baseline -> evaluate -> one renderer.
Returns 0 when the policy passed and 1 when it failed; anything that stops the check from
running raises `TransyncError` (exit 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click

from transync.checks.names import CONTENT_CHECK_NAMES
from transync.commands.common import load_config_and_warn, write_output
from transync.errors import EXIT_OK, EXIT_POLICY_FAILED, TransyncError
from transync.history.policy import stale_since
from transync.model import Report
from transync.policy.baseline import Baseline, read_baseline, write_baseline
from transync.policy.evaluate import CheckResult, changed_scope, evaluate, translation_date
from transync.policy.problems import Outcome
from transync.policy.settings import Flags, Policy, build_policy
from transync.report.formats import CHECK
from transync.report.progress import delayed_progress
from transync.scan import scan

STEP_SUMMARY = "GITHUB_STEP_SUMMARY"


@dataclass(frozen=True)
class CheckOptions:
    """`transync check`'s command line, one field per option."""

    path: str = "."
    fail_on: tuple[str, ...] = ()
    warn_on: tuple[str, ...] = ()
    min_fresh: float | None = None
    max_age_days: int | None = None
    languages: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline: str | None = None
    changed_from: str | None = None
    output_format: str = CHECK.default
    output: str | None = None
    content: bool = True
    details: bool = False
    no_history: bool = False
    no_cache: bool = False

    @property
    def flags(self) -> Flags:
        return Flags(
            self.fail_on,
            self.warn_on,
            self.min_fresh,
            self.max_age_days,
            self.languages,
            self.baseline,
        )


def check(options: CheckOptions) -> int:
    root = Path(options.path)
    config = load_config_and_warn(root)
    policy = build_policy(config.check, options.flags, f"{config.source or 'config'} [check]")
    for warning in policy.warnings:
        click.echo(f"transync: warning: {warning}", err=True)
    change = None
    if options.changed_from:
        from transync.history.changed import changed_since

        change = changed_since(root, options.changed_from)
    with delayed_progress() as progress:
        report = scan(
            root,
            display_root=options.path,
            config=config,
            languages=policy.languages,
            progress=progress,
            history=not options.no_history,
            content=options.content,
            cache=not options.no_cache,
            # A change's content findings are looked for in the pairs it touches only.
            compare=change.touches if change else None,
        )
    moment = datetime.now(UTC)
    baseline = _baseline(root, policy, options, report, moment)
    result = evaluate(
        report,
        policy,
        now=moment,
        baseline=baseline,
        scope=changed_scope(
            change, report, frozenset(CONTENT_CHECK_NAMES) if options.content else None
        )
        if change
        else None,
        stale_since=lambda entry: stale_since(entry) or translation_date(entry),
    )
    _emit(result, options)
    return EXIT_OK if result.passed else EXIT_POLICY_FAILED


def _baseline(
    root: Path, policy: Policy, options: CheckOptions, report: Report, now: datetime
) -> Baseline | None:
    """The baseline to judge against. --write-baseline first records every problem that fails
    or warns today, in the whole tree (whatever --changed-from says), then judges by it."""
    if options.write_baseline:
        judged = evaluate(report, policy, now=now).verdicts
        known = [v.problem for v in judged if v.outcome in (Outcome.FAIL, Outcome.WARN)]
        target = Path(options.write_baseline)
        written = write_baseline(target, known)
        click.echo(f"transync: wrote {len(written.entries)} problems to {target}", err=True)
        return written
    if options.flags.baseline:
        return read_baseline(Path(options.flags.baseline))
    if policy.baseline:
        return read_baseline(root / policy.baseline)
    return None


def _emit(result: CheckResult, options: CheckOptions) -> None:
    chosen = CHECK[options.output_format]
    write_output(chosen.render(options, to_terminal=options.output is None, result=result), options)
    if options.output_format == "github" and os.environ.get(STEP_SUMMARY):
        from transync.report import check_markdown

        summary = check_markdown.render(result, budget=check_markdown.SUMMARY_BUDGET)
        _append(Path(os.environ[STEP_SUMMARY]), summary)


def _append(path: Path, text: str) -> None:
    try:
        with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
    except OSError as error:
        raise TransyncError(f"{path}: cannot append the job summary: {error.strerror}") from None
