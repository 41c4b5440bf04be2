"""Generate a realistic co-op-translator repository for benchmarks, deterministically from a seed.

    python benchmarks/make_corpus.py --sources 500 --languages 20 --seed 1 --out /tmp/corpus

The tree looks like a translated course: `lessons/NN-topic/*.md` and notebooks (2-20 KB, with
headings, tables, links, code fences and images), and `translations/<lang>/` mirroring them.
Each language x source pair is drawn as current, stale, missing or untracked by the given
fractions; `--orphan` adds translations of sources that no longer exist. Metadata comes in both
generations: the legacy inline comment (or `metadata.coopTranslator` in notebooks) for an
`--inline` fraction of files, the per-language `.co-op-translator.json` for the rest.

The expected state counts are printed as JSON (and returned by `generate`), so a benchmark or
test can check that transync found exactly what was generated. The same seed and arguments
always produce the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_LANGUAGE_CODES = (
    "fr es de ja ko zh-CN zh-TW pt-BR pt-PT it ru ar fa ur hi bn mr ne pa tr el th sv da no fi nl"
    " he vi id ms tl sw hu cs sk ro bg sr hr sl my uk lt ta et te pl zh-HK zh-MO fr-CA es-MX"
    " kn ml gu am yo ha ig zu"
)
LANGUAGES = tuple(_LANGUAGE_CODES.split())
DATE = "2026-03-04T05:06:07+00:00"
FILES_PER_LESSON = 8
_VOCABULARY = (
    "the a of to and in is for that with on as model data this you can by are be from it or"
    " an your will translation agent prompt token context server tool request response file"
    " project course lesson example step learn build run deploy test check result value user"
    " system language output input function class method python notebook cell image table"
    " link source target version update change review quality metric score latency cache"
    " memory network search index query vector embedding dataset training evaluation safety"
)
WORDS = tuple(_VOCABULARY.split())
PROSE_WORDS = ("the", "and", "model", "data", "you", "lesson", "example", "with")
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
DISCLAIMER = (
    "\n\n---\n\n<!-- CO-OP TRANSLATOR DISCLAIMER START -->\n**Disclaimer**:\nThis document was"
    " translated using an AI translation service. Please refer to the original for accuracy.\n"
    "<!-- CO-OP TRANSLATOR DISCLAIMER END -->\n"
)


@dataclass(frozen=True)
class Fractions:
    """Shares of language x source pairs in each state (the rest are current)."""

    stale: float = 0.10
    missing: float = 0.05
    untracked: float = 0.02
    orphan: float = 0.02  # extra translations per language, as a share of the sources
    inline: float = 0.30  # translated files carrying legacy in-file metadata
    notebooks: float = 0.10  # share of sources that are notebooks


def md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def generate(
    out: Path, sources: int, languages: int, seed: int, fractions: Fractions = Fractions()
) -> dict[str, object]:
    """Write the tree under `out` (which must not exist or be empty); return expected counts."""
    if languages > len(LANGUAGES):
        raise ValueError(f"at most {len(LANGUAGES)} languages")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty")
    rng = random.Random(seed)
    lessons = [
        f"lessons/{index:03d}-{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        for index in range(-(-sources // FILES_PER_LESSON))
    ]
    docs = [
        _source(rng, index, lessons[index // FILES_PER_LESSON], fractions)
        for index in range(sources)
    ]
    for doc in docs:
        _write(out / doc.path, doc.data)
        for image in doc.images:
            _write(out / image, _PNG)
    counts: Counter[str] = Counter()
    for code in LANGUAGES[:languages]:
        sidecar: dict[str, dict[str, str]] = {}
        for doc in docs:
            state = _draw(rng, fractions)
            counts[state] += 1
            if state == "missing":
                continue
            stored = md5(b"an older version of " + doc.data) if state == "stale" else doc.hash
            _translate(out, code, doc, doc.path, stored, state, rng, fractions, sidecar)
        for index in range(round(fractions.orphan * sources)):
            retired = docs[rng.randrange(sources)]
            path = posixpath.join(posixpath.dirname(retired.path), f"retired-{index}{retired.ext}")
            counts["orphan"] += 1
            _translate(out, code, retired, path, retired.hash, "orphan", rng, fractions, sidecar)
        if sidecar:
            data = json.dumps(dict(sorted(sidecar.items())), indent=2, ensure_ascii=False)
            _write(out / "translations" / code / ".co-op-translator.json", data.encode())
    translated = sum(counts.values()) - counts["missing"]
    return {
        "sources": sources,
        "languages": languages,
        "translated_files": translated,
        "counts": dict(sorted(counts.items())),
    }


@dataclass(frozen=True)
class _Doc:
    path: str
    data: bytes
    hash: str
    images: tuple[str, ...]

    @property
    def ext(self) -> str:
        return posixpath.splitext(self.path)[1]


def _draw(rng: random.Random, fractions: Fractions) -> str:
    roll = rng.random()
    for state in ("stale", "missing", "untracked"):
        share: float = getattr(fractions, state)
        if roll < share:
            return state
        roll -= share
    return "current"


def _source(rng: random.Random, index: int, lesson: str, fractions: Fractions) -> _Doc:
    images = tuple(f"{lesson}/images/figure-{index}-{n}.png" for n in range(rng.randint(1, 3)))
    size = rng.randint(2_000, 20_000)
    if rng.random() < fractions.notebooks:
        data = _notebook(rng, size, images, lesson)
        path = f"{lesson}/notebook-{index}.ipynb"
    else:
        data = _markdown(rng, size, images, lesson).encode()
        path = f"{lesson}/{'README' if index % FILES_PER_LESSON == 0 else f'part-{index}'}.md"
    return _Doc(path, data, md5(data), images)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


def _markdown(rng: random.Random, size: int, images: tuple[str, ...], lesson: str) -> str:
    blocks = [f"# {_sentence(rng, 5)[:-1]}\n"]
    length = len(blocks[0])
    while length < size:
        kind = rng.random()
        if kind < 0.40:
            link = rng.choice(
                [
                    f"[{rng.choice(WORDS)}](./part-{rng.randrange(100)}.md)",
                    f"[{rng.choice(WORDS)}](https://learn.example.com/{rng.choice(WORDS)})",
                    f"[{rng.choice(WORDS)}](#{rng.choice(WORDS)})",
                ]
            )
            block = f"{_sentence(rng, rng.randint(15, 60))} See {link}. {_sentence(rng, 12)}\n"
        elif kind < 0.55:
            block = f"{'#' * rng.randint(2, 4)} {_sentence(rng, 4)[:-1]}\n"
        elif kind < 0.70:
            rows = [f"| {' | '.join(rng.choices(WORDS, k=3))} |" for _ in range(rng.randint(2, 6))]
            block = "| Name | Value | Notes |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n"
        elif kind < 0.85:
            code = "\n".join(
                f"{rng.choice(WORDS)}_{n} = {rng.choice(WORDS)}({rng.randrange(99)})"
                for n in range(rng.randint(2, 10))
            )
            block = f"```python\n{code}\n```\n"
        elif kind < 0.93:
            image = posixpath.relpath(rng.choice(images), lesson)
            block = f"![{_sentence(rng, 3)[:-1]}]({image})\n"
        else:
            block = "".join(f"- {_sentence(rng, 6)}\n" for _ in range(rng.randint(2, 6)))
        blocks.append(block)
        length += len(block) + 1
    return "\n".join(blocks)


def _notebook(rng: random.Random, size: int, images: tuple[str, ...], lesson: str) -> bytes:
    cells: list[dict[str, object]] = []
    length = 0
    while length < size:
        if rng.random() < 0.5:
            text = _markdown(rng, rng.randint(300, 1500), images, lesson)
            cells.append({"cell_type": "markdown", "metadata": {}, "source": _lines(text)})
            length += len(text)
        else:
            code = "\n".join(f"print({rng.choice(WORDS)!r})" for _ in range(rng.randint(1, 8)))
            length += len(code)
            cells.append(
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": _lines(code),
                }
            )
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(notebook, indent=1, ensure_ascii=False).encode()


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _record(source_file: str, stored_hash: str, code: str) -> dict[str, str]:
    return {
        "original_hash": stored_hash,
        "translation_date": DATE,
        "source_file": source_file,
        "language_code": code,
    }


def _translate(
    out: Path,
    code: str,
    doc: _Doc,
    path: str,
    stored_hash: str,
    state: str,
    rng: random.Random,
    fractions: Fractions,
    sidecar: dict[str, dict[str, str]],
) -> None:
    """Write one translated file (at `path` relative to the language root) and its metadata."""
    target = f"translations/{code}/{path}"
    inline = state != "untracked" and rng.random() < fractions.inline
    # An orphan's record names the path it was translated from, which no longer exists.
    record = _record(path, stored_hash, code)
    if state != "untracked" and not inline:
        sidecar[path] = record
    if doc.ext == ".ipynb":
        notebook = json.loads(doc.data)
        for cell in notebook["cells"]:
            if cell["cell_type"] == "markdown":
                text = _translated_text("".join(cell["source"]), code, doc.path, target)
                cell["source"] = _lines(text)
        if inline:
            notebook["metadata"]["coopTranslator"] = record
        data = json.dumps(notebook, indent=1, ensure_ascii=False).encode()
    else:
        text = _translated_text(doc.data.decode(), code, doc.path, target) + DISCLAIMER
        if inline:
            block = json.dumps(record, indent=2, ensure_ascii=False)
            text = f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{block}\n-->\n{text}"
        data = text.encode()
    _write(out / target, data)


def _translated_text(text: str, code: str, source: str, target: str) -> str:
    """Stand-in for a translation: prose words change, code fences stay, and image links are
    rewritten back to the original images the way co-op-translator does."""
    prefix = posixpath.relpath(posixpath.dirname(source), posixpath.dirname(target))
    parts = text.split("```")
    for index in range(0, len(parts), 2):
        part = parts[index]
        for word in PROSE_WORDS:
            part = part.replace(f" {word} ", f" {word}-{code} ")
        parts[index] = part.replace("](images/", f"]({prefix}/images/")
    return "```".join(parts)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, required=True, help="number of source documents")
    parser.add_argument("--languages", type=int, required=True, help="number of languages")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="new or empty folder")
    defaults = Fractions()
    for name in ("stale", "missing", "untracked", "orphan", "inline", "notebooks"):
        parser.add_argument(f"--{name}", type=float, default=getattr(defaults, name))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    fractions = Fractions(
        args.stale, args.missing, args.untracked, args.orphan, args.inline, args.notebooks
    )
    try:
        summary = generate(args.out, args.sources, args.languages, args.seed, fractions)
    except ValueError as error:
        print(f"make_corpus: error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
