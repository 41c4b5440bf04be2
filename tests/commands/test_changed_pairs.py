"""`check --changed-from` compares only the pairs the change touches, and its verdicts are
byte for byte those of a check that compared every pair."""

from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from benchmarks.everyday import build

from transync.checks.registry import CONTENT_CHECKS
from transync.history.changed import ChangeSet, changed_since
from transync.policy.baseline import write_baseline
from transync.policy.evaluate import changed_scope, evaluate
from transync.policy.problems import Outcome
from transync.policy.settings import Flags, build_policy
from transync.report.check_json import policy_dict
from transync.scan import scan

NOW = datetime(2026, 6, 1, tzinfo=UTC)
NAMES = frozenset(name for names in CONTENT_CHECKS for name in names)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course")
    build(root, sources=40, languages=3, commits=60)
    # Written a minute ago: the cache keeps no result of a file changed in the last seconds.
    past = time.time() - 60
    for folder, _, names in os.walk(root):
        for name in (*names, "."):
            os.utime(os.path.join(folder, name), (past, past))
    return root


def _edit(root: Path, page: str) -> None:
    path = root / page
    path.write_bytes(path.read_bytes().replace(b"\n", b"\nOne more [link](missing.md).\n", 1))


def _verdicts(root: Path, change: ChangeSet, *, narrowed: bool) -> dict[str, object]:
    report = scan(
        root, history=True, content=True, now=NOW, compare=change.touches if narrowed else None
    )
    policy = build_policy({}, Flags())
    scope = changed_scope(change, report, NAMES if narrowed else None)
    return policy_dict(evaluate(report, policy, now=NOW, scope=scope))


def test_a_change_to_one_page_judges_its_pairs_as_a_check_of_every_pair_does(
    course: Path,
) -> None:
    page = sorted(str(path.relative_to(course)) for path in course.glob("lessons/*/*.md"))[0]
    _edit(course, page)
    try:
        change = changed_since(course, "HEAD")
        narrowed = _verdicts(course, change, narrowed=True)
        assert narrowed == _verdicts(course, change, narrowed=False)
        assert narrowed["results"], "the edit broke a link and staled its translations"
    finally:
        subprocess.run(["git", "-C", str(course), "checkout", "-q", "--", page], check=True)


def test_an_edit_of_one_translation_is_judged_as_a_check_of_every_pair_judges_it(
    course: Path,
) -> None:
    """Its source's other languages are compared too: a difference most languages share is
    one finding on the source, whichever language the change touched."""
    page = sorted(
        str(path.relative_to(course)) for path in course.glob("translations/*/lessons/*/*.md")
    )[0]
    _edit(course, page)
    try:
        change = changed_since(course, "HEAD")
        assert _verdicts(course, change, narrowed=True) == _verdicts(course, change, narrowed=False)
    finally:
        subprocess.run(["git", "-C", str(course), "checkout", "-q", "--", page], check=True)


def _cached_results(cache_dir: Path) -> dict[str, int]:
    return {
        path.name: len(json.loads(path.read_text())["results"])
        for path in cache_dir.glob("content.*.json")
    }


def test_a_change_narrowed_to_its_pairs_keeps_the_cache_of_the_others(
    course: Path, cache_dir: Path
) -> None:
    scan(course, content=True)
    before = _cached_results(cache_dir)
    page = sorted(str(path.relative_to(course)) for path in course.glob("lessons/*/*.md"))[0]
    _edit(course, page)
    try:
        change = changed_since(course, "HEAD")
        modified = {path: path.stat().st_mtime_ns for path in cache_dir.glob("content.*.json")}
        scan(course, content=True, compare=change.touches)
    finally:
        subprocess.run(["git", "-C", str(course), "checkout", "-q", "--", page], check=True)
    after = _cached_results(cache_dir)
    assert after.keys() == before.keys()
    assert all(after[name] >= before[name] for name in before)
    # Only the file holding the edited page's pairs was written again.
    rewritten = [path for path, time in modified.items() if path.stat().st_mtime_ns != time]
    assert len(rewritten) <= 1


def test_a_baseline_entry_of_a_pair_not_compared_is_not_called_fixed(
    course: Path, tmp_path: Path
) -> None:
    report = scan(course, content=True, now=NOW)
    policy = build_policy({}, Flags(fail_on=("all",)))
    found = evaluate(report, policy, now=NOW).verdicts
    content = [v.problem for v in found if v.outcome is Outcome.FAIL and v.problem.kind in NAMES]
    assert content, "the generated course has content findings"
    baseline = write_baseline(tmp_path / "baseline.json", content)
    change = changed_since(course, "HEAD")  # nothing changed: no pair compared
    narrowed = scan(course, content=True, now=NOW, compare=change.touches)
    result = evaluate(
        narrowed, policy, now=NOW, baseline=baseline, scope=changed_scope(change, narrowed, NAMES)
    )
    assert result.fixed == ()
