"""`todo --format markdown`: each language's remaining work as a table (for an issue)."""

from __future__ import annotations

from transync.inert import markdown_code, markdown_text
from transync.worklist import LanguageWork


def render(work: tuple[LanguageWork, ...]) -> str:
    if not work:
        return "## Translation work left\n\nNothing: every translation is current.\n"
    lines = ["## Translation work left", ""]
    for language in work:
        lines += [
            f"### {markdown_text(language.language)}: {len(language.items)} files,"
            f" {language.words:,} words to translate",
            "",
            "| # | Source | State | Words | Days behind | Action |",
            "| ---: | --- | --- | ---: | ---: | --- |",
        ]
        for number, item in enumerate(language.items, 1):
            days = "" if item.days_behind is None else str(item.days_behind)
            state = item.state.value + (f" ({item.change})" if item.change else "")
            if item.estimate is not None:
                state += f", estimated {item.estimate} (basis: git)"
            lines.append(
                f"| {number} | {markdown_code(item.source, in_table=True)} | {state}"
                f" | {item.words:,}"
                f" | {days} | {item.action} |"
            )
        lines.append("")
    return "\n".join(lines)
