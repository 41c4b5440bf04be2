"""A fault of the source is reported once, on the source, naming how many languages show it;
blank table rows are not rows to compare."""

from __future__ import annotations

from tests.builders import RepoBuilder
from transync.model import Finding, Severity
from transync.scan import scan

LANGUAGES = ("de", "fr", "ja", "ko")
INTRO = "# Title\n\nSome text before.\n\n"


def _findings(repo: RepoBuilder) -> list[Finding]:
    return [
        finding
        for finding in scan(repo.root, content=True).findings
        if finding.check != "untranslated"
    ]


def test_a_blank_table_row_of_the_source_is_one_finding_on_the_source(repo: RepoBuilder) -> None:
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n| | |\n| 3 | 4 |\n"
    repo.source("README.md", INTRO + table)
    for language in LANGUAGES:
        repo.inline(language, "README.md", INTRO + table.replace("| | |\n", ""))
    [finding] = _findings(repo)
    assert (finding.check, finding.path, finding.language) == ("table-rows", "README.md", None)
    assert (finding.line, finding.severity) == (8, Severity.WARNING)
    assert "in 4 of 4 languages" in finding.message


def test_a_translation_that_keeps_the_blank_row_is_no_finding(repo: RepoBuilder) -> None:
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n| | |\n"
    repo.source("README.md", INTRO + table)
    repo.inline("de", "README.md", INTRO + table)
    assert _findings(repo) == []


def test_the_same_loss_in_most_languages_is_the_sources_construct(repo: RepoBuilder) -> None:
    source = INTRO + "    An accidental indent makes this paragraph a code block.\n\nMore.\n"
    repo.source("README.md", source)
    for language in LANGUAGES:
        repo.inline(language, "README.md", source.replace("    An", "An"))
    [finding] = _findings(repo)
    assert (finding.check, finding.path, finding.language) == ("code-blocks", "README.md", None)
    assert finding.severity is Severity.WARNING
    assert "in 4 of 4 languages, the same way" in finding.message


def test_the_same_loss_in_a_few_languages_stays_theirs(repo: RepoBuilder) -> None:
    table = "| a |\n| --- |\n| 1 |\n| 2 |\n"
    repo.source("README.md", INTRO + table)
    repo.inline("de", "README.md", INTRO + table.replace("| 2 |\n", ""))
    for language in LANGUAGES[1:]:
        repo.inline(language, "README.md", INTRO + table)
    [finding] = _findings(repo)
    assert (finding.check, finding.language, finding.severity) == (
        "table-rows",
        "de",
        Severity.ERROR,
    )
