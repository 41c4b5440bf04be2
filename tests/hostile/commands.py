"""The catalogue's second half: hostile repositories given to the commands that write (sync,
`init`, `badges`, `dashboard`) and to the gate's flags, one row per case.

Each case builds `<tmp>/repo` (and `<tmp>/outside`, the target of its traps), runs one
command and names its outcome: the exit status, a line on stderr, the files that must stay
and the ones that must never appear. `test_commands.py` runs every case and also proves, for
each, that nothing outside the repository was opened and that `outside/` is byte-identical
afterwards; the table in README.md is generated from this module
(`python -m tests.hostile.commands`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.builders import RepoBuilder, md5, record
from tests.hostile.cases import LANG, SOURCE, TRANSLATION, block, fifo, git, good, link, outside
from transync.inert import printable

IMAGES = "translated_images/ja"
BADGES_BLOCK = "<!-- transync:languages:start -->\n<!-- transync:languages:end -->\n"


@dataclass(frozen=True)
class CommandCase:
    name: str
    group: str
    input: str
    build: Callable[[RepoBuilder], None]
    # The arguments; `{root}` is the repository, `{tmp}` the folder holding it.
    command: tuple[str, ...]
    exit_code: int
    # A substring of stderr (for exit 2, of its one line `transync: error: ...`).
    says: str = ""
    # Repository paths that must exist afterwards, and paths (relative to `{tmp}`) that must not.
    kept: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    # Whether the command may change the repository (otherwise it must stay byte-identical).
    writes: bool = False
    needs_git: bool = False

    def describe(self) -> str:
        parts = [f"exit {self.exit_code}"]
        if self.says:
            parts.append(f"“{self.says}”")
        if self.kept:
            parts.append("kept: " + ", ".join(f"`{path}`" for path in self.kept))
        if self.never:
            parts.append("never written: " + ", ".join(f"`{path}`" for path in self.never))
        if not self.writes:
            parts.append("repository unchanged")
        return "; ".join(parts)


# -- building blocks -------------------------------------------------------------------------


def current(repo: RepoBuilder) -> None:
    """README.md and its current Japanese translation (inline record)."""
    repo.source("README.md", SOURCE)
    repo.write(TRANSLATION, block(good(repo)) + "# こんにちは\n")


def committed(build: Callable[[RepoBuilder], object]) -> Callable[[RepoBuilder], None]:
    """`build` in a git repository, everything committed (write commands refuse a dirty tree)."""

    def full(repo: RepoBuilder) -> None:
        repo.root.mkdir(parents=True, exist_ok=True)
        git(repo.root, "init", "-q")
        build(repo)
        git(repo.root, "add", "-A")
        git(repo.root, "commit", "-q", "-m", "hostile")

    return full


def named_source(target: Callable[[RepoBuilder], object]) -> Callable[[RepoBuilder], None]:
    """A current translation, plus an orphan whose record names `trap.md` as its source;
    `target` makes `trap.md` (a link to a device, a pipe, a file outside)."""

    def build(repo: RepoBuilder) -> None:
        current(repo)
        target(repo)
        repo.write(f"{LANG}/trap.md", block(good(repo, source_file="trap.md")) + "# 罠\n")

    return build


def orphan_linking(links: str) -> Callable[[RepoBuilder], None]:
    """A page translated, its source then removed: an orphan whose text is `links`; the image
    sidecar keeps records of two images, one of which only the orphan shows."""

    def build(repo: RepoBuilder) -> None:
        repo.root.mkdir(parents=True, exist_ok=True)
        git(repo.root, "init", "-q")
        current(repo)
        repo.source("gone.md", "# Gone\n")
        repo.write(f"{LANG}/gone.md", block(good(repo, "gone.md")) + links)
        repo.source("images/only.png", b"\x89PNG only")
        repo.source("images/kept.png", b"\x89PNG kept")
        repo.write(f"{IMAGES}/only.png", b"\x89PNG only, ja")
        repo.write(f"{IMAGES}/kept.png", b"\x89PNG kept, ja")
        repo.write(
            f"{LANG}/README.md", block(good(repo)) + "![k](../../translated_images/ja/kept.png)\n"
        )
        repo.write(
            f"{IMAGES}/.co-op-translator.json",
            json.dumps(
                {
                    name: record(f"images/{name}", md5(name), "ja")
                    for name in ("only.png", "kept.png")
                }
            ),
        )
        git(repo.root, "add", "-A")
        git(repo.root, "commit", "-q", "-m", "translated")
        (repo.root / "gone.md").unlink()
        git(repo.root, "add", "-A")
        git(repo.root, "commit", "-q", "-m", "remove gone.md")

    return build


def moved_linking(links: str) -> Callable[[RepoBuilder], None]:
    """A page whose source moved into `guide/` (`git mv`): relocate moves it, and the files
    it links beside it that are its own."""

    def build(repo: RepoBuilder) -> None:
        repo.root.mkdir(parents=True, exist_ok=True)
        git(repo.root, "init", "-q")
        current(repo)
        body = "# Moved\n\nA page long enough to be recognised after its move.\n"
        repo.source("old.md", body)
        repo.sidecar_entry("ja", "old.md", "# 移動\n\n" + links)
        git(repo.root, "add", "-A")
        git(repo.root, "commit", "-q", "-m", "translated")
        (repo.root / "guide").mkdir()
        git(repo.root, "mv", "old.md", "guide/new.md")
        git(repo.root, "commit", "-q", "-m", "move old.md")

    return build


def report(language: str, files_language: str | None = None) -> Callable[[RepoBuilder], None]:
    """`<tmp>/reports/report.json`, a transync.report/1 from another repository."""

    def build(repo: RepoBuilder) -> None:
        counts = {"current": 1}
        document = {
            "schema": "transync.report/1",
            "root": "elsewhere",
            "layouts": [{"translations": "translations/<lang>", "sources": "."}],
            "languages": [{"code": language, "counts": counts, "fresh_percent": 100.0}],
            "totals": {"code": "total", "counts": counts, "fresh_percent": 100.0},
            "files": [
                {
                    "language": files_language or language,
                    "state": "current",
                    "kind": "markdown",
                    "source": "README.md",
                    "translation": f"translations/{language}/README.md",
                }
            ],
        }
        target = repo.root.parent / "reports" / "report.json"
        target.parent.mkdir(parents=True)
        target.write_text(json.dumps(document))
        repo.root.mkdir(parents=True, exist_ok=True)

    return build


def deep_report(repo: RepoBuilder) -> None:
    target = repo.root.parent / "reports" / "report.json"
    target.parent.mkdir(parents=True)
    target.write_text(
        '{"schema": "transync.report/1", "root": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    repo.root.mkdir(parents=True, exist_ok=True)


def readme(make: Callable[[RepoBuilder, Path], object]) -> Callable[[RepoBuilder], None]:
    """A repository with a translation, whose README.md `make` turns into a trap."""

    def build(repo: RepoBuilder) -> None:
        current(repo)
        (repo.root / "README.md").unlink()
        make(repo, repo.root / "README.md")

    return build


def long_language(repo: RepoBuilder) -> None:
    code = "l" * 251
    repo.source("README.md", SOURCE)
    repo.write(f"translations/{code}/README.md", block(good(repo)) + "# x\n")


def not_utf8_with_finding(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    folder = os.fsencode(repo.root / LANG)
    os.makedirs(folder)
    with open(os.path.join(folder, b"\xff.md"), "wb") as handle:
        handle.write(block(good(repo)).encode() + b"# x\n\n[extra](https://example.com/)\n")


LONG_NAME = "n" * 248 + ".md"  # 251 bytes: its temporary name must still fit in 255


def long_name_in_sidecar(repo: RepoBuilder) -> None:
    repo.source(LONG_NAME, "# Long\n")
    repo.sidecar_entry("ja", LONG_NAME, "# 長い\n")


def draft_beside(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.sidecar_entry("ja", "README.md", "# こんにちは\n")
    repo.write(f"{LANG}/.README.md.draft.tmp", "a user's draft\n")
    repo.write(f"{LANG}/.README.md.x1y2.tmp", "a user's file too\n")


def sidecar_key_leaving(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.sidecar_entry("ja", "README.md", "# こんにちは\n")
    repo.update_sidecar("ja", {"../x.md": good(repo)})


def notebook_nested_later(repo: RepoBuilder) -> None:
    """A notebook translated, then its source rewritten to nest 3,000 lists (beyond what the
    JSON decoder recurses into): the history classifies the change between the two versions."""
    notebook = json.dumps({"cells": [{"cell_type": "markdown", "source": "# A"}]})
    repo.root.mkdir(parents=True, exist_ok=True)
    git(repo.root, "init", "-q")
    repo.source("lesson.ipynb", notebook)
    fields = record("lesson.ipynb", repo.source_hash("lesson.ipynb"), "ja")
    translated = json.loads(notebook) | {"metadata": {"coopTranslator": fields}}
    repo.write(f"{LANG}/lesson.ipynb", json.dumps(translated))
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "translated")
    repo.source("lesson.ipynb", '{"cells": ' + "[" * 3_000 + "]" * 3_000 + "}")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "nested")


# -- the catalogue ---------------------------------------------------------------------------

SITE = "{tmp}/site"

CASES: tuple[CommandCase, ...] = (
    # the gate
    CommandCase(
        "check-lang-wrong-case",
        "gate",
        "`check --lang JA` where the folder is `ja`",
        current,
        ("check", "{root}", "--lang", "JA"),
        2,
        "--lang 'JA': no such language folder here (did you mean 'ja'?)",
    ),
    CommandCase(
        "check-lang-unknown",
        "gate",
        "`check --lang xx`",
        current,
        ("check", "{root}", "--lang", "xx"),
        2,
        "--lang 'xx': no such language folder here",
    ),
    CommandCase(
        "status-lang-unknown",
        "gate",
        "`status --lang xx` (every command that scans)",
        current,
        ("status", "{root}", "--lang", "xx"),
        2,
        "--lang 'xx': no such language folder here",
    ),
    CommandCase(
        "check-fail-on-empty",
        "gate",
        '`check --fail-on ""`',
        current,
        ("check", "{root}", "--fail-on", ""),
        2,
        "--fail-on: '' names no kind (write 'none' to fail on none)",
    ),
    CommandCase(
        "check-fail-on-commas",
        "gate",
        '`check --fail-on ",,"`',
        current,
        ("check", "{root}", "--fail-on", ",,"),
        2,
        "--fail-on: ',,' names no kind",
    ),
    CommandCase(
        "check-warn-on-blank",
        "gate",
        '`check --warn-on " , "`',
        current,
        ("check", "{root}", "--warn-on", " , "),
        2,
        "--warn-on: ' , ' names no kind",
    ),
    CommandCase(
        "check-min-fresh-nan",
        "gate",
        "`check --min-fresh nan`",
        current,
        ("check", "{root}", "--min-fresh", "nan"),
        2,
        "--min-fresh: 'min-fresh' must be a number from 0 to 100 (got nan)",
    ),
    # reads by the write commands
    CommandCase(
        "prune-source-dev-zero",
        "read",
        "`prune` with a record naming `trap.md -> /dev/zero` as its source",
        named_source(lambda repo: link(repo, "trap.md", "/dev/zero")),
        ("prune", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "prune-source-fifo",
        "read",
        "`prune` with a record naming a named pipe as its source",
        named_source(lambda repo: fifo(repo, "trap.md")),
        ("prune", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "prune-source-outside",
        "read",
        "`prune` with a record naming a link to a file outside as its source",
        named_source(lambda repo: link(repo, "trap.md", outside(repo, "secret.md"))),
        ("prune", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "relocate-source-dev-zero",
        "read",
        "`relocate` with a record naming `trap.md -> /dev/zero` as its source",
        named_source(lambda repo: link(repo, "trap.md", "/dev/zero")),
        ("relocate", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "relocate-source-fifo",
        "read",
        "`relocate` with a record naming a named pipe as its source",
        named_source(lambda repo: fifo(repo, "trap.md")),
        ("relocate", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "migrate-translation-links-out",
        "read",
        "`migrate --to json` over a translation linking a file outside",
        lambda repo: (current(repo), link(repo, f"{LANG}/leak.md", outside(repo, "leak.md"))),
        ("migrate", "{root}", "--to", "json", "--dry-run"),
        0,
    ),
    CommandCase(
        "sidecar-key-leaves-folder-prune",
        "read",
        'a sidecar key `"../x.md"`, then `prune`',
        sidecar_key_leaving,
        ("prune", "{root}", "--dry-run"),
        0,
    ),
    CommandCase(
        "sidecar-key-leaves-folder-migrate",
        "read",
        'a sidecar key `"../x.md"`, then `migrate --to inline`',
        sidecar_key_leaving,
        ("migrate", "{root}", "--to", "inline", "--dry-run"),
        0,
    ),
    CommandCase(
        "badges-readme-links-out",
        "read",
        "`badges README.md`, README.md a link to a file outside",
        readme(lambda repo, path: path.symlink_to(outside(repo, "README.md", BADGES_BLOCK))),
        ("badges", "{root}/README.md"),
        2,
        "README.md: leads outside the repository through a symbolic link",
    ),
    CommandCase(
        "badges-readme-fifo",
        "read",
        "`badges README.md`, README.md a named pipe",
        readme(lambda repo, path: os.mkfifo(path)),
        ("badges", "{root}/README.md"),
        2,
        "README.md: is not a regular file",
    ),
    CommandCase(
        "badges-readme-dev-zero",
        "read",
        "`badges README.md`, README.md a link to `/dev/zero`",
        readme(lambda repo, path: path.symlink_to("/dev/zero")),
        ("badges", "{root}/README.md"),
        2,
        "README.md: leads outside the repository",
    ),
    CommandCase(
        "init-pyproject-links-out",
        "read",
        "`init --yes`, pyproject.toml a link to a file outside",
        lambda repo: (
            current(repo),
            link(repo, "pyproject.toml", outside(repo, "pyproject.toml", "[project]\n")),
        ),
        ("init", "{root}", "--yes"),
        2,
        "pyproject.toml: cannot read: leads outside the repository",
    ),
    CommandCase(
        "check-source-notebook-deeply-nested",
        "read",
        "`check` of a stale notebook whose source now nests 3,000 lists (its history read)",
        notebook_nested_later,
        ("check", "{root}"),
        1,
        needs_git=True,
    ),
    CommandCase(
        "check-baseline-fifo",
        "read",
        "`check --baseline baseline.json`, the committed baseline a named pipe",
        lambda repo: (current(repo), fifo(repo, "baseline.json")),
        ("check", "{root}", "--baseline", "{root}/baseline.json"),
        2,
        "baseline.json: cannot read baseline",
    ),
    CommandCase(
        "dashboard-from-language-dot",
        "read",
        "`dashboard --from` a report whose language code is `..`",
        report(".."),
        ("dashboard", "--from", "{tmp}/reports/report.json", "-o", SITE),
        2,
        "language code '..' is not a folder name",
        never=("site",),
    ),
    # writes
    CommandCase(
        "badges-readme-links-inside",
        "write",
        "`badges README.md`, README.md a link to `docs/README.md` in the repository",
        readme(
            lambda repo, path: (
                repo.write("docs/README.md", BADGES_BLOCK),
                path.symlink_to("docs/README.md"),
            )
        ),
        ("badges", "{root}/README.md"),
        2,
        "README.md: is a symbolic link, not written through",
    ),
    CommandCase(
        "init-workflow-dangling-link",
        "write",
        "`init --yes`, the workflow file a link to a file outside that does not exist yet",
        lambda repo: (
            current(repo),
            link(
                repo,
                ".github/workflows/translations.yml",
                repo.root.parent / "outside" / "new.yml",
            ),
        ),
        ("init", "{root}", "--yes"),
        2,
        ".github/workflows/translations.yml: is a symbolic link, not written through",
        never=("outside/new.yml", "repo/transync.toml"),
    ),
    CommandCase(
        "init-github-links-out",
        "write",
        "`init --yes`, `.github` a link to a folder outside",
        lambda repo: (
            current(repo),
            outside(repo, "github/README"),
            link(repo, ".github", repo.root.parent / "outside" / "github"),
        ),
        ("init", "{root}", "--yes"),
        2,
        ".github/workflows/translations.yml: its folder .github is a symbolic link",
        never=("outside/github/workflows", "repo/transync.toml"),
    ),
    CommandCase(
        "init-pyproject-links-inside",
        "write",
        "`init --yes`, pyproject.toml a link to `config/pyproject.toml` in the repository",
        lambda repo: (
            current(repo),
            repo.write("config/pyproject.toml", "[project]\nname = 'x'\n"),
            link(repo, "pyproject.toml", "config/pyproject.toml"),
        ),
        ("init", "{root}", "--yes"),
        2,
        "pyproject.toml: is a symbolic link, not written through",
        never=("repo/.github",),
    ),
    CommandCase(
        "init-pyproject-fifo",
        "write",
        "`init --yes`, pyproject.toml a named pipe",
        lambda repo: (current(repo), fifo(repo, "pyproject.toml")),
        ("init", "{root}", "--yes"),
        0,
        kept=("transync.toml", ".github/workflows/translations.yml"),
        writes=True,
    ),
    CommandCase(
        "dashboard-badges-link",
        "write",
        "`dashboard -o site`, a committed `site/badges` link to a folder outside",
        lambda repo: (
            current(repo),
            outside(repo, "badges/README"),
            link(repo, "site/badges", repo.root.parent / "outside" / "badges"),
        ),
        ("dashboard", "{root}", "-o", "{root}/site", "--no-history"),
        2,
        "its folder badges is a symbolic link, not written through",
        never=("outside/badges/ja.svg",),
    ),
    CommandCase(
        "dashboard-output-is-a-link",
        "write",
        "`dashboard -o site`, `site` a link to a folder outside",
        lambda repo: (
            current(repo),
            outside(repo, "site/README"),
            link(repo, "site", repo.root.parent / "outside" / "site"),
        ),
        ("dashboard", "{root}", "-o", "{root}/site", "--no-history"),
        2,
        "site: is a symbolic link; write the site to a real folder",
        never=("outside/site/index.html",),
    ),
    CommandCase(
        "dashboard-from-language-escapes",
        "write",
        "`dashboard --from` a report whose language code is `../../x/evil`",
        report("../../x/evil"),
        ("dashboard", "--from", "{tmp}/reports/report.json", "-o", SITE),
        2,
        "report.json: malformed transync.report/1 report: language code '../../x/evil' is not",
        never=("x/evil.html", "site"),
    ),
    CommandCase(
        "dashboard-from-file-language-escapes",
        "write",
        "`dashboard --from` a report whose file's language is `../evil`",
        report("fr", files_language="../evil"),
        ("dashboard", "--from", "{tmp}/reports/report.json", "-o", SITE),
        2,
        "language code '../evil' is not a folder name",
        never=("evil.html", "site"),
    ),
    CommandCase(
        "dashboard-from-deeply-nested",
        "write",
        "`dashboard --from` a report nesting 100,000 lists",
        deep_report,
        ("dashboard", "--from", "{tmp}/reports/report.json", "-o", SITE),
        2,
        "report.json: not a JSON file: nested too deeply",
        never=("site",),
    ),
    CommandCase(
        "dashboard-long-language-folder",
        "write",
        "`dashboard` of a repository with a 251-byte language folder",
        long_language,
        ("dashboard", "{root}", "-o", SITE, "--no-history"),
        0,
    ),
    CommandCase(
        "dashboard-name-not-utf8",
        "write",
        "`dashboard` of a translation named `\\xff.md` with a content finding",
        not_utf8_with_finding,
        ("dashboard", "{root}", "-o", SITE, "--no-history"),
        0,
    ),
    CommandCase(
        "check-name-not-utf8-cached",
        "read",
        "`check` of a translation named `\\xff.md` with a content finding (its cache key)",
        not_utf8_with_finding,
        ("check", "{root}", "--fail-on", "none"),
        0,
    ),
    CommandCase(
        "stamp-in-repository-link",
        "write",
        "`stamp translations/fr/README.md`, a link to `../ja/README.md`",
        lambda repo: (
            repo.source("README.md", SOURCE),
            repo.write(TRANSLATION, block(good(repo, original_hash=md5("older"))) + "# x\n"),
            link(repo, "translations/fr/README.md", "../ja/README.md"),
        ),
        ("stamp", "{root}", "{root}/translations/fr/README.md", "--force"),
        2,
        "translations/fr/README.md: is a symbolic link, not written through (nothing was changed)",
    ),
    CommandCase(
        "prune-keeps-image-sidecar",
        "write",
        "`prune`: the orphan links its language's image sidecar and an image only it shows",
        orphan_linking(
            "[records](../../translated_images/ja/.co-op-translator.json)\n"
            "![only](../../translated_images/ja/only.png)\n"
        ),
        ("prune", "{root}"),
        0,
        kept=(f"{IMAGES}/.co-op-translator.json", f"{IMAGES}/kept.png"),
        never=(f"repo/{LANG}/gone.md", f"repo/{IMAGES}/only.png"),
        writes=True,
        needs_git=True,
    ),
    CommandCase(
        "relocate-keeps-sidecar",
        "write",
        "`relocate`: the moved page links its folder's `.co-op-translator.json` and `.gitignore`",
        moved_linking("[records](.co-op-translator.json) [ignore](.gitignore)\n"),
        ("relocate", "{root}"),
        0,
        kept=(f"{LANG}/.co-op-translator.json", f"{LANG}/guide/new.md"),
        never=(f"repo/{LANG}/old.md", f"repo/{LANG}/guide/.co-op-translator.json"),
        writes=True,
        needs_git=True,
    ),
    CommandCase(
        "migrate-long-name",
        "write",
        "`migrate --to inline` of a translation with a 251-byte name",
        committed(long_name_in_sidecar),
        ("migrate", "{root}", "--to", "inline"),
        0,
        kept=(f"{LANG}/{LONG_NAME}",),
        writes=True,
        needs_git=True,
    ),
    CommandCase(
        "migrate-keeps-user-drafts",
        "write",
        "`migrate --to inline` beside `.README.md.draft.tmp` and `.README.md.x1y2.tmp`",
        committed(draft_beside),
        ("migrate", "{root}", "--to", "inline"),
        0,
        kept=(f"{LANG}/.README.md.draft.tmp", f"{LANG}/.README.md.x1y2.tmp"),
        writes=True,
        needs_git=True,
    ),
)


def readme_table() -> str:
    """The catalogue as the Markdown table README.md holds."""
    rows = [
        "| case | group | input | command | outcome |",
        "| --- | --- | --- | --- | --- |",
    ]
    for case in CASES:
        command = " ".join(case.command).replace("{root}", "repo").replace("{tmp}/", "")
        cells = (f"`{case.name}`", case.group, case.input, f"`{command}`", case.describe())
        rows.append("| " + " | ".join(printable(cell).replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(readme_table(), end="")
