"""The user's severities re-rank findings and keep everything else they say."""

from __future__ import annotations

from transync.checks import apply_severities
from transync.model import Finding, Severity


def test_a_re_ranked_finding_keeps_its_place_in_the_source_and_its_count() -> None:
    finding = Finding(
        "link-changed",
        Severity.WARNING,
        "translations/ja/README.md",
        "3 links ...",
        "ja",
        4,
        source="README.md",
        source_line=3,
        count=3,
    )
    [ranked] = apply_severities([finding], {"link-changed": Severity.ERROR})
    assert ranked.severity is Severity.ERROR
    assert (ranked.source, ranked.source_line, ranked.count) == ("README.md", 3, 3)
    assert apply_severities([finding], {"link-changed": None}) == []
