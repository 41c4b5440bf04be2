"""Roll-ups: the same defect at the same place of a source, in many languages, is one group."""

from __future__ import annotations

from transync.model import Finding, Kind, Severity, State, TranslationEntry
from transync.rollup import by_file, group_findings
from transync.scan import build_report

LANGUAGES = ("ar", "de", "fr", "ja")


def entries_of(
    source: str = "README.md", languages: tuple[str, ...] = LANGUAGES
) -> list[TranslationEntry]:
    return [
        TranslationEntry(
            language, State.CURRENT, Kind.MARKDOWN, source, f"translations/{language}/{source}"
        )
        for language in languages
    ]


def anchor_finding(language: str, line: int = 20, **fields: object) -> Finding:
    return Finding(
        "link-changed",
        Severity.WARNING,
        f"translations/{language}/README.md",
        "link points to #intro where the source has #introduction",
        language,
        line,
        **fields,  # type: ignore[arg-type]
    )


def test_the_same_finding_in_three_languages_is_one_group_naming_them() -> None:
    findings = [
        anchor_finding(language, source="README.md", source_line=11)
        for language in ("fr", "ar", "de")
    ]
    (group,) = group_findings(findings, entries_of())
    assert (group.check, group.source, group.source_line) == ("link-changed", "README.md", 11)
    assert group.languages == ("ar", "de", "fr")
    assert group.of_languages == 4
    assert [finding.language for finding in group.instances] == ["ar", "de", "fr"]


def test_without_a_source_the_translated_file_names_its_source() -> None:
    """Until every check fills `source`, a finding is placed by the file it is in."""
    findings = [anchor_finding(language) for language in LANGUAGES]
    (group,) = group_findings(findings, entries_of())
    assert group.source == "README.md" and group.source_line is None
    assert group.languages == LANGUAGES


def test_different_places_in_the_source_are_different_groups() -> None:
    findings = [
        anchor_finding("ar", source="README.md", source_line=11),
        anchor_finding("de", source="README.md", source_line=12),
    ]
    assert len(group_findings(findings, entries_of())) == 2


def test_without_a_source_line_different_messages_stay_apart() -> None:
    """A number in the message may be all that tells two places apart."""
    findings = [
        Finding(
            "link-missing",
            Severity.ERROR,
            "translations/ar/README.md",
            "link at source line 10",
            "ar",
        ),
        Finding(
            "link-missing",
            Severity.ERROR,
            "translations/de/README.md",
            "link at source line 90",
            "de",
        ),
    ]
    assert len(group_findings(findings, entries_of())) == 2


def test_at_one_source_line_messages_differing_in_numbers_share_a_group() -> None:
    """The translation's own line in the message differs by language; the defect does not."""
    findings = [
        Finding(
            "heading-count",
            Severity.WARNING,
            f"translations/{code}/README.md",
            f"3 headings, the first difference at line {line}",
            code,
            line,
            "README.md",
            40,
        )
        for code, line in (("ar", 51), ("de", 44), ("fr", 51))
    ]
    (group,) = group_findings(findings, entries_of())
    assert group.languages == ("ar", "de", "fr")
    assert group.message == "3 headings, the first difference at line 51"  # the most common


def test_count_adds_up_the_instances_counts() -> None:
    findings = [
        anchor_finding("ar", source="README.md", source_line=11, count=22),
        anchor_finding("de", source="README.md", source_line=11, count=21),
    ]
    (group,) = group_findings(findings, entries_of())
    assert group.count == 43


def test_a_fault_of_the_source_names_no_language_and_every_translating_language() -> None:
    finding = Finding("broken-link", Severity.WARNING, "README.md", "x.md does not exist", None, 5)
    (group,) = group_findings([finding], entries_of())
    assert (group.source, group.languages, group.of_languages) == ("README.md", (), 4)


def test_most_important_first_errors_then_reach_then_count() -> None:
    wide = [anchor_finding(language, source="README.md", source_line=11) for language in LANGUAGES]
    narrow = [anchor_finding("ar", source="README.md", source_line=30, count=9)]
    error = [
        Finding("truncated", Severity.ERROR, "translations/ja/README.md", "ends early", "ja", 3)
    ]
    groups = group_findings([*narrow, *wide, *error], entries_of())
    assert [(group.check, len(group.languages), group.count) for group in groups] == [
        ("truncated", 1, 1),
        ("link-changed", 4, 4),
        ("link-changed", 1, 9),
    ]


def test_build_report_rolls_the_findings_up() -> None:
    findings = [
        anchor_finding(language, source="README.md", source_line=11) for language in LANGUAGES
    ]
    report = build_report(".", (), entries_of(), findings)
    (group,) = report.finding_groups
    assert set(group.instances) == set(report.findings)


def test_places_of_one_check_in_one_file_reaching_the_same_languages_are_one_cause() -> None:
    """Every link after the cut of a truncated translation: one fix, one line by default."""
    findings = [
        anchor_finding(language, source="README.md", source_line=line)
        for language in ("ar", "de")
        for line in (30, 11, 20)
    ]
    report = build_report(".", (), entries_of(), findings)
    assert len(report.finding_groups) == 3  # each place kept for the JSON report
    (cause,) = report.finding_causes
    assert cause.source_line == 11 and cause.languages == ("ar", "de")
    assert cause.message.startswith("3 places, the first: link points to #intro")
    assert len(cause.instances) == 6


def test_places_reaching_other_languages_are_other_causes() -> None:
    findings = [
        anchor_finding("ar", source="README.md", source_line=11),
        anchor_finding("de", source="README.md", source_line=20),
    ]
    assert len(by_file(group_findings(findings, entries_of()))) == 2
