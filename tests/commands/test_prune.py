"""`transync prune`: only what belonged to a removed source goes."""

from __future__ import annotations

import json

from tests.builders import GitRepo, RepoBuilder, md5, record
from tests.commands.conftest import Invoke
from tests.treehash import tree_hash

IMAGES = "translated_images/fr"


def _one_page_removed_one_moved(repo: RepoBuilder, git: GitRepo) -> None:
    repo.source("kept.md", "# Kept\n")
    repo.source("removed.md", "# Removed\n")
    repo.source("moved.md", "# Moved\n\nA page that is long enough to be recognised.\n")
    repo.sidecar_entry("fr", "kept.md", "# Gardé\n\n![a](../../translated_images/fr/shared.png)\n")
    repo.sidecar_entry(
        "fr",
        "removed.md",
        "# Supprimé\n\n![a](../../translated_images/fr/shared.png)"
        " ![b](../../translated_images/fr/only-removed.png)"
        " ![c](../../translated_images/legacy.1a2b.fr.png)\n",
    )
    repo.inline("fr", "moved.md", "# Déplacé\n")
    for name in ("shared.png", "only-removed.png"):
        repo.source(f"images/{name}", b"\x89PNG source")
    repo.write(f"{IMAGES}/shared.png", b"\x89PNG shared")
    repo.write("translated_images/legacy.1a2b.fr.png", b"\x89PNG flat, older layout")
    repo.write(f"{IMAGES}/only-removed.png", b"\x89PNG only")
    repo.write(
        f"{IMAGES}/.co-op-translator.json",
        json.dumps(
            {
                name: record(f"images/{name}", md5(name), "fr")
                for name in ("shared.png", "only-removed.png")
            },
            indent=2,
        ),
    )
    repo.update_sidecar("fr", {"dangling.md": record("dangling.md", md5("x"), "fr")})
    git.commit("pages")
    (repo.root / "removed.md").unlink()
    git.git("mv", "moved.md", "elsewhere.md")
    git.commit("remove one page, move another")


def test_prune_removes_the_orphan_its_records_and_images_only_it_used(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    _one_page_removed_one_moved(repo, git)
    result = invoke("prune", str(repo.root))
    assert result.exit_code == 1  # the moved page is left for relocate, and says so
    assert "its source moved to elsewhere.md (`transync relocate`)" in result.output
    root = repo.root
    assert not (root / "translations/fr/removed.md").exists()
    assert not (root / f"{IMAGES}/only-removed.png").exists()
    assert not (root / "translated_images/legacy.1a2b.fr.png").exists()
    assert (root / f"{IMAGES}/shared.png").exists()
    assert (root / "translations/fr/kept.md").exists() and (
        root / "translations/fr/moved.md"
    ).exists()
    records = json.loads((root / "translations/fr/.co-op-translator.json").read_text())
    assert sorted(records) == ["kept.md"]  # removed.md's record and the dangling one are gone
    images = json.loads((root / f"{IMAGES}/.co-op-translator.json").read_text())
    assert sorted(images) == ["shared.png"]


def test_prune_dry_run_writes_nothing(repo: RepoBuilder, git: GitRepo, invoke: Invoke) -> None:
    _one_page_removed_one_moved(repo, git)
    before = tree_hash(repo.root)
    result = invoke("prune", str(repo.root), "--dry-run")
    assert "--- a/translations/fr/removed.md\n+++ /dev/null" in result.output
    assert tree_hash(repo.root) == before
