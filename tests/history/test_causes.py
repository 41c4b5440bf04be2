"""Root causes: stale translations explained by the same source change are one cause."""

from __future__ import annotations

from tests.builders import GitRepo, RepoBuilder
from transync.report.history_text import describe_cause
from transync.scan import scan


def _three_languages_two_causes(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Tool\n\nHello.\n")
    repo.source("guide.md", "# Guide\n")
    for language in ("de", "fr", "ja"):
        repo.inline(language, "README.md")
        repo.inline(language, "guide.md")
    git.commit("Add the tool")
    repo.source("README.md", "# Tool\n\nHello, world.\n")
    repo.inline("ja", "README.md")  # ja is retranslated at once
    git.commit("Add languages table")
    repo.source("guide.md", "# Guide\n\nMore.\n")
    git.commit("Extend the guide")


def test_stale_entries_sharing_a_source_and_stale_since_are_one_cause(
    repo: RepoBuilder, git: GitRepo
) -> None:
    _three_languages_two_causes(repo, git)
    causes = scan(repo.root, history=True).causes
    assert [(cause.source, cause.languages, cause.of_languages) for cause in causes] == [
        ("guide.md", ("de", "fr", "ja"), 3),
        ("README.md", ("de", "fr"), 3),
    ]
    assert causes[1].commit is not None and causes[1].commit.subject == "Add languages table"


def test_a_cause_reads_as_one_sentence(repo: RepoBuilder, git: GitRepo) -> None:
    _three_languages_two_causes(repo, git)
    cause = scan(repo.root, history=True).causes[1]
    assert describe_cause(cause) == (
        f"README.md changed in {git.commits[1][:7]} (2026-01-02, 'Add languages table'):"
        " stale in 2 of 3 languages"
    )


def test_translations_of_unknown_origin_form_their_own_cause(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("README.md", "# Tool\n")
    repo.inline("de", "README.md", stale=True)
    git.commit("Add the tool")
    (cause,) = scan(repo.root, history=True).causes
    assert (cause.commit, cause.reason) == (None, "no-matching-version")
    assert "origin unknown" in describe_cause(cause)


def test_sources_changed_by_one_commit_are_one_commit_cause(
    repo: RepoBuilder, git: GitRepo
) -> None:
    repo.source("README.md", "# Tool\n")
    repo.source("guide.md", "# Guide\n")
    repo.source("faq.md", "# FAQ\n")
    for language in ("de", "fr"):
        for source in ("README.md", "guide.md", "faq.md"):
            repo.inline(language, source)
    git.commit("Add the tool")
    repo.source("README.md", "# Tool\n\nNew.\n")
    repo.source("guide.md", "# Guide\n\nNew.\n")
    git.commit("Feb2026 update")
    repo.source("faq.md", "# FAQ\n\nNew.\n")
    repo.inline("fr", "faq.md")
    git.commit("Extend the FAQ")
    update, faq = scan(repo.root, history=True).commit_causes
    assert update.commit is not None and update.commit.subject == "Feb2026 update"
    assert (sorted(update.sources), update.translations, update.languages) == (
        ["README.md", "guide.md"],
        4,
        ("de", "fr"),
    )
    assert faq.commit is not None and faq.commit.subject == "Extend the FAQ"
    assert (faq.sources, faq.translations, faq.languages) == (("faq.md",), 1, ("de",))
