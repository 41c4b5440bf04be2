"""`transync dashboard` as a user runs it: where it writes, what it refuses, --from, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.builders import GitRepo, RepoBuilder
from tests.report.dashboard import site_repo
from transync.cli import cli

EPOCH = "1772323200"  # 2026-03-01T00:00:00Z


@pytest.fixture
def project(repo: RepoBuilder, git: GitRepo) -> RepoBuilder:
    site_repo.build(repo, git)
    return repo


def run(*args: str, epoch: str | None = EPOCH) -> tuple[int, str, str]:
    """Run transync with the clock pinned at EPOCH (None: the real clock, as status has)."""
    result = CliRunner().invoke(cli, list(args), env={"SOURCE_DATE_EPOCH": epoch})
    return result.exit_code, result.stdout, result.stderr


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_writes_the_site_to_the_output_folder(project: RepoBuilder, tmp_path: Path) -> None:
    output = tmp_path / "site"
    code, out, _ = run("dashboard", str(project.root), "-o", str(output))
    assert code == 0
    assert f"wrote {output / 'index.html'}" in out
    assert {"index.html", "fr.html", "ja.html", "report.json", "badges/all.json"} <= set(
        files_of(output)
    )
    index = (output / "index.html").read_text()
    assert "2026-03-01T00:00:00Z" in index
    assert 'href="../translations/ja/docs/guide.md"' in index  # no forge: relative links


def test_the_same_tree_gives_a_byte_identical_site(
    project: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("sites")
    for name in ("one", "two"):
        assert run("dashboard", str(project.root), "-o", str(outside / name))[0] == 0
    one, two = files_of(outside / "one"), files_of(outside / "two")
    assert one.keys() == two.keys()
    # The relative links name the output folder's distance from the tree, which is the same.
    assert one == two


def test_report_json_is_the_status_json(
    project: RepoBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = tmp_path_factory.mktemp("site")
    run("dashboard", str(project.root), "-o", str(site), epoch=None)
    code, status_json, _ = run("status", str(project.root), "--format", "json", "--content")
    assert code == 0
    assert (site / "report.json").read_text() == status_json


def test_links_go_to_github_when_origin_is_there(
    project: RepoBuilder, git: GitRepo, tmp_path: Path
) -> None:
    git.git("remote", "add", "origin", "git@github.com:octo/docs.git")
    run("dashboard", str(project.root), "-o", str(tmp_path / "site"))
    index = (tmp_path / "site" / "index.html").read_text()
    assert 'href="https://github.com/octo/docs/blob/main/translations/ja/docs/guide.md"' in index
    assert "<h1>Translations of octo/docs</h1>" in index


def test_repo_url_and_ref_choose_the_links(project: RepoBuilder, tmp_path: Path) -> None:
    run(
        "dashboard", str(project.root), "-o", str(tmp_path / "site"),
        "--repo-url", "https://github.com/other/fork/", "--ref", "v1.0",
    )  # fmt: skip
    index = (tmp_path / "site" / "index.html").read_text()
    assert 'href="https://github.com/other/fork/blob/v1.0/translations/ja/docs/guide.md"' in index


def test_refuses_to_write_inside_a_translation_folder(project: RepoBuilder) -> None:
    output = project.root / "translations" / "site"
    code, _, err = run("dashboard", str(project.root), "-o", str(output))
    assert code == 2
    assert "inside the translation folder translations" in err
    assert not output.exists()


def test_refuses_to_write_into_the_scanned_folder_itself(project: RepoBuilder) -> None:
    code, _, err = run("dashboard", str(project.root), "-o", str(project.root))
    assert code == 2
    assert "is the scanned folder" in err


def test_dry_run_lists_the_files_and_writes_none(project: RepoBuilder, tmp_path: Path) -> None:
    code, out, _ = run("dashboard", str(project.root), "-o", str(tmp_path / "site"), "--dry-run")
    assert code == 0
    assert f"{tmp_path / 'site' / 'index.html'} (" in out
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("folder", ["transync-site", "public/status"])
def test_a_site_inside_the_tree_is_not_scanned_as_sources(
    project: RepoBuilder, folder: str
) -> None:
    output = project.root / folder
    assert run("dashboard", str(project.root), "-o", str(output))[0] == 0
    before = (output / "report.json").read_text()
    assert run("dashboard", str(project.root), "-o", str(output))[0] == 0
    # Its SUMMARY.md did not become a source that every language misses.
    assert (output / "report.json").read_text() == before


def test_from_merges_several_reports_into_one_organisation_site(
    project: RepoBuilder, tmp_path: Path
) -> None:
    _, report_json, _ = run("status", str(project.root), "--format", "json")
    reports = tmp_path / "reports"
    (reports / "course").mkdir(parents=True)
    (reports / "docs.json").write_text(report_json)
    partial = json.loads(report_json)
    partial["languages"] = [
        language for language in partial["languages"] if language["code"] == "fr"
    ]
    partial["files"] = [entry for entry in partial["files"] if entry["language"] == "fr"]
    (reports / "course" / "report.json").write_text(json.dumps(partial))
    output = tmp_path / "org"
    code, _, err = run(
        "dashboard", "--from", str(reports / "docs.json"), str(reports / "course" / "report.json"),
        "-o", str(output),
    )  # fmt: skip
    assert code == 0, err
    site = files_of(output)
    assert {"index.html", "docs/index.html", "docs/ja.html", "course/fr.html"} <= set(site)
    assert "course/ja.html" not in site
    index = site["index.html"].decode()
    assert '<a href="docs/index.html">docs</a>' in index
    assert '<a href="course/index.html">course</a>' in index
    assert 'href="docs/ja.html">0.0%</a>' in index


def test_from_names_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something/1"}')
    code, _, err = run("dashboard", "--from", str(bad), "-o", str(tmp_path / "org"))
    assert code == 2
    assert err.strip() == (
        f"transync: error: {bad}: not a transync.report/1 report (write one with status"
        " --format json)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from"], "--from needs at least one report.json file"),
        (["a", "b"], "give one PATH to scan, or --from with report.json files"),
        (["--badge-thresholds", "90,75"], "expected three percentages"),
        (["--badge-thresholds", "50,75,90"], "expected 100 >= green >= yellow >= orange >= 0"),
    ],
)
def test_bad_arguments_are_one_line_errors(args: list[str], message: str, tmp_path: Path) -> None:
    code, _, err = run("dashboard", *args, "-o", str(tmp_path / "site"))
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_bad_source_date_epoch_is_an_error(project: RepoBuilder, tmp_path: Path) -> None:
    code, _, err = run("dashboard", str(project.root), "-o", str(tmp_path / "s"), epoch="soon")
    assert code == 2
    assert "SOURCE_DATE_EPOCH='soon': not a number of seconds since 1970" in err


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    code, _, err = run("dashboard", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s"))
    assert code == 2
    assert "nowhere: not a folder" in err
