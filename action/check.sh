#!/usr/bin/env bash
# The action's check step: inputs arrive as environment variables, never spliced into a script
# (no injection). Runs the gate in the requested format, then the JSON report behind the
# outputs, then, on request, the Markdown for the pull request comment. The content cache
# makes the second and third runs cheap.
set -euo pipefail

command=(transync check "$TRANSYNC_PATH")
if [ -n "$TRANSYNC_FAIL_ON" ]; then command+=(--fail-on "$TRANSYNC_FAIL_ON"); fi
if [ -n "$TRANSYNC_CHANGED_FROM" ]; then command+=(--changed-from "$TRANSYNC_CHANGED_FROM"); fi
read -r -a extra <<< "$TRANSYNC_ARGS"
# The ${x+...} form: an empty array under set -u is an error in the bash of macOS (3.2).
command+=(${extra[@]+"${extra[@]}"})

gate=(--format "$TRANSYNC_FORMAT")
if [ -n "$TRANSYNC_OUTPUT" ]; then gate+=(--output "$TRANSYNC_OUTPUT"); fi
# Exit 1 is a failed policy, reported at the end; 2 means transync could not run: stop now.
run() {
    local status=0
    "$@" || status=$?
    if [ "$status" -gt 1 ]; then exit "$status"; fi
    return 0
}
code=0
"${command[@]}" "${gate[@]}" || code=$?
if [ "$code" -gt 1 ]; then exit "$code"; fi

report="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/transync-report.json"
run "${command[@]}" --format json --output "$report"
python - "$report" >>"${GITHUB_OUTPUT:-/dev/null}" <<'PYTHON'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"passed={str(document['policy']['passed']).lower()}")
print(f"fresh-percent={document['totals']['fresh_percent']}")
print(f"report={sys.argv[1]}")
PYTHON

if [ "$TRANSYNC_COMMENT" = "true" ]; then
    markdown="${report%.json}.md"
    run "${command[@]}" --format markdown --output "$markdown"
    python "$(dirname "$0")/pr_comment.py" "$markdown"
fi
exit "$code"
