"""What the content checks keep from one pair to the next: a source's own facts, and link
targets resolved in bulk, must be what computing them afresh gives."""

from __future__ import annotations

from tests.builders import RepoBuilder
from transync.checks.engine.compare import content_findings
from transync.checks.engine.per_source import per_source
from transync.checks.engine.targets import resolve, resolve_all
from transync.checks.engine.tasks import ContentTask
from transync.document.model import Document
from transync.model import Layout, State

LAYOUTS = (Layout("translations/<lang>", "."),)


def test_a_source_fact_is_computed_once_per_source_and_key() -> None:
    computed: list[str] = []

    @per_source
    def named(source: Document, key: str) -> str:
        computed.append(key)
        return key.upper()

    first, second = Document(), Document()
    assert [named(first, "a"), named(first, "a"), named(first, "b")] == ["A", "A", "B"]
    assert named(second, "b") == "B"  # another source (or version): computed again
    assert computed == ["a", "b", "b"]


def test_links_resolved_together_are_resolved_as_one_by_one() -> None:
    raws = [
        "x.md",
        "../up/y.md#part",
        "./z%20w.png?raw=1",
        "#anchor",
        "",
        "/rooted/page/",
        "https://example.com/a",
        "mailto:a@example.com",
        "../../../../out.md",
        "sub\\back.md",
    ]
    for document in ("README.md", "translations/fr/lessons/01/intro.md"):
        assert resolve_all(raws, document) == tuple(resolve(raw, document) for raw in raws)


def test_each_language_of_a_source_linking_to_a_translation_gets_its_own_keys(
    repo: RepoBuilder,
) -> None:
    """The source's link keys are kept for all its languages, except a link into a
    translation root, which only that language maps back to the source it stands for: the
    French page's link to its sibling is the source's link to the French sibling."""
    repo.source("README.md", "# Title\n\nSee [the guide](translations/fr/guide.md).\n")
    repo.source("guide.md", "# Guide\n")
    repo.write("translations/fr/guide.md", "# Guide\n")
    links = {"fr": "guide.md", "ko": "../fr/guide.md"}
    found = {}
    for language in ("fr", "ko", "fr"):
        repo.write(f"translations/{language}/README.md", f"# T\n\nSee [it]({links[language]}).\n")
        task = ContentTask(
            language, "README.md", f"translations/{language}/README.md", State.CURRENT, LAYOUTS
        )
        found[language] = content_findings(str(repo.root), task)
    assert found == {"fr": [], "ko": []}
