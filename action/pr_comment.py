"""Post the `transync check --format markdown` result as one pull request comment, and update
that same comment on later pushes instead of adding one per push.

Run by action.yml with `gh` on the runner and the job's token in GH_TOKEN:

    python pr_comment.py REPORT.md

The comment is found again by the hidden marker its body starts with, among the comments the
token's own user wrote: anyone can paste the marker into a comment of theirs, and that comment
is never edited (the job's token is `github-actions[bot]`, which cannot ask who it is; a personal
token's user is asked for). A token that may not write comments
(a pull request from a fork gets a read-only token; a workflow without `pull-requests: write`
too) is not a failed check: the script says so and exits 0. Standard library only, because it
runs beside transync, not inside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MARKER = "<!-- transync-check-comment -->"
# Who GITHUB_TOKEN comments as; `GET /user` is refused to it ("not accessible by integration").
ACTIONS_BOT = "github-actions[bot]"
_PAGE_SIZE = 100
# GitHub refuses a comment longer than 65,536 characters; a big failure list is cut to fit.
_LIMIT = 65_536
_CUT = "\n\n*(cut to fit a comment: the job's log and summary have the whole report)*\n"
# What the API answers when the token may not write: the fork case, or missing permissions.
_FORBIDDEN = ("HTTP 403", "Resource not accessible by integration")


class Forbidden(Exception):
    """The token may read the pull request but not comment on it."""


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: pr_comment.py REPORT.md", file=sys.stderr)
        return 2
    event = _event()
    pull_request = event.get("pull_request")
    if not isinstance(pull_request, dict):
        print("transync: not a pull request: no comment posted")
        return 0
    repository = os.environ["GITHUB_REPOSITORY"]
    number = pull_request["number"]
    body = comment_body(Path(argv[0]).read_text(encoding="utf-8"))
    existing = None
    try:
        existing = find_comment(repository, number, token_user())
        if existing is None:
            gh_api("POST", f"repos/{repository}/issues/{number}/comments", {"body": body})
            print(f"transync: commented on pull request #{number}")
        else:
            gh_api("PATCH", f"repos/{repository}/issues/comments/{existing}", {"body": body})
            print(f"transync: updated comment {existing} on pull request #{number}")
    except Forbidden:
        why = "from a fork" if _from_fork(pull_request, repository) else "without write access"
        left = (
            f"its comment {existing} still shows an earlier result"
            if existing is not None
            else "no pull request comment"
        )
        print(
            f"::notice title=transync::{left}: the token of a pull request {why} cannot write"
            " comments (this result is in the job log and summary)"
        )
    except subprocess.CalledProcessError as error:
        print(f"::error title=transync::gh failed: {error.stderr.strip()}", file=sys.stderr)
        return 1
    return 0


def comment_body(markdown: str) -> str:
    """The marker that finds the comment again, then the report, cut at a line to fit."""
    body = f"{MARKER}\n{markdown}"
    if len(body) <= _LIMIT:
        return body
    kept = body[: _LIMIT - len(_CUT)]
    return kept[: kept.rfind("\n")] + _CUT


def token_user() -> str:
    """The login of the token's user: asked for, or the Actions bot when it may not ask."""
    try:
        answer = gh_api("GET", "user")
    except (Forbidden, subprocess.CalledProcessError):
        return ACTIONS_BOT
    login = answer[0].get("login") if answer else None
    return login if isinstance(login, str) and login else ACTIONS_BOT


def find_comment(repository: str, number: int, author: str) -> int | None:
    """The id of the comment this script posted before: written by `author` (the token's
    user) and starting with the marker. Another's comment holding the marker is not ours."""
    page = 1
    while True:
        comments = gh_api(
            "GET", f"repos/{repository}/issues/{number}/comments?per_page={_PAGE_SIZE}&page={page}"
        )
        for comment in comments:
            user = comment.get("user") or {}
            if user.get("login") == author and (comment.get("body") or "").startswith(MARKER):
                return int(comment["id"])
        if len(comments) < _PAGE_SIZE:
            return None
        page += 1


def gh_api(method: str, endpoint: str, payload: dict[str, str] | None = None) -> list[dict]:
    command = ["gh", "api", "--method", method, endpoint]
    if payload is not None:
        command += ["--input", "-"]
    done = subprocess.run(
        command,
        input=json.dumps(payload) if payload is not None else None,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        if any(sign in done.stderr for sign in _FORBIDDEN):
            raise Forbidden
        raise subprocess.CalledProcessError(done.returncode, command, done.stdout, done.stderr)
    answer = json.loads(done.stdout) if done.stdout.strip() else []
    return answer if isinstance(answer, list) else [answer]


def _event() -> dict:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    event = json.loads(Path(path).read_text(encoding="utf-8"))
    return event if isinstance(event, dict) else {}


def _from_fork(pull_request: dict, repository: str) -> bool:
    head = (pull_request.get("head") or {}).get("repo") or {}
    return head.get("full_name") not in (None, repository)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
