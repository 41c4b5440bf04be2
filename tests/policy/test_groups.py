"""Judged problems rolled up by cause: what `check`'s views show one line each."""

from __future__ import annotations

from dataclasses import replace

from tests.builders import GitRepo, RepoBuilder
from tests.conftest import NOW
from transync.model import Finding, Report, Severity
from transync.policy.evaluate import CheckResult, evaluate
from transync.policy.groups import CommitGroup, ProblemGroup
from transync.policy.problems import Outcome
from transync.policy.settings import Flags, build_policy
from transync.scan import scan

LANGUAGES = ("de", "fr", "ja")


def _judge(report: Report, **flags: object) -> CheckResult:
    return evaluate(report, build_policy({}, Flags(**flags)), now=NOW)  # type: ignore[arg-type]


def _course(repo: RepoBuilder, git: GitRepo) -> Report:
    """Two sources stale in three languages by one commit, a third missing in two."""
    for name in ("README.md", "guide.md"):
        repo.source(name, f"# {name}\n")
        for language in LANGUAGES:
            repo.inline(language, name)
    repo.source("new.md", "# New\n")
    repo.inline("ja", "new.md")
    git.commit("Course")
    repo.source("README.md", "# README.md\n\nMore.\n")
    repo.source("guide.md", "# guide.md\n\nMore.\n")
    git.commit("Feb2026 update")
    return scan(repo.root, history=True)


def _link(language: str, source_line: int) -> Finding:
    return Finding(
        "link-missing",
        Severity.ERROR,
        f"translations/{language}/README.md",
        f"the source's link at line {source_line} has no counterpart",
        language,
        source_line + 3,
        "README.md",
        source_line,
    )


def test_a_state_in_several_languages_is_one_group_per_source(
    repo: RepoBuilder, git: GitRepo
) -> None:
    result = _judge(_course(repo, git))
    missing = [group for group in result.groups if group.kind == "missing"]
    assert [(g.source, g.languages, g.of_languages) for g in missing] == [
        ("new.md", ("de", "fr"), 3)
    ]
    stale = [group for group in result.groups if group.kind == "stale"]
    assert {(g.source, g.languages) for g in stale} == {
        ("README.md", LANGUAGES),
        ("guide.md", LANGUAGES),
    }
    assert all(g.provenance is not None and g.provenance.commits_behind == 1 for g in stale)


def test_stale_groups_are_gathered_by_the_commit_that_made_them_stale(
    repo: RepoBuilder, git: GitRepo
) -> None:
    result = _judge(_course(repo, git))
    (commit,) = result.commit_groups
    assert commit.commit is not None and commit.commit.subject == "Feb2026 update"
    assert sorted(commit.sources) == ["README.md", "guide.md"]
    assert (commit.translations, commit.languages) == (6, LANGUAGES)


def test_causes_put_the_commit_first_then_the_rest_by_reach(
    repo: RepoBuilder, git: GitRepo
) -> None:
    result = _judge(_course(repo, git))
    assert [(type(cause).__name__, cause.kind, cause.problems) for cause in result.causes] == [
        ("CommitGroup", "stale", 6),
        ("ProblemGroup", "missing", 2),
    ]


def test_a_finding_at_one_source_place_in_several_languages_is_one_group(mixed: Report) -> None:
    findings = tuple(_link(language, 10) for language in ("ja", "ko", "lt"))
    result = _judge(replace(mixed, findings=findings))
    (group,) = [group for group in result.groups if group.kind == "link-missing"]
    assert (group.source, group.source_line, group.languages) == (
        "README.md",
        10,
        ("ja", "ko", "lt"),
    )
    assert group.outcome is Outcome.FAIL and len(group.verdicts) == 3


def test_one_check_at_several_places_of_a_file_in_the_same_languages_is_one_cause(
    mixed: Report,
) -> None:
    """A translation cut short loses every link after the cut: one fix, one line."""
    findings = tuple(_link(language, line) for language in ("ja", "ko") for line in (10, 20, 30))
    result = _judge(replace(mixed, findings=findings))
    assert len([g for g in result.groups if g.kind == "link-missing"]) == 3
    (cause,) = [c for c in result.causes if c.kind == "link-missing"]
    assert isinstance(cause, ProblemGroup)
    assert cause.message == "3 places, the first: the source's link at line 10 has no counterpart"
    assert cause.source_line == 10 and cause.problems == 6


def test_places_reaching_other_languages_stay_separate_causes(mixed: Report) -> None:
    findings = (_link("ja", 10), _link("ko", 10), _link("ja", 20))
    result = _judge(replace(mixed, findings=findings))
    assert len([c for c in result.causes if c.kind == "link-missing"]) == 2


def test_outcomes_split_groups_so_a_strict_language_fails_alone(mixed: Report) -> None:
    findings = tuple(_link(language, 10) for language in ("ja", "ko"))
    policy = build_policy(
        {"fail-on": ["none"], "overrides": [{"languages": ["ja"], "fail-on": ["link-missing"]}]},
        Flags(),
    )
    result = evaluate(replace(mixed, findings=findings), policy, now=NOW)
    outcomes = {
        (group.outcome, group.languages) for group in result.groups if group.kind == "link-missing"
    }
    assert outcomes == {(Outcome.FAIL, ("ja",)), (Outcome.WARN, ("ko",))}


def test_a_commit_group_without_history_says_why(mixed: Report) -> None:
    result = _judge(mixed)
    (commit,) = result.commit_groups
    assert isinstance(commit, CommitGroup)
    assert (commit.commit, commit.reason, commit.sources) == (None, "no-history", ("README.md",))
