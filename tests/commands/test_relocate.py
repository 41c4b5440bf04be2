"""`transync relocate`: a moved page's translations follow it, current, with working links."""

from __future__ import annotations

import json

import pytest

from tests.builders import GitRepo, RepoBuilder
from tests.commands.conftest import Invoke, entry, findings
from transync.model import State

PAGE = "# Lesson\n\nSee ![flow](images/flow.png) and [home](../README.md).\n"
TRANSLATED = (
    "# Leçon\n\nVoir ![flux](../../../translated_images/fr/flow.1a2b.png),"
    " ![flux](../../../lesson1/images/flow.png), ![schéma](diagram.fr.png)"
    " et [accueil](../README.md).\n"
)


def _moved_deeper(repo: RepoBuilder, git: GitRepo, *, sidecar: bool) -> None:
    repo.source("README.md", "# Home\n")
    repo.source("lesson1/README.md", PAGE)
    repo.source("lesson1/images/flow.png", b"\x89PNG flow")
    repo.write("translated_images/fr/flow.1a2b.png", b"\x89PNG flux")
    repo.write("translations/fr/lesson1/diagram.fr.png", b"\x89PNG kept beside the page")
    repo.inline("fr", "README.md", "# Accueil\n")
    if sidecar:
        repo.sidecar_entry("fr", "lesson1/README.md", TRANSLATED)
    else:
        repo.inline("fr", "lesson1/README.md", TRANSLATED)
    git.commit("course")
    (repo.root / "course").mkdir()
    git.git("mv", "lesson1", "course/lesson1")
    git.commit("move the lesson into course/")


@pytest.mark.parametrize("sidecar", [False, True], ids=["inline", "sidecar"])
def test_relocate_makes_the_moved_pages_translation_current_with_working_links(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke, sidecar: bool
) -> None:
    _moved_deeper(repo, git, sidecar=sidecar)
    assert entry(repo.root, "translations/fr/lesson1/README.md").state is State.ORPHAN
    result = invoke("relocate", str(repo.root))
    assert result.exit_code == 0, result.output
    moved = "translations/fr/course/lesson1/README.md"
    assert entry(repo.root, moved).state is State.CURRENT
    assert not (repo.root / "translations/fr/lesson1/README.md").exists()
    text = (repo.root / moved).read_text()
    assert "](../../../../translated_images/fr/flow.1a2b.png)" in text
    assert "](../../../../course/lesson1/images/flow.png)" in text
    assert "](../../README.md)" in text
    # The image kept beside the page moved along with it.
    assert "![schéma](diagram.fr.png)" in text
    assert (repo.root / "translations/fr/course/lesson1/diagram.fr.png").is_file()
    assert not (repo.root / "translations/fr/lesson1/diagram.fr.png").exists()
    assert not {f for f in findings(repo.root) if f[0] == "broken-link"}
    if sidecar:
        records = json.loads((repo.root / "translations/fr/.co-op-translator.json").read_text())
        assert "lesson1/README.md" not in records
        assert records["course/lesson1/README.md"]["source_file"] == "course/lesson1/README.md"
    # Staged as `git mv` stages (a page this small, edited, is shown as add + delete).
    staged = set(git.git("status", "--porcelain").splitlines())
    assert {f"A  {moved}", "D  translations/fr/lesson1/README.md"} <= staged


def test_an_orphan_with_no_new_home_is_left_for_prune(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    repo.source("gone.md", "# Gone\n")
    repo.inline("fr", "gone.md", "# Parti\n")
    git.commit("page")
    (repo.root / "gone.md").unlink()
    git.commit("remove it")
    result = invoke("relocate", str(repo.root))
    assert result.exit_code == 1
    assert "`transync prune` removes it" in result.output
