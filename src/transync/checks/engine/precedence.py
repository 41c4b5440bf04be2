"""One defect, one finding: the most specific check wins, the others fold into it.

A leftover `@@LINK_DESTINATION_1@@` is also a link whose target changed and that leads
nowhere; a translation cut short also lacks the headings, links and tables after the cut. The
check that names the cause (`leftover-placeholder`, `truncated`) says so with a `Claim` on the
span it explains, yielded beside its finding; findings of checks ranked after it that lie in
that span are consequences, and are dropped. The ranking is declared once, here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transync.model import Finding

# Most specific first. A check absent from the list ranks after all of them.
PRECEDENCE = (
    "leftover-placeholder",
    "broken-link",
    "truncated",
    "content-lost",
    "table-rows",
)


@dataclass(frozen=True)
class Claim:
    """The span of one pair's texts whose other findings a check's finding explains."""

    check: str
    # Lines of the translation.
    lines: frozenset[int] = frozenset()
    # Lines of the source (a construct of the source the translation lost or mangled).
    source_lines: frozenset[int] = frozenset()
    # Every source line from this one to the end (a cut-off translation).
    source_from: int | None = None
    # Every source line before this one (with `source_from`: a stretch skipped in the middle).
    source_to: int | None = None

    def covers(self, finding: Finding) -> bool:
        if finding.line is not None and finding.line in self.lines:
            return True
        line = finding.source_line
        if line is None:
            return False
        if line in self.source_lines:
            return True
        return (
            self.source_from is not None
            and line >= self.source_from
            and (self.source_to is None or line < self.source_to)
        )


def rank(check: str) -> int:
    return PRECEDENCE.index(check) if check in PRECEDENCE else len(PRECEDENCE)


def fold(findings: Iterable[Finding], claims: Sequence[Claim]) -> list[Finding]:
    """The findings that no claim of a more specific check explains. Findings on the source
    itself (no language) are never folded: they are another file's defect."""
    if not claims:
        return list(findings)
    claims = sorted(claims, key=lambda claim: rank(claim.check))
    kept = []
    for finding in findings:
        place = rank(finding.check)
        if finding.language is not None and any(
            rank(claim.check) < place and claim.covers(finding) for claim in claims
        ):
            continue
        kept.append(finding)
    return kept
