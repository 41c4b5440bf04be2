"""`--fail-on stale:prose`: provenance lets a policy ignore cosmetic drift, and only that."""

from __future__ import annotations

from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from transync.cli import cli
from transync.history.policy import STALE_QUALIFIERS, stale_since
from transync.model import State, TranslationEntry
from transync.scan import scan

GUIDE = "# Guide\n\nRead the [docs](https://example.org/docs).\n"


def _drifted(repo: RepoBuilder, git: GitRepo, new_guide: str) -> None:
    repo.source("guide.md", GUIDE)
    repo.inline("ja", "guide.md")
    git.commit("A")
    repo.source("guide.md", new_guide)
    git.commit("B")


def _check(repo: RepoBuilder, *kinds: str) -> int:
    return (
        CliRunner().invoke(cli, ["check", str(repo.root), "--fail-on", ",".join(kinds)]).exit_code
    )


def test_cosmetic_drift_passes_a_prose_only_gate(repo: RepoBuilder, git: GitRepo) -> None:
    _drifted(repo, git, GUIDE.replace("/docs)", "/docs?WT.mc_id=x)"))
    assert _check(repo, "stale:prose") == 0
    assert _check(repo, "stale:links-only") == 1


def test_prose_drift_fails_a_prose_only_gate(repo: RepoBuilder, git: GitRepo) -> None:
    _drifted(repo, git, GUIDE.replace("Read", "Please read"))
    assert _check(repo, "stale:prose") == 1


def test_a_change_that_cannot_be_classified_counts_as_prose(repo: RepoBuilder) -> None:
    repo.source("guide.md", GUIDE)
    repo.inline("ja", "guide.md", stale=True)  # not a git work tree: no provenance
    (entry,) = scan(repo.root, history=True).entries
    assert entry.state is State.STALE and entry.provenance is None
    assert STALE_QUALIFIERS["prose"](entry)
    assert not STALE_QUALIFIERS["whitespace"](entry)


def test_stale_since_is_the_date_of_the_commit_that_changed_the_source(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _drifted(repo, git, GUIDE.replace("Read", "Please read"))
    (entry,) = scan(repo.root, history=True).entries
    moment = stale_since(entry)
    assert moment is not None and moment.isoformat() == GitRepo.date_of(1)
    assert stale_since(TranslationEntry("ja", State.STALE, entry.kind, "a", "b")) is None
