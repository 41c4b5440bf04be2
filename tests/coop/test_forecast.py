from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import RepoBuilder
from tests.coop.cases import EXPECTED, build
from transync.cli import cli
from transync.coop import rules_for
from transync.coop.forecast import Forecast, forecast, plan_only_sources
from transync.scan import scan
from transync.sync.files import reader

ORACLE = Path(__file__).with_name("oracle.py")
# The Python that has co-op-translator installed (never transync's own environment).
COOP_PYTHON = os.environ.get("TRANSYNC_COOP_PYTHON", "/tmp/coopvenv/bin/python")


def _forecast(root: Path, languages: tuple[str, ...] = ("fr", "tw")) -> Forecast:
    report = scan(root)
    extra = plan_only_sources(str(root), report.layouts)
    return forecast(report.entries, reader(root), languages, plan_only=extra)


def _decisions(plan: Forecast) -> dict[tuple[str, str], tuple[str | None, bool, str]]:
    return {
        (language.language, page.file): (
            page.reason.value if page.reason else None,
            page.decision.estimated,
            page.decision.bucket.value,
        )
        for language in plan.languages
        for page in language.pages
    }


def _coop_python() -> str:
    if not os.access(COOP_PYTHON, os.X_OK):
        pytest.skip(f"co-op-translator is not installed for {COOP_PYTHON} (TRANSYNC_COOP_PYTHON)")
    probe = subprocess.run(
        [COOP_PYTHON, "-c", "import co_op_translator"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"{COOP_PYTHON} cannot import co_op_translator")
    return COOP_PYTHON


def test_the_forecast_makes_co_op_translator_0_23_2s_decisions_on_every_case(
    repo: RepoBuilder,
) -> None:
    build(repo)
    assert _decisions(_forecast(repo.root)) == EXPECTED


def _agrees_with_co_op_translator(root: Path, languages: tuple[str, ...]) -> None:
    """co-op-translator's own functions (tests/coop/oracle.py) against the forecast, page by
    page: its run, its decision function (the estimate's), its plan's lists, its estimates."""
    python = _coop_python()
    done = subprocess.run(
        [python, str(ORACLE), str(root), *languages],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    oracle = json.loads(done.stdout)
    plan_lists = {
        (item["language"], item["file"]): bucket
        for bucket in ("new_files", "outdated_files", "current_files")
        for item in oracle["plan"][bucket]
    }
    ours = _forecast(root, languages)
    for language in ours.languages:
        for page in language.pages:
            where = (language.language, page.file)
            run = oracle["run"][language.language].get(page.file, "current")
            assert run == page.run_bucket.value.removesuffix("_files"), where
            assert plan_lists.pop(where) == page.decision.bucket.value, where
            decision = oracle["decision"][language.language].get(page.file)
            if language.renamed_from is None and decision not in (None, "missing"):
                assert decision == page.decision.estimated, where
    assert plan_lists == {}
    assert oracle["plan"]["estimated_tokens"] == ours.estimated_tokens
    assert oracle["plan"]["estimated_words"] == sum(
        language.estimated_words for language in ours.languages
    )


def test_co_op_translator_itself_decides_as_the_forecast_on_every_case(
    repo: RepoBuilder,
) -> None:
    build(repo)
    _agrees_with_co_op_translator(repo.root, ("fr", "zh-TW"))


def _bom_sidecar(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Lesson\n")
    repo.sidecar_entry("de", "README.md", "# Lektion\n")
    sidecar = repo.root / "translations/de/.co-op-translator.json"
    sidecar.write_bytes(b"\xef\xbb\xbf" + sidecar.read_bytes())


def test_a_sidecar_with_a_byte_order_mark_is_no_metadata_to_co_op_translator(
    repo: RepoBuilder,
) -> None:
    _bom_sidecar(repo)
    (de,) = _forecast(repo.root, ("de",)).languages
    (page,) = de.pages
    assert page.reason is not None and page.reason.value == "no-metadata"
    assert page.decision.bucket.value == "outdated_files"


def test_co_op_translator_itself_reads_no_metadata_through_a_byte_order_mark(
    repo: RepoBuilder,
) -> None:
    _bom_sidecar(repo)
    _agrees_with_co_op_translator(repo.root, ("de",))


def test_the_run_forgets_an_inline_block_before_counting_lines(repo: RepoBuilder) -> None:
    build(repo)
    fr = _forecast(repo.root, ("fr",)).languages[0]
    near = next(page for page in fr.pages if page.file == "inline-near-margin.md")
    assert near.decision.estimated is False
    assert near.reason is not None and near.reason.value == "line-count-drift"


def test_an_alias_folder_is_forecast_under_co_op_translators_code(repo: RepoBuilder) -> None:
    build(repo)
    (zh_tw,) = _forecast(repo.root, ("zh-TW",)).languages
    assert (zh_tw.language, zh_tw.folder, zh_tw.renamed_from) == ("zh-TW", "translations/tw", "tw")


def test_a_language_without_a_folder_has_every_page_new(repo: RepoBuilder) -> None:
    build(repo)
    (de,) = _forecast(repo.root, ("de",)).languages
    reasons = {page.file: page.reason.value if page.reason else None for page in de.pages}
    assert reasons["missing.md"] == "new" and reasons[".github/ISSUE_TEMPLATE/bug.md"] is None
    assert de.folder == "translations/de"


def test_estimates_count_words_and_fall_back_to_a_quarter_of_the_characters() -> None:
    rules = rules_for("0.23.2")
    assert rules.words(b"  one two\r\nthree  \n") == 3
    if rules.tokenizer() == "characters/4":
        assert rules.tokens(b"  abcdefghi \n") == 2
        assert rules.tokens(b"a") == 1
    assert rules.tokens(b"   \n") == 0


def test_todo_coop_plan_writes_co_op_translators_plan_schema_with_the_reasons(
    repo: RepoBuilder,
) -> None:
    build(repo)
    result = CliRunner().invoke(
        cli, ["todo", str(repo.root), "--format", "coop-plan", "--lang", "fr"]
    )
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert plan["schema"] == "co-op.translation.plan.v1"
    assert plan["languages"] == ["fr"]
    assert plan["output"] == (repo.root / "translations").resolve().as_posix()
    outdated = {item["file"]: item["reason"] for item in plan["outdated_files"]}
    assert outdated["cut-off.md"] == "line-count-drift"
    assert "inline-current.md" not in outdated
    assert {item["file"] for item in plan["new_files"]} == {"missing.md", "failed.md"}
    assert plan["api_required"] is True
    figures = plan["transync"]["languages"][0]
    assert figures["files"] == len(plan["new_files"]) + len(plan["outdated_files"])
    disagree = {item["file"] for item in plan["transync"]["coop_plan_disagrees"]}
    assert {"inline-current.md", ".github/ISSUE_TEMPLATE/bug.md"} <= disagree


def test_an_unknown_co_op_translator_version_is_refused_in_one_line(repo: RepoBuilder) -> None:
    build(repo)
    result = CliRunner().invoke(
        cli, ["todo", str(repo.root), "--format", "coop-plan", "--coop-version", "0.1"]
    )
    assert result.exit_code == 2
    assert "0.1" in result.output and "Traceback" not in result.output
