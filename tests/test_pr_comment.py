"""action/pr_comment.py against a fake `gh` on PATH: one comment per pull request, created
once, then updated in place (found by its hidden marker); a token that may not write gets a
notice and exit 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "action" / "pr_comment.py"
MARKER = "<!-- transync-check-comment -->"
BOT = "github-actions[bot]"

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the fake gh is an executable script with a #! line"
)

# A stand-in for `gh api`: comments live in $FAKE_GH_STATE; every call is logged; with
# $FAKE_GH_FORBID set, writes fail as they do for a fork's read-only token.
FAKE_GH = """#!{python}
import json, os, sys
arguments = sys.argv[1:]
state_path = os.environ["FAKE_GH_STATE"]
state = json.load(open(state_path))
method, endpoint = arguments[arguments.index("--method") + 1], arguments[3]
payload = json.load(sys.stdin) if "--input" in arguments else None
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(json.dumps([method, endpoint, payload]) + "\\n")
login = os.environ.get("FAKE_GH_LOGIN")
if (method != "GET" and os.environ.get("FAKE_GH_FORBID")) or (endpoint == "user" and not login):
    print("gh: Resource not accessible by integration (HTTP 403)", file=sys.stderr)
    sys.exit(1)
if endpoint == "user":
    print(json.dumps({{"login": login}}))
elif method == "GET":
    page = int(endpoint.rsplit("page=", 1)[1])
    print(json.dumps(state[(page - 1) * 100 : page * 100]))
elif method == "POST":
    user = login or "github-actions[bot]"
    comment = {{"id": 1000 + len(state), "body": payload["body"], "user": {{"login": user}}}}
    state.append(comment)
    print(json.dumps(comment))
else:
    number = int(endpoint.rsplit("/", 1)[1])
    comment = next(c for c in state if c["id"] == number)
    comment["body"] = payload["body"]
    print(json.dumps(comment))
json.dump(state, open(state_path, "w"))
"""


class FakeGitHub:
    def __init__(self, root: Path, comments: list[dict[str, object]]) -> None:
        self.root = root
        self.state = root / "comments.json"
        self.state.write_text(json.dumps(comments))
        self.log = root / "gh.log"
        bin_dir = root / "bin"
        bin_dir.mkdir()
        gh = bin_dir / "gh"
        gh.write_text(FAKE_GH.format(python=sys.executable))
        gh.chmod(0o755)
        self.path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"

    def run(
        self, event: dict[str, object], markdown: str = "## Translations\n", **env: str
    ) -> subprocess.CompletedProcess[str]:
        event_path = self.root / "event.json"
        event_path.write_text(json.dumps(event))
        report = self.root / "report.md"
        report.write_text(markdown)
        environment = {
            **os.environ,
            "PATH": self.path,
            "FAKE_GH_STATE": str(self.state),
            "FAKE_GH_LOG": str(self.log),
            "GITHUB_REPOSITORY": "owner/docs",
            "GITHUB_EVENT_PATH": str(event_path),
            **env,
        }
        return subprocess.run(
            [sys.executable, str(SCRIPT), str(report)],
            env=environment,
            capture_output=True,
            text=True,
        )

    def comments(self) -> list[dict[str, object]]:
        return list(json.loads(self.state.read_text()))

    def writes(self) -> list[list[object]]:
        calls = [json.loads(line) for line in self.log.read_text().splitlines()]
        return [call for call in calls if call[0] != "GET"]


def pull_request(number: int = 7, head_repository: str = "owner/docs") -> dict[str, object]:
    return {"pull_request": {"number": number, "head": {"repo": {"full_name": head_repository}}}}


def test_first_push_creates_one_comment_with_the_marker(tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path, [{"id": 1, "body": "LGTM"}])
    done = github.run(pull_request(), "## 2 stale\n")
    assert done.returncode == 0, done.stderr
    assert github.comments()[1]["body"] == f"{MARKER}\n## 2 stale\n"
    assert github.writes() == [
        ["POST", "repos/owner/docs/issues/7/comments", {"body": f"{MARKER}\n## 2 stale\n"}]
    ]
    assert "commented on pull request #7" in done.stdout


def test_later_push_updates_the_comment_found_by_its_marker(tmp_path: Path) -> None:
    others = [{"id": n, "body": f"comment {n}"} for n in range(150)]  # a second page, too
    ours = {"id": 500, "body": f"{MARKER}\nold", "user": {"login": BOT}}
    github = FakeGitHub(tmp_path, [*others, ours])
    done = github.run(pull_request(), "## all current\n")
    assert done.returncode == 0, done.stderr
    assert github.writes() == [
        ["PATCH", "repos/owner/docs/issues/comments/500", {"body": f"{MARKER}\n## all current\n"}]
    ]
    assert len(github.comments()) == 151
    assert "updated comment 500" in done.stdout


def test_a_forks_read_only_token_gets_a_notice_not_a_failure(tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path, [])
    done = github.run(pull_request(head_repository="someone/docs"), FAKE_GH_FORBID="1")
    assert done.returncode == 0
    assert "::notice" in done.stdout
    assert "from a fork cannot write comments" in done.stdout
    assert github.comments() == []


def test_missing_write_permission_on_a_same_repository_pull_request_is_named(
    tmp_path: Path,
) -> None:
    github = FakeGitHub(tmp_path, [])
    done = github.run(pull_request(), FAKE_GH_FORBID="1")
    assert done.returncode == 0
    assert "without write access cannot write comments" in done.stdout


def test_outside_a_pull_request_nothing_is_posted(tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path, [])
    done = github.run({"ref": "refs/heads/main"})
    assert done.returncode == 0
    assert "not a pull request" in done.stdout
    assert not github.log.exists()


def test_other_gh_errors_fail_with_gh_s_message(tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path, [])
    github.state.write_text("not json")  # the fake gh crashes
    done = github.run(pull_request())
    assert done.returncode == 1
    assert "gh failed" in done.stderr


def test_a_report_too_long_for_a_comment_is_cut_at_a_line_and_says_so(tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path, [])
    lines = "".join(f"- `ja` **stale** `translations/ja/page-{n}.md`\n" for n in range(3000))
    done = github.run(pull_request(), "## failed\n" + lines)
    assert done.returncode == 0, done.stderr
    body = str(github.comments()[0]["body"])
    assert len(body) <= 65_536
    assert body.startswith(f"{MARKER}\n## failed\n- `ja`")
    assert body.endswith("the job's log and summary have the whole report)*\n")
    assert "page-2999" not in body


def test_a_comment_holding_the_marker_by_someone_else_is_never_edited(tmp_path: Path) -> None:
    planted = {"id": 3, "body": f"{MARKER}\nplanted", "user": {"login": "mallory"}}
    quoted = {"id": 4, "body": f"see {MARKER}", "user": {"login": BOT}}
    github = FakeGitHub(tmp_path, [planted, quoted])
    done = github.run(pull_request(), "## 1 stale\n")
    assert done.returncode == 0, done.stderr
    assert github.writes() == [
        ["POST", "repos/owner/docs/issues/7/comments", {"body": f"{MARKER}\n## 1 stale\n"}]
    ]
    assert github.comments()[0]["body"] == f"{MARKER}\nplanted"


def test_a_personal_tokens_user_finds_its_own_comment(tmp_path: Path) -> None:
    bots = {"id": 8, "body": f"{MARKER}\nby the bot", "user": {"login": BOT}}
    mine = {"id": 9, "body": f"{MARKER}\nmine", "user": {"login": "docs-bot"}}
    github = FakeGitHub(tmp_path, [bots, mine])
    done = github.run(pull_request(), "## new\n", FAKE_GH_LOGIN="docs-bot")
    assert done.returncode == 0, done.stderr
    assert github.writes() == [
        ["PATCH", "repos/owner/docs/issues/comments/9", {"body": f"{MARKER}\n## new\n"}]
    ]


def test_a_refused_update_says_its_comment_is_out_of_date(tmp_path: Path) -> None:
    ours = {"id": 12, "body": f"{MARKER}\nold", "user": {"login": BOT}}
    github = FakeGitHub(tmp_path, [ours])
    done = github.run(pull_request(head_repository="someone/docs"), FAKE_GH_FORBID="1")
    assert done.returncode == 0
    assert "::notice title=transync::its comment 12 still shows an earlier result" in done.stdout
    assert github.comments() == [ours]
