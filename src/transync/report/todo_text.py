"""`todo` (the default format): each language's work list, to read and to act on.

Per language, each page with what makes it urgent and its words to translate, in the order of
`transync.worklist`; the repository's meta files, when listed, under their own heading.
Languages whose lists are the same are one block naming them. Plain lines, never cut: the
list is read in a terminal as often as pasted into an issue.
"""

from __future__ import annotations

from transync.inert import printable
from transync.text import plural
from transync.worklist import PORT, LanguageWork, WorkItem


def render(root: str, work: tuple[LanguageWork, ...]) -> str:
    if not work:
        return f"Nothing to translate in {printable(root)}: every translation is current.\n"
    pages = sum(len(language.items) for language in work)
    words = sum(language.words for language in work)
    lines = [
        f"Translation work in {printable(root)}: {plural(pages, 'page')} in"
        f" {plural(len(work), 'language')}, {plural(words, 'word')} to translate",
        "(by urgency: empty or cut off, stale by age, missing; then in the course's order)",
    ]
    # Languages with the same list are one block: 48 languages whose only work is the README
    # are one list, not 48, nor two because half were translated a day later (the block gives
    # the range of days).
    blocks: dict[tuple[tuple[str, bool, str], ...], list[LanguageWork]] = {}
    for language in work:
        same = tuple((item.source, item.meta, _what(item, "#")) for item in language.items)
        blocks.setdefault(same, []).append(language)
    for languages in blocks.values():
        first = languages[0]
        codes = ", ".join(printable(language.language) for language in languages)
        who = codes if len(languages) == 1 else f"{codes} ({len(languages)} languages, each)"
        lines += ["", f"{who}: {_counts(first)}"]
        width = max(len(printable(item.source)) for item in first.items)
        meta_heading = False
        for number, item in enumerate(first.items, 1):
            if item.meta and not meta_heading:
                lines.append('  repository files (meta-files = "out" leaves them out):')
                meta_heading = True
            days = _days([language.items[number - 1].days_behind for language in languages])
            lines.append(
                f"  {number:>3}. {printable(item.source).ljust(width)}  {_what(item, days)}"
            )
    return "\n".join(lines) + "\n"


def _counts(language: LanguageWork) -> str:
    return f"{plural(len(language.items), 'page')}, {plural(language.words, 'word')} to translate"


def _days(counts: list[int | None]) -> str:
    """`384 days`, or `383-384 days` for the languages of a block."""
    known = [count for count in counts if count]
    if not known or min(known) == max(known):
        return plural(known[0], "day") if known else ""
    return f"{min(known):,}-{max(known):,} days"


def _what(item: WorkItem, days: str) -> str:
    """`stale, 30 days behind (prose), 120 words`, `missing, 1,204 words`; `days` says how
    many days (for a block of languages, their range)."""
    if item.gutted:
        urgency = f"empty or cut off ({item.gutted})"
    elif item.estimate:  # no metadata: judged from git history
        urgency = f"estimated {item.estimate} (basis: git)"
    elif item.days_behind and item.since_translation:
        urgency = f"{item.state.value}, translated {days} ago"
    elif item.days_behind:
        urgency = f"{item.state.value}, {days} behind"
    else:
        urgency = item.state.value
    if item.change:
        urgency += f" ({item.change})"
    if item.action == PORT:
        return f"{urgency}: no words, `transync port` carries the change"
    return f"{urgency}, {plural(item.words, 'word')}"
