"""The one line `status`, `todo` and the dashboard add where co-op-translator's own plan would
disagree with its run (`coop.forecast.inline_gap`), with its cost and the fix."""

from __future__ import annotations

from transync.coop.forecast import PlanGap
from transync.report.rollup_text import plural

FIX = "transync migrate --to json"


def line(gap: PlanGap) -> str:
    return (
        f"co-op-translator's plan (translate --dry-run --plan-json) lists "
        f"{plural(gap.pages, 'current page')} in {plural(gap.languages, 'language')} as "
        f"outdated: their metadata is inline, which its plan does not read "
        f"({gap.tokens:,} tokens listed that its run will not spend). `{FIX}` moves the "
        f"metadata to the sidecar, keeping every record."
    )
