"""The catalogue of hostile and broken inputs, one row per case.

Each case builds a repository in tmp_path (nothing binary is committed), says what
`transync status --format json --content` must answer, and is listed in README.md beside
this file (`test_catalogue.py` runs every case and keeps the README in step). The repository is
`<tmp>/repo`; its siblings (`<tmp>/outside`, `<tmp>/origin`) are outside it, as the targets
of links that must never be followed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.builders import RepoBuilder, record
from transync.inert import printable

SOURCE = "# Hello\n"
LANG = "translations/ja"
TRANSLATION = f"{LANG}/README.md"
SIDECAR = f"{LANG}/.co-op-translator.json"
NOT_AN_MD5 = "z" * 32
FIFTY_MB = 50 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """The translation at `path` is classified `state`."""

    path: str
    state: str

    def describe(self) -> str:
        return f"`{self.path}` is **{self.state}**"


@dataclass(frozen=True)
class Finds:
    """A finding of `check` at `path` whose message contains `message`."""

    check: str
    path: str
    message: str
    severity: str = "warning"

    def describe(self) -> str:
        return f"{self.severity} `{self.check}` at `{self.path}`: “{self.message}”"


@dataclass(frozen=True)
class Warns:
    """The command runs and says `transync: warning: ...<message>...` on stderr."""

    message: str

    def describe(self) -> str:
        return f"stderr warning: “{self.message}”"


@dataclass(frozen=True)
class Fails:
    """The command stops with one line on stderr, `transync: error: ...<message>...`."""

    message: str

    def describe(self) -> str:
        return f"error: “{self.message}”"


@dataclass(frozen=True)
class Shows:
    """`transync <command>` prints `text`: repository text as its sink shows it, inert."""

    text: str
    command: tuple[str, ...] = ("status", "{path}", "--details")

    def describe(self) -> str:
        command = " ".join(word for word in self.command if word != "{path}")
        return f"`{command}` shows “{self.text}”"


Expectation = Entry | Finds | Warns | Fails | Shows


@dataclass(frozen=True)
class Case:
    name: str
    group: str
    input: str
    build: Callable[[RepoBuilder], None]
    expect: tuple[Expectation, ...]
    exit_code: int = 0
    # Repository paths that fail to open with "Permission denied" (see audit.denying).
    unreadable: tuple[str, ...] = ()
    # The PATH argument, relative to the repository (a missing folder, a file).
    target: str = "."
    needs_git: bool = False


# -- building blocks -------------------------------------------------------------------------


def good(repo: RepoBuilder, source: str = "README.md", **fields: object) -> dict[str, object]:
    """A record that is current for `source`, with `fields` replaced (None removes one)."""
    fields_now: dict[str, object] = dict(record(source, repo.source_hash(source), "ja"))
    for key, value in fields.items():
        if value is None:
            fields_now.pop(key, None)
        else:
            fields_now[key] = value
    return fields_now


def block(body: object) -> str:
    """The inline comment around `body` (a record, or raw text when a string)."""
    text = body if isinstance(body, str) else json.dumps(body, indent=2)
    return f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{text}\n-->\n"


def with_source(build: Callable[[RepoBuilder], object]) -> Callable[[RepoBuilder], None]:
    """Every case starts from README.md and an (empty) Japanese folder."""

    def full(repo: RepoBuilder) -> None:
        repo.source("README.md", SOURCE)
        (repo.root / LANG).mkdir(parents=True, exist_ok=True)
        build(repo)

    return full


def inline(text: Callable[[RepoBuilder], str | bytes], path: str = TRANSLATION):
    """A translated file written from `text(repo)`."""
    return with_source(lambda repo: repo.write(path, text(repo)))


def sidecar(content: Callable[[RepoBuilder], str | bytes], body: bool = True):
    """A raw sidecar, beside a translated README.md without inline metadata."""

    def build(repo: RepoBuilder) -> None:
        repo.write(SIDECAR, content(repo))
        if body:
            repo.write(TRANSLATION, "# こんにちは\n")

    return with_source(build)


def source_file(value: object, extra: Callable[[RepoBuilder], object] = lambda repo: None):
    """A translation whose inline record names `value` as its source_file."""

    def build(repo: RepoBuilder) -> None:
        extra(repo)
        repo.write(TRANSLATION, block(good(repo, source_file=value)) + "# こんにちは\n")

    return with_source(build)


def outside(repo: RepoBuilder, name: str, content: str = "secret\n") -> Path:
    """A file beside the repository, which no scan may open."""
    target = repo.root.parent / "outside" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content)
    return target


def link(repo: RepoBuilder, path: str, target: Path | str) -> None:
    full = repo.root / path
    full.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, full)


def invalid(path: str, message: str) -> tuple[Expectation, ...]:
    """The file is in state invalid-metadata and an error finding says why."""
    return (Entry(path, "invalid-metadata"), Finds("invalid-metadata", path, message, "error"))


def current(path: str = TRANSLATION) -> tuple[Expectation, ...]:
    return (Entry(path, "current"),)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def committed(repo: RepoBuilder) -> None:
    """A git repository with one current translation, committed twice."""
    repo.source("README.md", SOURCE)
    repo.write(TRANSLATION, block(good(repo)) + "# こんにちは\n")
    git(repo.root, "init", "-q")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "first")
    repo.write("notes.txt", "second\n")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "second")


def shallow_clone(repo: RepoBuilder) -> None:
    origin = RepoBuilder(repo.root.parent / "origin")
    committed(origin)
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", origin.root.as_uri(), str(repo.root)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(origin.root)


def detached_head(repo: RepoBuilder) -> None:
    committed(repo)
    git(repo.root, "checkout", "-q", "--detach", "HEAD~1")


def empty_git(repo: RepoBuilder) -> None:
    repo.root.mkdir(parents=True)
    git(repo.root, "init", "-q")


def fifty_megabytes(repo: RepoBuilder) -> None:
    filler = b"Lorem ipsum dolor sit amet.\n" * (FIFTY_MB // 28)
    repo.source("README.md", b"# Big\n" + filler)
    repo.write(TRANSLATION, block(good(repo)).encode() + filler)


def symlink_loops(repo: RepoBuilder) -> None:
    link(repo, f"{LANG}/self.md", "self.md")
    link(repo, f"{LANG}/a.md", "b.md")
    link(repo, f"{LANG}/b.md", "a.md")
    link(repo, f"{LANG}/folder", ".")
    link(repo, "docs/up", "..")
    repo.write(TRANSLATION, block(good(repo)))


def fifo(repo: RepoBuilder, path: str) -> None:
    """A named pipe: opening it to read would block until a writer comes, i.e. forever."""
    full = repo.root / path
    full.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(full)


def names(*paths: str) -> Callable[[RepoBuilder], None]:
    """Sources with unusual names, each tracked in the sidecar and current."""

    def build(repo: RepoBuilder) -> None:
        for path in paths:
            repo.source(path, f"# {path}\n")
            repo.sidecar_entry("ja", path)

    return build


def markup_name(repo: RepoBuilder) -> None:
    """`translations/ja/a[/]b.md`: a folder `a[` holding `]b.md` spells a Rich closing tag."""
    repo.source("README.md", SOURCE)
    repo.write(f"{LANG}/a[/]b.md", "# x\n")
    repo.write(f"{LANG}/\x1b[2J\x1b]0;pwned\x07.md", "# x\n")


def not_utf8_name(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    folder = os.fsencode(repo.root / LANG)
    os.makedirs(folder)
    with open(os.path.join(folder, b"\xff.md"), "wb") as handle:
        handle.write(b"# bytes\n")


def config(text: str | bytes, name: str = "transync.toml") -> Callable[[RepoBuilder], None]:
    def build(repo: RepoBuilder) -> None:
        repo.source("README.md", SOURCE)
        repo.write(TRANSLATION, block(good(repo)))
        repo.write(name, text)

    return build


def in_git(build: Callable[[RepoBuilder], object]) -> Callable[[RepoBuilder], None]:
    """`build` in a git work tree (what is ignored, and `.git/`, are git's)."""

    def full(repo: RepoBuilder) -> None:
        repo.root.mkdir(parents=True, exist_ok=True)
        git(repo.root, "init", "-q")
        build(repo)

    return full


SECRET = "TOKEN=https://x-access-token:ghs_secret@github.com/owner/repo\n"


def ignored_source(path: str, ignore: str) -> Callable[[RepoBuilder], None]:
    """A secret at `path`, ignored by `.gitignore` line `ignore`, named as a source."""
    return in_git(
        with_source(
            lambda repo: (
                repo.write(".gitignore", f"{ignore}\n"),
                repo.write(path, SECRET),
                repo.write(TRANSLATION, block(good(repo, source_file=path)) + "# こんにちは\n"),
            )
        )
    )


LONG_NAME = "n" * 248 + ".md"  # 251 bytes


def long_language_folder(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    repo.write(f"translations/{'l' * 251}/README.md", block(good(repo)))


def not_utf8_name_with_finding(repo: RepoBuilder) -> None:
    repo.source("README.md", SOURCE)
    folder = os.fsencode(repo.root / LANG)
    os.makedirs(folder)
    with open(os.path.join(folder, b"\xff.md"), "wb") as handle:
        handle.write(block(good(repo)).encode() + b"# x\n\n[extra](https://example.com/)\n")


def crlf_source_beside(trap: Callable[[RepoBuilder], object]) -> Callable[[RepoBuilder], None]:
    """A CRLF source in a git work tree (git's line-ending rules are looked up for it), its
    translation current, and `trap` making `.gitattributes` something never to read."""

    def build(repo: RepoBuilder) -> None:
        repo.source("README.md", SOURCE.replace("\n", "\r\n"))
        repo.write(TRANSLATION, block(good(repo)))
        trap(repo)

    return in_git(build)


# -- the catalogue -----------------------------------------------------------------------------

_HASH_ERROR = "is not an MD5 hex digest"

CASES: tuple[Case, ...] = (
    # metadata: the inline block
    Case(
        "inline-malformed-json",
        "metadata",
        'inline block holding `{"original_hash": "abc",`',
        inline(lambda repo: block('{"original_hash": "abc",') + "text\n"),
        invalid(TRANSLATION, "metadata block is not valid JSON"),
    ),
    Case(
        "inline-truncated",
        "metadata",
        "inline block with no closing `-->`",
        inline(lambda repo: block(good(repo)).replace("-->\n", "") + "# Title\n"),
        invalid(TRANSLATION, "metadata block is not closed with '-->'"),
    ),
    Case(
        "inline-two-blocks",
        "metadata",
        "two inline blocks in one file",
        inline(lambda repo: block(good(repo)) + "text\n" + block(good(repo))),
        invalid(TRANSLATION, "2 metadata blocks (lines 1, 11)"),
    ),
    Case(
        "inline-below-the-top",
        "metadata",
        "the block after a heading and a paragraph",
        inline(lambda repo: "# Title\n\nText.\n\n" + block(good(repo))),
        current(),
    ),
    Case(
        "inline-no-hash",
        "metadata",
        "record without `original_hash`",
        inline(lambda repo: block(good(repo, original_hash=None))),
        invalid(TRANSLATION, "record has no 'original_hash'"),
    ),
    Case(
        "inline-no-source-file",
        "metadata",
        "record without `source_file`",
        inline(lambda repo: block(good(repo, source_file=None))),
        invalid(TRANSLATION, "record has no 'source_file'"),
    ),
    Case(
        "inline-hash-is-a-number",
        "metadata",
        "`original_hash: 42`",
        inline(lambda repo: block(good(repo, original_hash=42))),
        invalid(TRANSLATION, "'original_hash' is a number, not a string"),
    ),
    Case(
        "inline-hash-empty",
        "metadata",
        '`original_hash: ""`',
        inline(lambda repo: block(good(repo, original_hash=""))),
        invalid(TRANSLATION, _HASH_ERROR),
    ),
    Case(
        "inline-hash-not-hex",
        "metadata",
        "`original_hash` of 32 `z`",
        inline(lambda repo: block(good(repo, original_hash=NOT_AN_MD5))),
        invalid(TRANSLATION, _HASH_ERROR),
    ),
    Case(
        "inline-source-file-not-a-string",
        "metadata",
        "`source_file: 7`",
        inline(lambda repo: block(good(repo, source_file=7))),
        invalid(TRANSLATION, "'source_file' is not a non-empty string"),
    ),
    Case(
        "inline-not-an-object",
        "metadata",
        "inline block holding `[1, 2]`",
        inline(lambda repo: block([1, 2])),
        invalid(TRANSLATION, "record is a list, not an object"),
    ),
    Case(
        "inline-unknown-keys",
        "metadata",
        "record with extra keys (`translator_version`, a list)",
        inline(lambda repo: block(good(repo, translator_version="0.9", extra=[1, {"a": None}]))),
        current(),
    ),
    Case(
        "inline-huge-block",
        "metadata",
        "record padded with a 5 MB string",
        inline(lambda repo: block(good(repo, padding="x" * 5_000_000))),
        current(),
    ),
    Case(
        "inline-deeply-nested",
        "metadata",
        "block of 100,000 nested lists",
        inline(lambda repo: block("[" * 100_000 + "]" * 100_000)),
        invalid(TRANSLATION, "metadata block is not valid JSON"),
    ),
    # metadata: the sidecar
    Case(
        "sidecar-malformed",
        "sidecar",
        '`.co-op-translator.json` holding `{"README.md": `',
        sidecar(lambda repo: '{"README.md": '),
        (
            Finds("invalid-metadata", SIDECAR, "not valid JSON", "error"),
            Entry(TRANSLATION, "invalid-metadata"),
        ),
    ),
    Case(
        "sidecar-empty-file",
        "sidecar",
        "an empty sidecar",
        sidecar(lambda repo: b""),
        (Finds("invalid-metadata", SIDECAR, "not valid JSON", "error"),),
    ),
    Case(
        "sidecar-not-an-object",
        "sidecar",
        "sidecar holding `[]`",
        sidecar(lambda repo: "[]"),
        (Finds("invalid-metadata", SIDECAR, "top level is not a JSON object", "error"),),
    ),
    Case(
        "sidecar-entry-not-an-object",
        "sidecar",
        '`{"README.md": "done"}`',
        sidecar(lambda repo: '{"README.md": "done"}'),
        invalid(TRANSLATION, "entry 'README.md': record is a string, not an object"),
    ),
    Case(
        "sidecar-duplicate-after-normalising",
        "sidecar",
        "keys `README.md` and `./README.md`",
        sidecar(lambda repo: json.dumps({"README.md": good(repo), "./README.md": good(repo)})),
        invalid(TRANSLATION, "entry './README.md' appears twice (after normalising the path)"),
    ),
    Case(
        "sidecar-duplicate-key",
        "sidecar",
        "the key `README.md` written twice",
        sidecar(lambda repo: '{"README.md": {}, "README.md": ' + json.dumps(good(repo)) + "}"),
        invalid(TRANSLATION, "entry 'README.md' appears twice"),
    ),
    Case(
        "sidecar-windows-key",
        "sidecar",
        "key and `source_file` `docs\\\\guide.md` (backslash)",
        with_source(
            lambda repo: (
                repo.source("docs/guide.md", SOURCE),
                repo.write(f"{LANG}/docs/guide.md", "# ガイド\n"),
                repo.write(
                    SIDECAR,
                    json.dumps(
                        {
                            "docs\\guide.md": good(
                                repo, "docs/guide.md", source_file="docs\\guide.md"
                            )
                        }
                    ),
                ),
            )
        ),
        current(f"{LANG}/docs/guide.md"),
    ),
    Case(
        "sidecar-absolute-key",
        "sidecar",
        "key `/etc/passwd`",
        sidecar(lambda repo: json.dumps({"/etc/passwd": good(repo)})),
        (Finds("invalid-metadata", SIDECAR, "entry '/etc/passwd': key is absolute"),),
    ),
    Case(
        "sidecar-failures-not-an-object",
        "sidecar",
        "`__translation_failures__: [1]` beside a good record",
        sidecar(
            lambda repo: json.dumps({"README.md": good(repo), "__translation_failures__": [1]})
        ),
        (
            Finds("invalid-metadata", SIDECAR, "'__translation_failures__' is not an object"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "sidecar-utf8-bom",
        "sidecar",
        "sidecar starting with a UTF-8 BOM",
        sidecar(lambda repo: b"\xef\xbb\xbf" + json.dumps({"README.md": good(repo)}).encode()),
        current(),
    ),
    Case(
        "sidecar-surrogate-key",
        "sidecar",
        'key `"a\\udcffb.md"` (a lone surrogate escape)',
        sidecar(lambda repo: '{"a\\udcffb.md": ' + json.dumps(good(repo)) + "}"),
        (Finds("dangling-record", SIDECAR, "record for 'a\\udcffb.md'"),),
    ),
    # metadata: notebooks
    Case(
        "notebook-not-json",
        "notebook",
        "`.ipynb` that is not JSON but mentions `coopTranslator`",
        with_source(
            lambda repo: (
                repo.source("lesson.ipynb", '{"cells": []}'),
                repo.write(f"{LANG}/lesson.ipynb", "coopTranslator: not json {"),
            )
        ),
        invalid(f"{LANG}/lesson.ipynb", "notebook is not valid JSON"),
    ),
    Case(
        "notebook-without-cells",
        "notebook",
        '`.ipynb` holding `{"metadata": {}}`',
        with_source(
            lambda repo: (
                repo.source("lesson.ipynb", '{"cells": []}'),
                repo.write(f"{LANG}/lesson.ipynb", '{"metadata": {}}'),
            )
        ),
        (Entry(f"{LANG}/lesson.ipynb", "untracked"),),
    ),
    Case(
        "notebook-record-not-an-object",
        "notebook",
        '`metadata.coopTranslator` is `"yes"`',
        with_source(
            lambda repo: (
                repo.source("lesson.ipynb", '{"cells": []}'),
                repo.write(f"{LANG}/lesson.ipynb", '{"metadata": {"coopTranslator": "yes"}}'),
            )
        ),
        invalid(f"{LANG}/lesson.ipynb", "record is a string, not an object"),
    ),
    Case(
        "link-to-invalid-url",
        "metadata",
        'translation linking `<a href="http://[x">` (urllib cannot split it)',
        inline(lambda repo: block(good(repo)) + '# Hello\n\n<a href="http://[x">x</a>\n'),
        (Entry(TRANSLATION, "current"), Finds("link-extra", TRANSLATION, "http://[x")),
    ),
    Case(
        "nesting-hides-content",
        "metadata",
        "translation opening with a list nested 150 deep, then its text",
        inline(lambda repo: block(good(repo)) + "- " * 150 + "x\n\n# Hello\n\n[a](gone.md)\n"),
        (
            Entry(TRANSLATION, "current"),
            Finds("content-skipped", TRANSLATION, "nests deeper than 100 levels at line 10"),
        ),
    ),
    # encodings
    Case(
        "utf8-bom",
        "encoding",
        "translation starting with a UTF-8 BOM",
        inline(lambda repo: b"\xef\xbb\xbf" + block(good(repo)).encode()),
        current(),
    ),
    Case(
        "utf16",
        "encoding",
        "translation in UTF-16 (with BOM)",
        inline(lambda repo: (block(good(repo)) + "# こんにちは\n").encode("utf-16")),
        current(),
    ),
    Case(
        "invalid-utf8",
        "encoding",
        "invalid UTF-8 bytes after the block",
        inline(lambda repo: block(good(repo)).encode() + b"caf\xe9 \xc3( \xff\n"),
        current(),
    ),
    Case(
        "crlf",
        "encoding",
        "CRLF line endings",
        inline(lambda repo: block(good(repo)).replace("\n", "\r\n")),
        current(),
    ),
    Case(
        "cr-only",
        "encoding",
        "CR-only line endings",
        inline(lambda repo: block(good(repo)).replace("\n", "\r")),
        current(),
    ),
    Case(
        "nul-bytes",
        "encoding",
        "NUL bytes after the block (a binary file named `.md`)",
        inline(lambda repo: block(good(repo)).encode() + b"\x00\x01\x02PNG\x00"),
        invalid(TRANSLATION, "holds NUL bytes: a binary file, not text"),
    ),
    Case(
        "binary-without-metadata",
        "encoding",
        "a PNG's bytes named `.md`",
        inline(lambda repo: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        (Entry(TRANSLATION, "untracked"),),
    ),
    Case(
        "empty-file",
        "encoding",
        "an empty translation",
        inline(lambda repo: b""),
        (Entry(TRANSLATION, "untracked"),),
    ),
    Case(
        "source-line-endings-only",
        "encoding",
        "source now CRLF, record hashes its LF form",
        with_source(
            lambda repo: (
                repo.write(TRANSLATION, block(good(repo))),
                repo.source("README.md", SOURCE.replace("\n", "\r\n")),
            )
        ),
        (
            Entry(TRANSLATION, "stale"),
            Finds("line-endings", TRANSLATION, "only line endings changed"),
        ),
    ),
    Case(
        "fifty-megabytes",
        "encoding",
        "50 MB source and 50 MB translation",
        fifty_megabytes,
        (
            Entry(TRANSLATION, "current"),
            Finds("content-skipped", TRANSLATION, "README.md is 52.4 MB; content checks compare"),
        ),
    ),
    # paths
    Case(
        "source-file-absolute",
        "path",
        "`source_file: /etc/passwd`",
        source_file("/etc/passwd"),
        invalid(TRANSLATION, "'source_file' is absolute ('/etc/passwd')"),
    ),
    Case(
        "source-file-windows-absolute",
        "path",
        "`source_file: C:\\\\x`",
        source_file("C:\\x"),
        invalid(TRANSLATION, "'source_file' is absolute ('C:\\\\x')"),
    ),
    Case(
        "source-file-escapes",
        "path",
        "`source_file: ../../x`",
        source_file("../../x"),
        invalid(TRANSLATION, "'source_file' leaves the repository ('../../x')"),
    ),
    Case(
        "source-file-is-a-folder",
        "path",
        "`source_file: docs` (a folder)",
        source_file("docs", lambda repo: repo.source("docs/guide.md", SOURCE)),
        invalid(TRANSLATION, "'source_file' docs is a folder, not a file"),
    ),
    Case(
        "source-file-symlink-out",
        "path",
        "`source_file: leak.md`, a link to a file outside",
        source_file("leak.md", lambda repo: link(repo, "leak.md", outside(repo, "secret.md"))),
        invalid(TRANSLATION, "'source_file' leak.md leads outside the repository"),
    ),
    Case(
        "source-file-through-symlinked-folder",
        "path",
        "`source_file: link/sub/x.md`, `link` a folder link to outside",
        source_file(
            "link/sub/x.md",
            lambda repo: (
                outside(repo, "sub/x.md"),
                link(repo, "link", repo.root.parent / "outside"),
            ),
        ),
        invalid(TRANSLATION, "'source_file' link/sub/x.md leads outside the repository"),
    ),
    Case(
        "source-file-is-itself",
        "path",
        f"`source_file: {TRANSLATION}`",
        source_file(TRANSLATION),
        invalid(TRANSLATION, "'source_file' names the translation itself"),
    ),
    Case(
        "source-file-nul",
        "path",
        '`source_file: "a\\u0000b"`',
        source_file("a\x00b"),
        invalid(TRANSLATION, "'source_file' contains a NUL character"),
    ),
    Case(
        "source-file-gone",
        "path",
        "`source_file: gone.md` (no such file)",
        source_file("gone.md"),
        (Entry(TRANSLATION, "orphan"),),
    ),
    Case(
        "symlink-loops",
        "path",
        "links `self.md -> self.md`, `a.md <-> b.md`, `folder -> .`, `docs/up -> ..`",
        with_source(symlink_loops),
        (
            Finds("skipped-path", f"{LANG}/a.md", "leads nowhere"),
            Finds("skipped-path", f"{LANG}/self.md", "leads nowhere"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "translation-symlink-out",
        "path",
        "`translations/ja/leak.md`, a link to a file outside",
        with_source(lambda repo: link(repo, f"{LANG}/leak.md", outside(repo, "secret.md"))),
        (Finds("skipped-path", f"{LANG}/leak.md", "leads outside the repository"),),
    ),
    Case(
        "sidecar-symlink-out",
        "path",
        "the sidecar is a link to a JSON file outside",
        with_source(
            lambda repo: (
                repo.write(TRANSLATION, "# こんにちは\n"),
                link(repo, SIDECAR, outside(repo, "sidecar.json", '{"README.md": {}}')),
            )
        ),
        (Finds("invalid-metadata", SIDECAR, "leads outside the repository", "error"),),
    ),
    Case(
        "container-symlink-out",
        "path",
        "`translated_images` is a link to a folder outside",
        with_source(
            lambda repo: (
                repo.write(TRANSLATION, block(good(repo))),
                outside(repo, "images/ja/.co-op-translator.json", "{}"),
                link(repo, "translated_images", repo.root.parent / "outside" / "images"),
            )
        ),
        (
            Finds("skipped-path", "translated_images", "leads outside the repository"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "translation-is-a-pipe",
        "path",
        "`translations/ja/pipe.md` is a named pipe (FIFO)",
        with_source(lambda repo: fifo(repo, f"{LANG}/pipe.md")),
        (Finds("skipped-path", f"{LANG}/pipe.md", "is not a regular file"),),
    ),
    Case(
        "source-file-is-a-pipe",
        "path",
        "`source_file: pipe.md`, a named pipe",
        source_file("pipe.md", lambda repo: fifo(repo, "pipe.md")),
        invalid(TRANSLATION, "'source_file' pipe.md is not a regular file"),
    ),
    Case(
        "sidecar-is-a-pipe",
        "sidecar",
        "the sidecar is a named pipe",
        with_source(lambda repo: (repo.write(TRANSLATION, "# こんにちは\n"), fifo(repo, SIDECAR))),
        (Finds("invalid-metadata", SIDECAR, "is not a regular file", "error"),),
    ),
    Case(
        "sidecar-is-a-folder",
        "sidecar",
        "`.co-op-translator.json` is a folder",
        with_source(
            lambda repo: (
                repo.write(TRANSLATION, "# こんにちは\n"),
                (repo.root / SIDECAR).mkdir(),
            )
        ),
        (Finds("invalid-metadata", SIDECAR, "is a folder, not a file", "error"),),
    ),
    Case(
        "names-with-spaces",
        "path",
        "`my lesson/read me.md`",
        with_source(names("my lesson/read me.md")),
        current(f"{LANG}/my lesson/read me.md"),
    ),
    Case(
        "names-unicode",
        "path",
        "`日本語/ünïcödé ✓.md`",
        with_source(names("日本語/ünïcödé ✓.md")),
        current(f"{LANG}/日本語/ünïcödé ✓.md"),
    ),
    Case(
        "names-with-newline",
        "path",
        "`a\\nb.md` (a line break in the name)",
        with_source(names("a\nb.md")),
        current(f"{LANG}/a\nb.md"),
    ),
    Case(
        "names-with-markup-and-escapes",
        "path",
        "`a[/]b.md` (Rich markup), `\\x1b[2J\\x1b]0;pwned\\x07.md` (terminal escapes)",
        markup_name,
        (
            Entry(f"{LANG}/a[/]b.md", "untracked"),
            Entry(f"{LANG}/\x1b[2J\x1b]0;pwned\x07.md", "untracked"),
        ),
    ),
    Case(
        "name-not-utf8",
        "path",
        "`translations/ja/\\xff.md` (bytes, not UTF-8)",
        not_utf8_name,
        (Entry(f"{LANG}/\udcff.md", "untracked"),),
    ),
    Case(
        "unreadable-translation",
        "path",
        "translation that cannot be opened (EACCES)",
        inline(lambda repo: block(good(repo))),
        invalid(TRANSLATION, "cannot read: Permission denied"),
        unreadable=(TRANSLATION,),
    ),
    Case(
        "unreadable-source",
        "path",
        "source that cannot be opened (EACCES)",
        inline(lambda repo: block(good(repo))),
        invalid(TRANSLATION, "cannot read source README.md: Permission denied"),
        unreadable=("README.md",),
    ),
    Case(
        "unreadable-sidecar",
        "path",
        "sidecar that cannot be opened (EACCES)",
        sidecar(lambda repo: json.dumps({"README.md": good(repo)})),
        (Finds("invalid-metadata", SIDECAR, "cannot read: Permission denied", "error"),),
        unreadable=(SIDECAR,),
    ),
    Case(
        "unreadable-folder",
        "path",
        "language subfolder that cannot be listed (EACCES)",
        inline(lambda repo: block(good(repo)), path=f"{LANG}/sub/x.md"),
        (Finds("skipped-path", f"{LANG}/sub", "cannot be read (Permission denied)"),),
        unreadable=(f"{LANG}/sub",),
    ),
    # sources that are never read (issue 19)
    Case(
        "source-file-git-config",
        "source",
        "`source_file: .git/config` in a git work tree",
        in_git(source_file(".git/config")),
        invalid(TRANSLATION, "'source_file' .git/config is inside .git/; never a source"),
        needs_git=True,
    ),
    Case(
        "source-file-git-other-case",
        "source",
        "`source_file: .GIT/config` (the same file on macOS and Windows)",
        source_file(".GIT/config"),
        invalid(TRANSLATION, "'source_file' .GIT/config is inside .git/; never a source"),
    ),
    Case(
        "source-file-gitignored",
        "source",
        "`source_file: .env`, a secret `.gitignore` ignores",
        ignored_source(".env", ".env"),
        invalid(TRANSLATION, "'source_file' .env is ignored by git (.gitignore); never a source"),
        needs_git=True,
    ),
    Case(
        "source-file-in-ignored-folder",
        "source",
        "`source_file: private/notes.md`, in a folder `.gitignore` ignores",
        ignored_source("private/notes.md", "private/"),
        invalid(TRANSLATION, "'source_file' private/notes.md is ignored by git"),
        needs_git=True,
    ),
    Case(
        "untracked-beside-ignored-source",
        "source",
        "an untracked `translations/ja/notes.md` whose path's source `notes.md` is ignored",
        in_git(
            with_source(
                lambda repo: (
                    repo.write(".gitignore", "notes.md\n"),
                    repo.write("notes.md", f"# Notes\n\n[repo]({SECRET.split('=')[1].strip()})\n"),
                    repo.write(f"{LANG}/notes.md", "# ノート\n"),
                )
            )
        ),
        (Entry(f"{LANG}/notes.md", "untracked"),),
        needs_git=True,
    ),
    Case(
        "source-file-dev-zero",
        "source",
        "`source_file: zero.md`, a link to `/dev/zero`",
        source_file("zero.md", lambda repo: link(repo, "zero.md", "/dev/zero")),
        invalid(TRANSLATION, "'source_file' zero.md leads outside the repository"),
    ),
    Case(
        "sidecar-key-leaves-folder",
        "source",
        'sidecar key `"../x.md"` beside a good record',
        sidecar(lambda repo: json.dumps({"README.md": good(repo), "../x.md": good(repo)})),
        (
            Finds("invalid-metadata", SIDECAR, "entry '../x.md': key leaves the folder"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "sidecar-failure-key-leaves-folder",
        "source",
        '`__translation_failures__` key `"../../x.md"`',
        sidecar(
            lambda repo: json.dumps(
                {"README.md": good(repo), "__translation_failures__": {"../../x.md": {}}}
            )
        ),
        (
            Finds("invalid-metadata", SIDECAR, "failure '../../x.md': key leaves the folder"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "name-251-bytes",
        "source",
        "a source and translation named with 251 bytes",
        with_source(names(LONG_NAME)),
        current(f"{LANG}/{LONG_NAME}"),
    ),
    Case(
        "language-folder-251-bytes",
        "source",
        "a language folder named with 251 bytes",
        long_language_folder,
        current(f"translations/{'l' * 251}/README.md"),
    ),
    Case(
        "name-not-utf8-with-finding",
        "source",
        "`translations/ja/\\xff.md` with a content finding (cached by name)",
        not_utf8_name_with_finding,
        (
            Entry(f"{LANG}/\udcff.md", "current"),
            Finds("link-extra", f"{LANG}/\udcff.md", "https://example.com/"),
        ),
    ),
    Case(
        "gitattributes-is-a-pipe",
        "source",
        "`.gitattributes` a named pipe, read for a CRLF source's line endings",
        crlf_source_beside(lambda repo: fifo(repo, ".gitattributes")),
        current(),
        needs_git=True,
    ),
    Case(
        "gitattributes-dev-zero",
        "source",
        "`.gitattributes` a link to `/dev/zero`",
        crlf_source_beside(lambda repo: link(repo, ".gitattributes", "/dev/zero")),
        current(),
        needs_git=True,
    ),
    Case(
        "config-deeply-nested",
        "config",
        "transync.toml: a list nested 100,000 deep",
        config("a = " + "[" * 100_000 + "\n"),
        (Fails("transync.toml: not valid TOML: nested too deeply"),),
        exit_code=2,
    ),
    # repositories
    Case(
        "not-a-git-work-tree",
        "repository",
        "a plain folder, no `.git`",
        inline(lambda repo: block(good(repo))),
        current(),
    ),
    Case(
        "shallow-clone",
        "repository",
        "`git clone --depth 1`",
        shallow_clone,
        current(),
        needs_git=True,
    ),
    Case(
        "detached-head",
        "repository",
        "`git checkout --detach HEAD~1`",
        detached_head,
        current(),
        needs_git=True,
    ),
    Case(
        "empty-git-repository",
        "repository",
        "`git init` and nothing else",
        empty_git,
        (Fails("no translations found (looked for translations/<lang>/"),),
        exit_code=2,
        needs_git=True,
    ),
    Case(
        "no-translations-folder",
        "repository",
        "only `README.md`",
        lambda repo: repo.source("README.md", SOURCE),
        (Fails("no translations found"),),
        exit_code=2,
    ),
    Case(
        "language-folder-is-a-file",
        "repository",
        "`translations/fr` is a file beside `translations/ja/`",
        inline(lambda repo: (repo.write("translations/fr", "not a folder"), block(good(repo)))[1]),
        (
            Finds("skipped-path", "translations/fr", "is a file, not a language folder"),
            Entry(TRANSLATION, "current"),
        ),
    ),
    Case(
        "path-missing",
        "repository",
        "PATH names no folder",
        inline(lambda repo: block(good(repo))),
        (Fails("missing: not a folder"),),
        exit_code=2,
        target="missing",
    ),
    Case(
        "path-is-a-file",
        "repository",
        "PATH is a file",
        inline(lambda repo: block(good(repo))),
        (Fails("README.md: not a folder"),),
        exit_code=2,
        target="README.md",
    ),
    # configuration
    Case(
        "config-unknown-key",
        "config",
        'transync.toml: `colour = "blue"`',
        config('colour = "blue"\n'),
        (Warns("transync.toml: unknown key 'colour' ignored"), Entry(TRANSLATION, "current")),
    ),
    Case(
        "config-wrong-type",
        "config",
        'transync.toml: `include = "docs"`',
        config('include = "docs"\n'),
        (Fails("transync.toml: 'include' must be a list of strings"),),
        exit_code=2,
    ),
    Case(
        "config-layout-without-lang",
        "config",
        'layout `translations = "translations"`',
        config('[[layouts]]\ntranslations = "translations"\n'),
        (Fails("'layouts[0].translations' must contain <lang> exactly once"),),
        exit_code=2,
    ),
    Case(
        "config-layout-escapes",
        "config",
        'layout `translations = "../<lang>"`',
        config('[[layouts]]\ntranslations = "../<lang>"\n'),
        (Fails("'layouts[0].translations' must stay inside the repository"),),
        exit_code=2,
    ),
    Case(
        "config-bad-severity",
        "config",
        '`[checks]` `stale = "fatal"`',
        config('[checks]\nstale = "fatal"\n'),
        (Fails("'checks.stale' must be one of error, warning, note, off"),),
        exit_code=2,
    ),
    Case(
        "config-not-toml",
        "config",
        "transync.toml: `layouts = [`",
        config("layouts = [\n"),
        (Fails("transync.toml: not valid TOML"),),
        exit_code=2,
    ),
    Case(
        "config-not-utf8",
        "config",
        "transync.toml: bytes `\\xff\\xfe`",
        config(b"\xff\xfe"),
        (Fails("transync.toml: cannot read"),),
        exit_code=2,
    ),
    Case(
        "config-tool-not-a-table",
        "config",
        "pyproject.toml: `tool = 5`",
        config("tool = 5\n", name="pyproject.toml"),
        current(),
    ),
    Case(
        "config-symlink-out",
        "config",
        "transync.toml is a link to a file outside",
        with_source(
            lambda repo: (
                repo.write(TRANSLATION, block(good(repo))),
                link(repo, "transync.toml", outside(repo, "evil.toml", "layouts = []\n")),
            )
        ),
        (Fails("transync.toml: leads outside the repository through a symbolic link"),),
        exit_code=2,
    ),
)


# -- outputs and cost (issue 19): text from a pull request stays text; no input hangs -------
# Every case also runs through every command and format of test_guarantees.py, where no output
# line may be a workflow command a GitHub runner would execute.


def stale_named(*names: str, language: str = "ja"):
    """Sources named `names`, each with a stale inline translation of the same name."""

    def build(repo: RepoBuilder) -> None:
        for name in names:
            repo.source(name, SOURCE)
            record_now = good(repo, name, original_hash="0" * 32, language_code=language)
            repo.write(f"translations/{language}/{name}", block(record_now) + "# こんにちは\n")

    return with_source(build)


def stale_with(**fields: object):
    """A stale translation whose record's fields are replaced by `fields`."""
    return with_source(
        lambda repo: repo.write(
            TRANSLATION, block(good(repo, original_hash="0" * 32, **fields)) + "# こんにちは\n"
        )
    )


def pair(source: str, translation: str | None = None):
    """README.md holding `source` and a current translation holding `translation` (or the same)."""

    def build(repo: RepoBuilder) -> None:
        repo.source("README.md", source)
        body = source if translation is None else translation
        repo.write(TRANSLATION, block(good(repo)) + body)

    return build


def many_blocks(count: int):
    return inline(lambda repo: block(good(repo)) * count)


def dangling_sidecar(count: int):
    def build(repo: RepoBuilder) -> None:
        entries = {"README.md": good(repo)}
        entries |= {f"gone-{n}.md": record(f"gone-{n}.md", "0" * 32, "ja") for n in range(count)}
        repo.write(SIDECAR, json.dumps(entries))
        repo.write(TRANSLATION, "# こんにちは\n")

    return with_source(build)


def anchors_page(count: int) -> str:
    return "".join(f"## Part {n}\n\n[go](#part-{n}) [gone](#nowhere-{n})\n\n" for n in range(count))


STALE = "stale"
OUTPUT_CASES: tuple[Case, ...] = (
    Case(
        "name-stop-commands",
        "outputs",
        "a file named `::stop-commands::x.md`",
        stale_named("::stop-commands::x.md"),
        (Entry(f"{LANG}/::stop-commands::x.md", STALE), Shows(f"{LANG}/:\\:stop-commands:\\:x.md")),
    ),
    Case(
        "name-error-command",
        "outputs",
        "a file named `##[error]x.md`",
        stale_named("##[error]x.md"),
        (Entry(f"{LANG}/##[error]x.md", STALE), Shows(f"{LANG}/##\\[error]x.md")),
    ),
    Case(
        "name-add-mask",
        "outputs",
        "a file named `##[add-mask]x.md`",
        stale_named("##[add-mask]x.md"),
        (
            Entry(f"{LANG}/##[add-mask]x.md", STALE),
            Shows("##\\[add-mask]x.md", ("check", "{path}")),
        ),
    ),
    Case(
        "name-azure-command",
        "outputs",
        "a file named `##vso[task.setvariable variable=x]y.md`",
        stale_named("##vso[task.setvariable variable=x]y.md"),
        (Shows("##vso\\[task.setvariable variable=x]y.md"),),
    ),
    Case(
        "name-command-upper-case",
        "outputs",
        "a file named `##[ERROR]x.md` (the runner ignores case)",
        stale_named("##[ERROR]x.md"),
        (Shows("##\\[ERROR]x.md"),),
    ),
    Case(
        "name-indented-command",
        "outputs",
        "a file named `   ::warning file=a::b.md` (the runner trims leading blanks)",
        stale_named("   ::warning file=a::b.md"),
        (Shows(":\\:warning file=a:\\:b.md", ("check", "{path}")),),
    ),
    Case(
        "name-command-after-line-break",
        "outputs",
        "a file named `x\\n::error::y.md` (a line break, then a command)",
        stale_named("x\n::error::y.md"),
        (Shows("x\\n:\\:error:\\:y.md"),),
    ),
    Case(
        "folder-command",
        "outputs",
        "a folder named `::group::docs` holding a translated page",
        stale_named("::group::docs/page.md"),
        (Shows(":\\:group:\\:docs/page.md", ("todo", "{path}")),),
    ),
    Case(
        "language-command",
        "outputs",
        "a language folder named `##[error]`",
        stale_named("README.md", language="##[error]"),
        (
            Entry("translations/##[error]/README.md", STALE),
            Shows("##\\[error]", ("check", "{path}")),
        ),
    ),
    Case(
        "source-file-command",
        "outputs",
        '`source_file: "::stop-commands::gone.md"`, a source that is not there',
        source_file("::stop-commands::gone.md"),
        (Shows(":&#58;stop-commands:&#58;gone.md", ("check", "{path}", "--format", "junit")),),
    ),
    Case(
        "name-mention",
        "outputs",
        "a file named `@octocat.md`",
        stale_named("@octocat.md"),
        (
            Shows(
                "`translations/ja/@octocat.md`",
                ("status", "{path}", "--format", "markdown", "--details"),
            ),
        ),
    ),
    Case(
        "name-html",
        "outputs",
        "a file named `</details><img src=x>.md`",
        stale_named("</details><img src=x>.md"),
        (
            Shows(
                "\\</details\\>\\<img src=x\\>.md",
                ("check", "{path}", "--format", "markdown"),
            ),
        ),
    ),
    Case(
        "name-terminal-escape",
        "outputs",
        "a file named `\\x1b]8;;evil\\x07x.md` (a terminal hyperlink)",
        stale_named("\x1b]8;;evil\x07x.md"),
        (Shows("\\x1b]8;;evil\\x07x.md"),),
    ),
    Case(
        "date-html",
        "outputs",
        '`translation_date: "</details><script>x</script>"`',
        stale_with(translation_date="</details><script>x</script>"),
        (Entry(TRANSLATION, STALE),),
    ),
    Case(
        "date-command",
        "outputs",
        '`translation_date: "\\n::add-mask::x ##[error]y"`',
        stale_with(translation_date="\n::add-mask::x ##[error]y"),
        (Entry(TRANSLATION, STALE),),
    ),
    Case(
        "content-commands",
        "outputs",
        "source and translation lines `::stop-commands::x`, `##[error]y`, an ESC sequence",
        pair("# Hi\n\n::stop-commands::x\n\n##[error]y \x1b[2J\n", "# Salut\n"),
        (Entry(TRANSLATION, "current"),),
    ),
    Case(
        "url-autolink",
        "outputs",
        "a link `https://evil.example/@octocat` lost in the translation",
        pair("# Hi\n\n[a](https://evil.example/@octocat)\n", "# Salut\n\nnone\n"),
        (Shows("`https://evil.example/@octocat`", ("check", "{path}", "--format", "markdown")),),
    ),
    Case(
        "config-key-command",
        "outputs",
        'transync.toml: `"##[error]x" = 1` and `"::stop-commands::y" = 2`',
        config('"##[error]x" = 1\n"::stop-commands::y" = 2\n'),
        (
            Warns("transync.toml: unknown key '##\\[error]x' ignored"),
            Warns("transync.toml: unknown key ':\\:stop-commands:\\:y' ignored"),
        ),
    ),
    Case(
        "backtracking-link-openers",
        "cost",
        "a 16 KB line of `[a](` (221 s before)",
        pair("# Hi\n\n" + "[a](" * 4_000 + "\n"),
        current(),
    ),
    Case(
        "backtracking-backticks",
        "cost",
        "a line of 12,000 backtick runs of unequal length after a `[`",
        pair("# Hi\n\n[x] " + "`a``" * 3_000 + "\n"),
        current(),
    ),
    Case(
        "backtracking-comments",
        "cost",
        "5,000 `<!--` never closed in an HTML block",
        pair("# Hi\n\n<div>" + "<!--a" * 5_000 + "\n"),
        current(),
    ),
    Case(
        "backtracking-tags",
        "cost",
        "5,000 `<a ` never closed",
        pair("# Hi\n\n<div " + "<a " * 5_000 + "\n"),
        current(),
    ),
    Case(
        "backtracking-heading-ids",
        "cost",
        "a heading of 5,000 `{#` and 5,000 tabs",
        pair("# Hi " + "{#" * 5_000 + "\t" * 5_000 + "\n"),
        current(),
    ),
    Case(
        "backtracking-code",
        "cost",
        "a code block of 5,000 unclosed strings and comments",
        pair("# Hi\n\n```py\n" + '\\\'a/*<!--"""' * 5_000 + "\n```\n"),
        current(),
    ),
    Case(
        "quadratic-anchor-links",
        "cost",
        "3,000 headings, each with a working and a broken anchor link",
        pair(anchors_page(3_000)),
        (Entry(TRANSLATION, "current"), Finds("broken-anchor", "README.md", "#nowhere-0")),
    ),
    Case(
        "quadratic-metadata-blocks",
        "cost",
        "5,000 metadata blocks in one file",
        many_blocks(5_000),
        invalid(
            TRANSLATION,
            "5000 metadata blocks (lines 1, 10, 19, 28, 37, 46, 55, 64, 73, 82 and 4990 more)",
        ),
    ),
    Case(
        "quadratic-dangling-records",
        "cost",
        "a sidecar of 3,000 records for files that do not exist",
        dangling_sidecar(3_000),
        (Finds("dangling-record", SIDECAR, "2,000 more records have no translated file"),),
    ),
)
CASES = CASES + OUTPUT_CASES


def readme_table() -> str:
    """The catalogue as the Markdown table README.md ends with."""
    rows = [
        "| case | group | input | expected finding, state or error | exit |",
        "| --- | --- | --- | --- | --- |",
    ]
    for case in CASES:
        expected = "; ".join(printable(item.describe()) for item in case.expect)
        simulated = " (simulated EACCES)" if case.unreadable else ""
        rows.append(
            f"| `{case.name}` | {case.group} | {case.input}{simulated}"
            f" | {expected.replace('|', chr(92) + '|')} | {case.exit_code} |"
        )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(readme_table(), end="")
