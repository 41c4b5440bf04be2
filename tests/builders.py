"""Builders for repositories in tmp_path: every test states the tree it needs in a few lines.

repo = RepoBuilder(tmp_path)
repo.source("README.md", "# Hello\n")
repo.inline("lt", "README.md", "# Labas\n")               # current, inline metadata
repo.sidecar_entry("ja", "README.md", "# こんにちは\n", stale=True)
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

DATE = "2026-01-02T03:04:05+00:00"


# A time long past (2001), for files whose stat signatures caches must trust.
LONG_AGO_NS = 1_000_000_000_000_000_000


def settle(*paths: Path) -> None:
    """Make files, and every file and folder under folders, look written long ago: caches
    keyed by stat signatures do not trust what changed in the last two seconds."""
    for path in paths:
        for each in [path, *(path.rglob("*") if path.is_dir() else ())]:
            os.utime(each, ns=(LONG_AGO_NS, LONG_AGO_NS), follow_symlinks=False)


def md5(data: str | bytes) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return hashlib.md5(raw).hexdigest()


def inline_block(source_file: str, original_hash: str, language: str, date: str = DATE) -> str:
    """The block co-op-translator writes, byte for byte (indent=2, LF)."""
    record = {
        "original_hash": original_hash,
        "translation_date": date,
        "source_file": source_file,
        "language_code": language,
    }
    return f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{json.dumps(record, indent=2)}\n-->\n"


def record(source_file: str, original_hash: str, language: str, date: str = DATE) -> dict[str, str]:
    return {
        "original_hash": original_hash,
        "translation_date": date,
        "source_file": source_file,
        "language_code": language,
    }


class RepoBuilder:
    """Writes sources, translations and metadata under `root` with co-op-translator's layout."""

    def __init__(self, root: Path, translations: str = "translations", sources: str = ".") -> None:
        self.root = root
        self.translations = translations
        self.sources = sources

    def write(self, path: str, content: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode())
        return target

    def source(self, path: str, content: str | bytes) -> Path:
        return self.write(self._source_path(path), content)

    def source_hash(self, path: str) -> str:
        return md5((self.root / self._source_path(path)).read_bytes())

    def lang_dir(self, language: str) -> str:
        return f"{self.translations}/{language}"

    def inline(
        self,
        language: str,
        path: str,
        body: str = "# Translated\n",
        *,
        stale: bool = False,
        source_file: str | None = None,
        language_code: str | None = None,
    ) -> Path:
        """A translated Markdown file carrying the inline block (hash of the source as it is now,
        or of something else when `stale`)."""
        digest = self._digest(source_file or path, stale)
        block = inline_block(source_file or path, digest, language_code or language)
        return self.write(f"{self.lang_dir(language)}/{path}", block + body)

    def sidecar_entry(
        self,
        language: str,
        path: str,
        body: str | None = "# Translated\n",
        *,
        stale: bool = False,
        source_file: str | None = None,
        language_code: str | None = None,
    ) -> None:
        """Record `path` in the language sidecar; also write the file unless body is None."""
        digest = self._digest(source_file or path, stale)
        self.update_sidecar(
            language, {path: record(source_file or path, digest, language_code or language)}
        )
        if body is not None:
            self.write(f"{self.lang_dir(language)}/{path}", body)

    def update_sidecar(self, language: str, entries: dict[str, object]) -> None:
        sidecar = self.root / self.lang_dir(language) / ".co-op-translator.json"
        current = json.loads(sidecar.read_text()) if sidecar.exists() else {}
        current.update(entries)
        self.write(
            f"{self.lang_dir(language)}/.co-op-translator.json", json.dumps(current, indent=2)
        )

    def _digest(self, source_file: str, stale: bool) -> str:
        """The hash of the source as it is now; of something else when stale or absent."""
        source = self.root / self._source_path(source_file.replace("\\", "/").removeprefix("./"))
        if stale or not source.is_file():
            return md5("older source")
        return md5(source.read_bytes())

    def _source_path(self, path: str) -> str:
        return path if self.sources == "." else f"{self.sources}/{path}"


class GitRepo:
    """A git repository in tmp_path whose commits have fixed authors and dates (one day apart
    from 2026-01-01), so that histories, and everything computed from them, are reproducible."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.commits: list[str] = []
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Ada Author")
        self.git("config", "user.email", "ada@example.org")
        self.git("config", "core.autocrlf", "false")

    def git(self, *args: str, cwd: Path | None = None) -> str:
        date = f"2026-01-{len(self.commits) + 1:02d}T12:00:00+00:00"
        environment = {
            **os.environ,
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
        }
        done = subprocess.run(
            ["git", *args],
            cwd=cwd or self.root,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()

    def commit(self, subject: str) -> str:
        """Commit everything in the work tree; return the new commit's id."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", subject)
        self.commits.append(self.git("rev-parse", "HEAD"))
        return self.commits[-1]

    @staticmethod
    def date_of(index: int) -> str:
        """The date of the `index`-th commit (0-based), as the report prints it."""
        return f"2026-01-{index + 1:02d}T12:00:00+00:00"


# Fifty-four of co-op-translator's language codes: enough to see whether a view still fits a
# screen when every problem comes back in every language.
COURSE_LANGUAGES = (
    "ar", "bg", "bn", "br", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "he", "hi", "hk",
    "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "ml", "mo", "mr", "ms", "my", "ne", "nl",
    "no", "pa", "pcm", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "sw", "ta", "te", "th",
    "tl", "tr", "tw", "uk", "ur", "vi", "zh", "en-GB", "fr-CA",
)  # fmt: skip


def lesson(number: int, edition: str = "") -> str:
    """A lesson page: a table of contents, sections, a table and a link to the next lesson."""
    return (
        f"# Lesson {number}{edition}\n\n"
        "- [Goals](#goals)\n- [Setup](#setup)\n- [Practice](#practice)\n\n"
        f"## Goals\n\nLesson {number} teaches one topic end to end{edition}.\n\n"
        "## Setup\n\n| Tool | Version |\n| --- | --- |\n| python | 3.12 |\n| git | 2.40 |\n\n"
        f"## Practice\n\nSee [the next lesson](../{number + 1:02d}/README.md).\n"
    )


def translate(text: str, language: str) -> str:
    """A stand-in translation: the same structure and headings (so anchors hold), other prose."""
    lines = []
    for line in text.splitlines():
        if line and not line.startswith(("#", "-", "|")):
            line = f"{language}: {line}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def build_course(
    repo: RepoBuilder,
    git: GitRepo,
    languages: tuple[str, ...] = COURSE_LANGUAGES,
    lessons: int = 30,
) -> None:
    """A course translated into every language, then what happens to real ones: a commit that
    changes 22 lessons (stale everywhere), a new lesson nobody translated yet (missing
    everywhere), table-of-contents anchors rewritten in most languages, a lesson cut short in a
    few, a table row dropped in some."""
    sources = {f"lessons/{n:02d}/README.md": lesson(n) for n in range(1, lessons + 1)}
    for path, text in sources.items():
        repo.source(path, text)
    for index, language in enumerate(languages):
        for path, text in sources.items():
            body = translate(text, language)
            if path.endswith("01/README.md") and index < 40:
                body = body.replace("(#goals)", "(#objectifs)").replace("(#setup)", "(#config)")
            if path.endswith("03/README.md") and index % 10 == 0:
                body = body.split("## Setup")[0]
            if path.endswith("05/README.md") and index % 5 == 0:
                body = body.replace("| git | 2.40 |\n", "")
            repo.inline(language, path, body)
    git.commit("Course and its translations")
    for n in range(2, 24):
        repo.source(f"lessons/{n:02d}/README.md", lesson(n, " (Feb2026 edition)"))
    git.commit("Feb2026 update")
    repo.source(f"lessons/{lessons + 1:02d}/README.md", lesson(lessons + 1))
    git.commit("Add the last lesson")


# A course whose translations carry no metadata (made by hand, or before co-op-translator
# wrote any): its lesson folder is renamed, then sources are edited, then one page is
# retranslated. `UNTRACKED_COURSE_VERDICTS` is what git history says of every translation.
UNTRACKED_COURSE_LANGUAGES = ("de", "fr")
UNTRACKED_COURSE_VERDICTS = {
    "translations/de/README.md": "outdated",
    "translations/fr/README.md": "outdated",
    "translations/de/02-Prompts/README.md": "up-to-date",
    "translations/fr/02-Prompts/README.md": "outdated",
    "translations/de/01-IntroToGenAI/README.md": "moved",
    "translations/fr/01-IntroToGenAI/README.md": "moved",
    "translations/de/01-IntroToGenAI/setup.md": "moved",
    "translations/fr/01-IntroToGenAI/setup.md": "moved",
}
UNTRACKED_COURSE_MOVES = {
    "01-IntroToGenAI/README.md": "01-IntroductionToGenerativeAI/README.md",
    "01-IntroToGenAI/setup.md": "01-IntroductionToGenerativeAI/setup.md",
}


def build_untracked_course(
    repo: RepoBuilder,
    git: GitRepo,
    languages: tuple[str, ...] = UNTRACKED_COURSE_LANGUAGES,
) -> None:
    """Sources and plain translations committed; the lesson folder renamed (its README by a
    rename git sees, its setup page rewritten beyond recognition in the same commit); the root
    README and lesson 2 edited; lesson 2 retranslated in German."""
    sources = {
        "README.md": "# Course\n\nStart with [lesson 1](01-IntroToGenAI/README.md).\n",
        "01-IntroToGenAI/README.md": lesson(1),
        "01-IntroToGenAI/setup.md": "# Setup\n\nInstall python.\n",
        "02-Prompts/README.md": lesson(2),
    }
    for path, text in sources.items():
        repo.source(path, text)
        for language in languages:
            repo.write(f"{repo.lang_dir(language)}/{path}", translate(text, language))
    git.commit("Course and its translations, without metadata")
    git.git("mv", "01-IntroToGenAI", "01-IntroductionToGenerativeAI")
    repo.source(
        "01-IntroductionToGenerativeAI/setup.md",
        "# Getting ready\n\nCreate a virtual environment, then install the requirements"
        " with pip and check the versions of every tool.\n",
    )
    repo.source(
        "README.md", "# Course\n\nStart with [lesson 1](01-IntroductionToGenerativeAI/README.md).\n"
    )
    git.commit("Rename lesson 1's folder")
    repo.source("02-Prompts/README.md", lesson(2, " (2026 edition)"))
    git.commit("Lesson 2: the 2026 edition")
    repo.write(
        "translations/de/02-Prompts/README.md", translate(lesson(2, " (2026 edition)"), "de")
    )
    git.commit("German: lesson 2 retranslated")


# The layouts of other docs tools, as (name, translation root of a language, source root).
DOCS_LAYOUTS = {
    "docusaurus": ("i18n/{lang}/docusaurus-plugin-content-docs/current", "docs"),
    "hugo": ("content/{lang}", "content/en"),
    "docs-beside-en": ("docs/{lang}", "docs/en"),
    # mkdocs-static-i18n: `page.fr.md` beside `page.md` (a mkdocs.yml at the root).
    "mkdocs-suffix": ("docs/*.{lang}", "docs"),
}


def docs_translation(translations: str, language: str, page: str) -> str:
    """Where `page` (below the source root) is translated into `language` in a docs layout."""
    if translations.endswith("*.{lang}"):
        stem, _, extension = page.rpartition(".")
        return f"{translations[: -len('*.{lang}')]}{stem}.{language}.{extension}"
    return f"{translations.format(lang=language)}/{page}"


# What git history says of each translation of `build_docs_course`, by path below the root.
DOCS_COURSE_VERDICTS = {
    ("fr", "intro.md"): "outdated",
    ("de", "intro.md"): "up-to-date",
    ("fr", "guide/setup.md"): "moved",
    ("de", "guide/usage.md"): "moved",
    ("de", "guide/setup.md"): "moved",
    ("fr", "guide/usage.md"): "moved",
}


def build_docs_course(
    root: Path, git: GitRepo, translations: str, sources: str, languages: tuple[str, ...]
) -> None:
    """A docs site in one of `DOCS_LAYOUTS` (`translations` holds `{lang}`), translated by
    hand without metadata: the intro edited, the guide folder renamed to `tutorial`, then
    the intro retranslated in German."""
    pages = {
        "intro.md": "# Intro\n\nWelcome to the tool.\n",
        "guide/setup.md": "# Setup\n\nInstall the tool.\n",
        "guide/usage.md": "# Usage\n\nRun the tool.\n",
    }

    def write(path: str, text: str) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    if translations.endswith("*.{lang}"):
        write("mkdocs.yml", "site_name: Tool\nplugins:\n  - i18n\n")
    for page, text in pages.items():
        write(f"{sources}/{page}", text)
        for language in languages:
            write(docs_translation(translations, language, page), translate(text, language))
    git.commit("Docs and their translations")
    write(f"{sources}/intro.md", "# Intro\n\nWelcome to the tool, now with plugins.\n")
    git.commit("Intro: plugins")
    (root / sources / "tutorial").mkdir()
    for page in ("setup.md", "usage.md"):  # the sources only: suffixed translations stay
        git.git("mv", f"{sources}/guide/{page}", f"{sources}/tutorial/{page}")
    git.commit("Rename the guide to tutorial")
    german = docs_translation(translations, "de", "intro.md")
    write(german, translate("# Intro\n\nWelcome, plugins.\n", "de"))
    git.commit("German intro retranslated")
