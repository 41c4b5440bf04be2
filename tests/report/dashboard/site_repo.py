"""A small translated repository with git history, in every state a dashboard shows.

docs/guide.md      fr current, ja stale (its source changed in "Rewrite the guide")
docs/api.md        fr stale, ja missing
README.md          fr current, ja failed (the last attempt failed, an older one is kept)
HOSTILE            a source whose name is markup: fr stale (origin unknown), ja missing
translations/fr/old.md  an orphan; translations/ja/notes.md untracked
"""

from __future__ import annotations

from tests.builders import GitRepo, RepoBuilder

HOSTILE = "<img src=x onerror=alert(1)>.md"
SUBJECT = "Rewrite the guide <b>now</b> & then"


def build(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("README.md", "# Hello\n")
    repo.source("docs/guide.md", "# Guide\n\nFirst words.\n")
    repo.source("docs/api.md", "# API\n")
    repo.source(HOSTILE, "# Hostile\n")
    for path in ("README.md", "docs/guide.md", "docs/api.md"):
        repo.inline("fr", path)
    repo.inline("fr", HOSTILE, stale=True)
    repo.sidecar_entry("ja", "docs/guide.md")
    repo.write("translations/ja/notes.md", "# Notes\n")
    repo.write("translations/fr/old.md", "x")
    repo.update_sidecar(
        "fr",
        {
            "old.md": {
                "original_hash": "0" * 32,
                "translation_date": "2026-01-01T00:00:00+00:00",
                "source_file": "old.md",
                "language_code": "fr",
            }
        },
    )
    repo.sidecar_entry("ja", "README.md", "# こんにちは\n", stale=True)
    repo.update_sidecar(
        "ja",
        {
            "__translation_failures__": {
                "README.md": {"original_hash": repo.source_hash("README.md"), "status": "failed"}
            }
        },
    )
    git.commit("Translate everything")
    repo.source("docs/guide.md", "# Guide\n\nFirst words, rewritten.\n")
    repo.source("docs/api.md", "# API\n\nMore.\n")
    git.commit(SUBJECT)
    # fr keeps its guide current: retranslated after the rewrite.
    repo.inline("fr", "docs/guide.md")
    git.commit("Retranslate the French guide")
