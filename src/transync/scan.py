"""The scan pipeline: config -> discover -> classify -> checks -> history -> roll-up -> report.

`scan()` is the one entry point every read-only command shares, so `status`, `check` and
the dashboards can never disagree about the state of a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from transync.checks import apply_severities, run_bookkeeping
from transync.checks.empty import NAME as EMPTY
from transync.classify import classify
from transync.classify.memo import FileMemo
from transync.config import ESTIMATES_COUNT, Config, load_config
from transync.discover import Inventory, discover
from transync.discover.tree import Tree, WorkTree
from transync.errors import TransyncError, suggestion
from transync.estimated_summary import estimated_summaries
from transync.history.causes import group_by_commit
from transync.model import (
    Cause,
    Finding,
    Layout,
    ProgressFactory,
    Report,
    Severity,
    TranslationEntry,
)
from transync.rollup import by_file, group_findings, on_sources
from transync.summary import summarise


def scan(
    root: Path,
    *,
    display_root: str | None = None,
    config: Config | None = None,
    languages: Iterable[str] = (),
    progress: ProgressFactory | None = None,
    history: bool = False,
    content: bool = False,
    cache: bool = True,
    tree: Tree | None = None,
    now: datetime | None = None,
    compare: Callable[[TranslationEntry], bool] | None = None,
) -> Report:
    """Scan a repository and return what it holds; reads files, never writes them.

    With `history`, stale and orphaned entries get their provenance from git (when `root` is
    in a git work tree) and the report lists the causes of staleness. `content` adds the
    content checks (each translation's structure against its source), which parse every
    translated file and its source: slower, so asked for explicitly; their results are kept
    in the user's cache folder between runs unless `cache` is False, as are the metadata
    readers' results on files unchanged since an earlier run. `tree` is what the
    states are judged from (default: the files under `root`); content and history always
    read the files on disk. `now` fixes the clock of the "days behind" figures (a dashboard
    pins it with SOURCE_DATE_EPOCH). `compare` narrows the content checks to the sources of
    the entries it accepts, in every language (`check --changed-from`: the pages a change
    touches); their findings alone are in the report.
    """
    config = config if config is not None else load_config(root)
    memo = FileMemo.open(root) if tree is None and cache and root.is_dir() else None
    if memo is not None:
        tree = WorkTree(root, memo=memo)
    inventory = discover(root, config, tree)
    wanted = frozenset(languages)
    _refuse_unknown(wanted, inventory)
    total = sum(
        len(files)
        for folder, files in inventory.translations.items()
        if not wanted or folder.code in wanted
    )
    advance = progress(total) if progress else None
    classification = classify(root, inventory, wanted, advance, tree)
    if memo is not None:
        memo.save(keep_unused=bool(wanted))
    bookkeeping = run_bookkeeping(classification.entries)
    findings = [
        *_for_languages(inventory.findings, wanted),
        *classification.findings,
        *bookkeeping,
    ]
    # Git history is read while the workers compare contents (it needs only the states):
    # on a cold run of a large course both take seconds, and history waits on git meanwhile.
    attached: list[_Attached] = []

    def read_history() -> None:
        attached.append(
            _history(root, classification.entries, inventory, config, now)
            if history
            else (classification.entries, (), ())
        )

    if content:
        from transync.checks.engine.content import run_content
        from transync.checks.engine.tasks import content_tasks
        from transync.checks.names import COMPARISONS
        from transync.config import config_fingerprint

        # A page that lost its text is not compared: `empty` says all there is to say (one
        # defect, one finding, not a truncation and every link and heading it lost). Nor is
        # one whose path's source may never be read (ignored by git, inside `.git/`).
        emptied = {
            finding.path
            for finding in bookkeeping
            if finding.check == EMPTY and config.severities.get(EMPTY, Severity.ERROR)
        }
        comparable = [
            entry
            for entry in classification.entries
            if entry.translation not in emptied
            and entry.source not in classification.refused_sources
        ]
        if compare is not None:
            # Every language of a source the change touches: a difference most of them share
            # is reported once, on the source (`on_sources`), which needs them all.
            touched = {entry.source for entry in comparable if compare(entry)}
            comparable = [entry for entry in comparable if entry.source in touched]
        tasks = content_tasks(comparable, inventory.layouts, config.severities)
        compared = run_content(
            root,
            tasks,
            config_fingerprint(config),
            use_cache=cache,
            part=compare is not None,
            meanwhile=read_history,
        )
        findings += on_sources(compared, classification.entries, COMPARISONS)
    else:
        read_history()
    ((entries, causes, gaps),) = attached
    findings += gaps
    return build_report(
        display_root if display_root is not None else str(root),
        inventory.layouts,
        entries,
        apply_severities(findings, config.severities),
        causes,
        count_images=config.count_images,
    )


_Attached = tuple[tuple[TranslationEntry, ...], tuple[Cause, ...], tuple[Finding, ...]]


def _history(
    root: Path,
    entries: tuple[TranslationEntry, ...],
    inventory: Inventory,
    config: Config,
    now: datetime | None,
) -> _Attached:
    """The entries with provenance (and estimates), the causes of staleness, and a finding
    for the history facts git could not give."""
    from transync.config import OFF
    from transync.history import attach_history, layout_folders, translation_folders

    entries, causes, gaps = attach_history(
        root,
        entries,
        translation_folders(inventory.layouts),
        now=now,
        estimates=layout_folders(inventory.layouts) if config.estimates != OFF else None,
    )
    if config.estimates == ESTIMATES_COUNT:
        from transync.history.causes import group_causes
        from transync.history.estimates import counted

        entries = counted(entries)
        causes = group_causes(entries)
    return tuple(entries), tuple(causes), tuple(gaps)


def build_report(
    root: str,
    layouts: Iterable[Layout],
    entries: Iterable[TranslationEntry],
    findings: Iterable[Finding],
    causes: Iterable[Cause] = (),
    *,
    count_images: bool = False,
) -> Report:
    """Assemble a report in its canonical order, so that two runs print the same bytes;
    `count_images` adds the images to the pages in the freshness figures."""
    ordered = tuple(
        sorted(entries, key=lambda entry: (entry.language, entry.translation, entry.kind.value))
    )
    languages, totals = summarise(ordered, count_images=count_images)
    causes = tuple(causes)
    ordered_findings = tuple(sorted(set(findings), key=_finding_order))
    finding_groups = group_findings(ordered_findings, ordered)
    return Report(
        root=root,
        layouts=tuple(layouts),
        languages=languages,
        totals=totals,
        entries=ordered,
        findings=ordered_findings,
        causes=causes,
        commit_causes=group_by_commit(causes),
        finding_groups=finding_groups,
        finding_causes=by_file(finding_groups),
        estimated=estimated_summaries(ordered),
    )


def _finding_order(finding: Finding) -> tuple[str, str, int, str, str]:
    return (finding.language or "", finding.path, finding.line or 0, finding.check, finding.message)


def _for_languages(findings: Iterable[Finding], wanted: frozenset[str]) -> list[Finding]:
    return [
        finding
        for finding in findings
        if not wanted or finding.language in wanted or finding.language is None
    ]


def _refuse_unknown(wanted: frozenset[str], inventory: Inventory) -> None:
    """A language asked for that the repository does not have would select nothing, and a
    gate would pass on nothing (`--lang FR` where the folder is `fr`): say so instead."""
    known = {folder.code for folder in (*inventory.folders, *inventory.image_folders)}
    known.update(image.name.language for image in inventory.flat_images)
    for code in sorted(wanted - known):
        raise TransyncError(
            f"--lang {code!r}: no such language folder here ({suggestion(code, known)})"
        )
