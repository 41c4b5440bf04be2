"""The output of `transync diff`: per version translated from, the languages, the missed
commits, the diff (or `--stat`) and the sections to retranslate.

Colour only on a terminal: piped output is plain text that `patch` and reviewers can read.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.syntax import Syntax
from rich.text import Text

from transync.history.source_diff import SourceDiff
from transync.inert import content_line, one_line, printable
from transync.model import TranslationEntry
from transync.report.estimates_text import describe_estimate
from transync.report.history_text import describe_provenance
from transync.report.rollup_text import in_languages
from transync.report.terminal import Terminal
from transync.text import plural

STAT_WIDTH = 40


def render(
    diffs: Sequence[SourceDiff],
    others: Sequence[tuple[str, tuple[str, ...]]],
    *,
    stat: bool,
    console: Console | None = None,
) -> None:
    console = console or Terminal(highlight=False)
    for diff in diffs:
        _header(diff, console)
        if diff.binary:
            console.print("Binary file changed", highlight=False)
        elif stat:
            _stat(diff, console)
        elif diff.lines:
            text = "\n".join(content_line(line) for line in diff.lines)
            if console.is_terminal:
                console.print(Syntax(text, "diff", theme="ansi_dark", word_wrap=True))
            else:
                console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            console.print("No textual change (line endings only)", highlight=False)
        _sections(diff, console)
        console.print()
    # The translations without a diff, one line per thing said (`describe_other`, rolled up
    # by `rollup.by_cause`) naming its languages.
    for sentence, languages in others:
        if len(languages) == 1:
            line = f"{languages[0]}: {sentence}"
        else:
            path, _, rest = sentence.partition(": ")
            line = f"{path} {in_languages(languages)}: {rest}"
        console.print(printable(line), markup=False, highlight=False, soft_wrap=True)


def _header(diff: SourceDiff, console: Console) -> None:
    base = diff.base
    title = Text(printable(diff.source), style="bold")
    if diff.current != diff.source:
        title.append(f" (now {printable(diff.current)})")
    title.append(
        f": {printable(', '.join(diff.languages))} translated from {base.short}"
        f" ({printable(base.date[:10])}, '{one_line(base.subject)}')"
    )
    if diff.estimated:
        title.append(
            " (estimated from git, no metadata: the source as it was at the translation's"
            " last commit)"
        )
    console.print(title, soft_wrap=True)
    if diff.missed:
        console.print(f"Commits since ({len(diff.missed)}):", highlight=False)
        for commit in diff.missed:
            console.print(
                f"  {commit.short} {printable(commit.date[:10])} {one_line(commit.author)}:"
                f" {one_line(commit.subject)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


def _stat(diff: SourceDiff, console: Console) -> None:
    changed = diff.insertions + diff.deletions
    scale = min(1.0, STAT_WIDTH / changed) if changed else 0.0
    bar = Text(" " + "+" * round(diff.insertions * scale), style="green")
    bar.append("-" * round(diff.deletions * scale), style="red")
    line = Text(f" {printable(diff.current)} | {changed}")
    console.print(line + bar, highlight=False, soft_wrap=True)
    console.print(
        f" 1 file changed, {plural(diff.insertions, 'insertion')}(+),"
        f" {plural(diff.deletions, 'deletion')}(-)",
        highlight=False,
    )


def _sections(diff: SourceDiff, console: Console) -> None:
    if not diff.sections:
        return
    console.print(f"Sections changed ({len(diff.sections)}):", highlight=False)
    for section in diff.sections:
        marks = "#" * section.level + " " if section.level else ""
        words = f", {section.words} words" if section.words or section.status != "removed" else ""
        console.print(
            f"  {marks}{one_line(section.heading)}: {section.status}{words}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def describe_other(entry: TranslationEntry) -> str:
    """`translations/ar/README.md: stale, origin unknown: …`: a translation with no diff."""
    if entry.estimate is not None:
        return one_line(f"{entry.translation}: {describe_estimate(entry)}")
    about = describe_provenance(entry.provenance) if entry.provenance else "nothing to port"
    return one_line(f"{entry.translation}: {entry.state.value}, {about}")
