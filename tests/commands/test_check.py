"""`transync check` end to end: exit codes, settings, outputs, baseline, and the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import RepoBuilder
from transync.cli import cli


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *args], env=env)


@pytest.fixture
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the scanned tree for outputs (so they are not scanned as sources)."""
    return tmp_path_factory.mktemp("outputs")


@pytest.fixture
def stale(repo: RepoBuilder) -> RepoBuilder:
    repo.source("README.md", "# Hello\n")
    repo.source("guide.md", "# Guide\n")
    repo.inline("ja", "README.md", stale=True)
    repo.inline("ja", "guide.md")
    return repo


def test_exit_0_when_the_policy_passes(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md")
    result = run(str(repo.root))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "PASSED: nothing fails the policy"


def test_exit_1_when_it_fails_naming_what_failed(stale: RepoBuilder) -> None:
    result = run(str(stale.root))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "FAILED: 1 stale"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere"], "nowhere: not a folder"),
        (["--fail-on", "stale:typo"], "unknown qualifier 'stale:typo'"),
        (["--baseline", "missing.json"], "missing.json: baseline not found"),
        (["--changed-from", "main"], "not inside a git repository"),
    ],
)
def test_exit_2_with_one_line_when_it_cannot_run(
    stale: RepoBuilder, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(stale.root)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--min-fresh", "101"],
        ["--max-age", "-1"],
        ["--format", "xml"],
        ["--baseline", "a", "--write-baseline", "b"],
    ],
)
def test_exit_2_on_usage_errors(stale: RepoBuilder, args: list[str]) -> None:
    assert run(str(stale.root), *args).exit_code == 2


def test_exit_2_on_a_config_value_of_the_wrong_type(stale: RepoBuilder) -> None:
    stale.write("pyproject.toml", '[tool.transync.check]\nmin-fresh = "high"\n')
    result = run(str(stale.root))
    assert result.exit_code == 2
    assert "pyproject.toml [tool.transync] [check]: 'min-fresh' must be a number" in result.stderr


def test_a_misspelled_kind_stops_the_run_with_a_suggestion(stale: RepoBuilder) -> None:
    """A typo must not turn the gate off: exit 2, one line, the nearest name."""
    for flag in ("--fail-on", "--warn-on"):
        result = run(str(stale.root), flag, "stale,brokn-link")
        assert result.exit_code == 2
        assert result.stderr == (
            f"transync: error: {flag}: unknown kind 'brokn-link' (did you mean 'broken-link'?)\n"
        )


def test_a_misspelled_check_in_the_config_stops_the_run(stale: RepoBuilder) -> None:
    stale.write("pyproject.toml", '[tool.transync]\nchecks = { "brokn-link" = "off" }\n')
    result = run(str(stale.root))
    assert result.exit_code == 2
    assert "checks: unknown check 'brokn-link' (did you mean 'broken-link'?)" in result.stderr


def test_a_misspelled_kind_in_the_config_stops_the_run(stale: RepoBuilder) -> None:
    stale.write("pyproject.toml", '[tool.transync.check]\nfail-on = ["stael"]\n')
    result = run(str(stale.root))
    assert result.exit_code == 2
    assert "fail-on: unknown kind 'stael' (did you mean 'stale'?)" in result.stderr


def test_config_sets_the_policy_and_flags_win(stale: RepoBuilder) -> None:
    stale.write(
        "pyproject.toml",
        '[tool.transync.check]\nfail-on = ["missing"]\nsevere = true\n',
    )
    relaxed = run(str(stale.root))
    assert relaxed.exit_code == 0
    assert "unknown key 'severe' ignored" in relaxed.stderr
    assert run(str(stale.root), "--fail-on", "stale").exit_code == 1


def test_lang_limits_the_check_to_some_languages(stale: RepoBuilder) -> None:
    stale.inline("lt", "README.md")
    stale.inline("lt", "guide.md")
    assert run(str(stale.root), "--lang", "lt").exit_code == 0
    assert run(str(stale.root), "--lang", "ja").exit_code == 1


def test_json_output_to_a_file(stale: RepoBuilder, elsewhere: Path) -> None:
    target = elsewhere / "out" / "report.json"
    target.parent.mkdir()
    result = run(str(stale.root), "--format", "json", "--output", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    document = json.loads(target.read_text())
    assert document["schema"] == "transync.report/1"
    assert document["policy"]["failed_by"] == ["stale"]


def test_text_output_to_a_file_has_no_colour_codes(stale: RepoBuilder, elsewhere: Path) -> None:
    target = elsewhere / "check.txt"
    run(str(stale.root), "--output", str(target))
    text = target.read_text()
    assert "\x1b[" not in text and text.endswith("FAILED: 1 stale\n")


def test_github_format_appends_the_job_summary(stale: RepoBuilder, elsewhere: Path) -> None:
    summary = elsewhere / "summary.md"
    summary.write_text("earlier step\n")
    result = run(str(stale.root), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.stdout.startswith("::error file=")
    text = summary.read_text()
    assert text.startswith("earlier step\n## ❌ transync check failed: stale\n")
    assert text.index("| Language |") < text.index("### Failures: 1 problem from 1 cause")


def test_baseline_round_trip(stale: RepoBuilder, elsewhere: Path) -> None:
    baseline = elsewhere / "baseline.json"
    written = run(str(stale.root), "--write-baseline", str(baseline))
    assert written.exit_code == 0
    assert f"wrote 1 problems to {baseline}" in written.stderr
    assert run(str(stale.root), "--baseline", str(baseline)).exit_code == 0

    stale.inline("ja", "guide.md", stale=True)  # a new problem
    stale.inline("ja", "README.md")  # the old one is fixed
    result = run(str(stale.root), "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 1
    policy = json.loads(result.stdout)["policy"]
    assert [r["path"] for r in policy["results"] if r["outcome"] == "fail"] == [
        "translations/ja/guide.md"
    ]
    assert policy["baseline"]["path"] == str(baseline)
    assert [entry["path"] for entry in policy["baseline"]["fixed"]] == ["translations/ja/README.md"]


def test_a_baseline_named_in_the_config_is_read_from_the_scan_root(stale: RepoBuilder) -> None:
    assert run(str(stale.root), "--write-baseline", str(stale.root / "b.json")).exit_code == 0
    stale.write("transync.toml", '[check]\nbaseline = "b.json"\n')
    assert run(str(stale.root)).exit_code == 0


def test_help_documents_the_exit_codes() -> None:
    text = run("--help").stdout
    assert "0  the command ran (for `check`: the policy passed)" in text
    assert "1  `check`: the policy failed" in text


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit", "markdown"])
def test_seed_fails_on_stale_in_every_format(samples: Path, output_format: str) -> None:
    result = run(str(samples / "seed"), "--format", output_format)
    assert result.exit_code == 1
    assert "stale" in result.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit", "markdown"])
def test_mcp_retail_passes_in_every_format(samples: Path, output_format: str) -> None:
    assert run(str(samples / "mcp-retail"), "--format", output_format).exit_code == 0
