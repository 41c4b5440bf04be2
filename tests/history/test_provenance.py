"""Provenance from git history, specified on small repositories built commit by commit."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from tests.builders import GitRepo, RepoBuilder, md5
from transync.history import attach_history
from transync.model import ChangeKind, Provenance, State, TranslationEntry
from transync.scan import scan

V1 = "# Guide\n\nInstall the tool.\n"
V2 = "# Guide\n\nInstall the tool with pip.\n"
V3 = "# Guide\n\nInstall the tool with pip.\n\n## Usage\n\nRun it.\n"


def _entry(root: Path, translation: str) -> TranslationEntry:
    report = scan(root, history=True)
    return next(entry for entry in report.entries if entry.translation == translation)


def _provenance(root: Path, translation: str) -> Provenance:
    provenance = _entry(root, translation).provenance
    assert provenance is not None
    return provenance


def _translated_at_a_changed_at_b_and_c(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A: write the guide")
    repo.source("guide.md", V2)
    git.commit("B: mention pip")
    repo.source("guide.md", V3)
    git.commit("C: add usage")


def test_stale_translation_names_the_commit_it_was_made_from_and_those_it_missed(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.origin == "commit"
    assert provenance.translated_from is not None and provenance.stale_since is not None
    assert provenance.translated_from.id == git.commits[0]
    assert provenance.stale_since.id == git.commits[1]
    assert provenance.commits_behind == 2
    assert [commit.subject for commit in provenance.missed] == ["B: mention pip", "C: add usage"]
    assert {commit.author for commit in provenance.missed} == {"Ada Author"}
    assert provenance.last_changed is not None and provenance.last_changed.id == git.commits[2]
    assert provenance.change is not None and provenance.change.kind is ChangeKind.PROSE


def test_days_behind_count_from_stale_since_and_from_the_translation_date(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    entries = scan(repo.root).entries
    now = datetime(2026, 1, 12, 12, tzinfo=UTC)
    attached = attach_history(repo.root, entries, ["translations"], now=now).entries
    provenance = next(entry.provenance for entry in attached if entry.provenance)
    assert provenance.days_behind == 10  # B is dated 2026-01-02
    assert provenance.days_since_translation == 10  # the builders' 2026-01-02T03:04:05


def test_commit_dates_keep_their_iso_form(repo: RepoBuilder, git: GitRepo) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None
    assert provenance.translated_from.date == git.date_of(0)


def test_the_newest_commit_with_the_stored_hash_wins_when_a_version_comes_back(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A")
    repo.source("guide.md", V2)
    git.commit("B")
    repo.source("guide.md", V1)
    git.commit("revert B")
    repo.source("guide.md", V3)
    git.commit("D")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None
    assert provenance.translated_from.subject == "revert B"
    assert provenance.commits_behind == 1


def test_history_follows_a_rename_of_the_source(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("old.md", V1)
    repo.inline("ja", "new.md", source_file="old.md")
    (repo.root / "translations/ja/new.md").write_text(
        (repo.root / "translations/ja/new.md").read_text().replace('"old.md"', '"new.md"')
    )
    git.commit("A: guide as old.md")
    git.git("mv", "old.md", "new.md")
    git.commit("B: rename to new.md")
    repo.source("new.md", V2)
    git.commit("C: edit")
    provenance = _provenance(repo.root, "translations/ja/new.md")
    assert provenance.translated_from is not None and provenance.stale_since is not None
    assert provenance.translated_from.id == git.commits[0]
    assert provenance.stale_since.subject == "C: edit"  # a pure rename changes no content
    assert provenance.commits_behind == 1


def test_uncommitted_source_edit_since_the_newest_commit_is_not_a_missed_commit(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A")
    repo.source("guide.md", V2)
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert (
        provenance.translated_from is not None and provenance.translated_from.id == git.commits[0]
    )
    assert provenance.stale_since is None and provenance.commits_behind == 0
    assert provenance.detail is not None and "uncommitted" in provenance.detail


def test_a_hash_of_an_uncommitted_edit_leaves_the_origin_unknown_but_reports_the_rest(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V2)
    repo.inline("ja", "guide.md")  # translated from V2, which is never committed
    repo.source("guide.md", V1)
    git.commit("A")
    repo.source("guide.md", V3)
    git.commit("B")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.origin == "unknown"
    assert provenance.reason == "no-matching-version"
    assert provenance.translated_from is None and provenance.commits_behind is None
    assert provenance.last_changed is not None and provenance.last_changed.subject == "B"
    assert provenance.days_since_translation is not None


def test_a_source_never_committed_has_no_origin(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("other.md", "# Other\n")
    git.commit("A")
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md", stale=True)
    assert _provenance(repo.root, "translations/ja/guide.md").reason == "not-committed"


def test_a_shallow_clone_says_its_history_is_missing(
    repo: RepoBuilder, git: GitRepo, tmp_path_factory: object
) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    clone = repo.root.parent / f"{repo.root.name}-shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    provenance = _provenance(clone, "translations/ja/guide.md")
    assert provenance.origin == "unknown"
    assert provenance.reason == "shallow-clone"
    assert provenance.last_changed is not None  # the one commit the clone has


def test_a_crlf_source_stored_with_lf_is_matched_and_the_difference_noted(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.write(".gitattributes", "*.md text eol=crlf\n")
    repo.source("guide.md", V1.replace("\n", "\r\n"))
    repo.inline("ja", "guide.md")  # co-op-translator hashed the CRLF working-tree file
    git.commit("A")
    repo.source("guide.md", V2.replace("\n", "\r\n"))
    git.commit("B")
    assert git.git("cat-file", "-p", "HEAD:guide.md") == V2.strip()  # stored with LF
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None and provenance.translated_from.subject == "A"
    assert provenance.line_endings is not None and "CRLF" in provenance.line_endings
    assert provenance.commits_behind == 1


def test_a_crlf_source_stored_as_is_matches_its_raw_bytes(repo: RepoBuilder, git: GitRepo) -> None:
    repo.write(".gitattributes", "*.md -text\n")
    repo.source("guide.md", V1.replace("\n", "\r\n"))
    repo.inline("ja", "guide.md")
    git.commit("A")
    repo.source("guide.md", V2.replace("\n", "\r\n"))
    git.commit("B")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None and provenance.translated_from.subject == "A"
    assert provenance.line_endings is None


def test_orphan_names_the_commit_that_deleted_its_source(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A")
    git.git("rm", "-q", "guide.md")
    git.commit("B: drop the guide")
    entry = _entry(repo.root, "translations/ja/guide.md")
    assert entry.state is State.ORPHAN and entry.provenance is not None
    assert entry.provenance.removed_in is not None
    assert entry.provenance.removed_in.subject == "B: drop the guide"
    assert entry.provenance.translated_from is not None
    assert entry.provenance.moved_to is None


def test_orphan_of_a_renamed_source_names_where_it_moved(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A")
    (repo.root / "chapter-1").mkdir()
    git.git("mv", "guide.md", "chapter-1/guide.md")
    git.commit("B: move into chapters")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.removed_in is not None and provenance.removed_in.subject.startswith("B")
    assert (provenance.moved_to, provenance.moved_by) == ("chapter-1/guide.md", "rename")


def test_orphan_whose_content_reappears_elsewhere_later_is_found_by_its_hash(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md")
    git.commit("A")
    git.git("rm", "-q", "guide.md")
    git.commit("B: remove")
    repo.source("docs/handbook.md", V1)
    git.commit("C: bring it back under another name")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert (provenance.moved_to, provenance.moved_by) == ("docs/handbook.md", "same-content")


def test_orphan_with_a_close_match_of_the_same_name_is_called_moved(
    repo: RepoBuilder, git: GitRepo
) -> None:
    long = "".join(f"Line {number} of the guide.\n" for number in range(20))
    repo.source("guide.md", long)
    repo.inline("ja", "guide.md")
    git.commit("A")
    git.git("rm", "-q", "guide.md")
    git.commit("B: remove")
    repo.source("docs/guide.md", long.replace("Line 3 ", "Row 3 ").replace("Line 9 ", "Row 9 "))
    git.commit("C: rewrite in docs")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert (provenance.moved_to, provenance.moved_by) == ("docs/guide.md", "similar-content")


def test_outside_a_git_work_tree_there_is_silently_no_provenance(repo: RepoBuilder) -> None:
    repo.source("guide.md", V1)
    repo.inline("ja", "guide.md", stale=True)
    report = scan(repo.root, history=True)
    assert [entry.provenance for entry in report.entries] == [None]
    assert report.causes == ()


def test_scans_with_history_leave_the_work_tree_untouched(repo: RepoBuilder, git: GitRepo) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    before = sorted(path for path in repo.root.rglob("*") if ".git" not in path.parts)
    scan(repo.root, history=True)
    assert sorted(path for path in repo.root.rglob("*") if ".git" not in path.parts) == before
    assert git.git("status", "--porcelain") == ""


def test_provenance_works_when_the_scan_root_is_a_folder_inside_the_work_tree(
    tmp_path: Path, git: GitRepo
) -> None:
    project = RepoBuilder(tmp_path / "site")
    project.source("guide.md", V1)
    project.inline("ja", "guide.md")
    git.commit("A")
    project.source("guide.md", V2)
    git.commit("B")
    provenance = _provenance(project.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None and provenance.translated_from.subject == "A"
    assert provenance.stale_since is not None and provenance.stale_since.subject == "B"


def test_stale_hash_mismatch_stays_stale_when_history_is_read(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _translated_at_a_changed_at_b_and_c(repo, git)
    assert _entry(repo.root, "translations/ja/guide.md").stored_hash == md5(V1)


def test_a_match_at_the_edge_of_a_shallow_clone_says_it_may_be_older(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("guide.md", V1)
    repo.source("other.md", "# Other\n")
    git.commit("A")
    repo.source("guide.md", V2)
    repo.inline("ja", "guide.md")
    git.commit("B: the version translated")
    repo.source("other.md", "# Other, revised\n")
    git.commit("C")
    clone = repo.root.parent / f"{repo.root.name}-shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    (clone / "guide.md").write_text(V3)
    provenance = _provenance(clone, "translations/ja/guide.md")
    assert provenance.translated_from is not None and provenance.translated_from.subject == "C"
    assert provenance.detail is not None and "shallow" in provenance.detail


def test_commits_of_a_merged_branch_count_one_by_one(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("guide.md", V1)
    repo.source("other.md", "# Other\n")
    repo.inline("ja", "guide.md")
    git.commit("A")
    git.git("checkout", "-q", "-b", "topic")
    repo.source("guide.md", V2)
    git.commit("B on topic")
    repo.source("guide.md", V3)
    git.commit("C on topic")
    git.git("checkout", "-q", "main")
    repo.source("other.md", "# Other, revised\n")
    git.commit("D on main")
    git.git("merge", "-q", "--no-edit", "topic")
    provenance = _provenance(repo.root, "translations/ja/guide.md")
    assert provenance.translated_from is not None and provenance.translated_from.subject == "A"
    assert [commit.subject for commit in provenance.missed] == ["B on topic", "C on topic"]


def test_a_failed_translation_is_told_like_a_stale_one(repo: RepoBuilder, git: GitRepo) -> None:
    """The file still holds the translation of an older source: the one the last retranslation
    of the changed source failed to replace."""
    _translated_at_a_changed_at_b_and_c(repo, git)
    repo.update_sidecar(
        "ja", {"__translation_failures__": {"guide.md": {"original_hash": md5(V3)}}}
    )
    git.commit("D: the retranslation failed")
    entry = _entry(repo.root, "translations/ja/guide.md")
    assert entry.state is State.FAILED
    provenance = entry.provenance
    assert provenance is not None and provenance.translated_from is not None
    assert provenance.translated_from.id == git.commits[0]
    assert provenance.commits_behind == 2
