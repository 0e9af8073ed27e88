#!/usr/bin/env bash
# A tiny custom agent that follows the Kelos agent interface, so the quickstart runs with no model and no
# network: the prompt comes as $1, the working directory is the clone on the Task's branch, and what it
# prints on stdout is the agent's log. It may end with an outputs block; Kelos adds branch and commit.
set -euo pipefail
prompt="$1"

echo "quickstart agent: working on branch ${KELOS_BRANCH} (base ${KELOS_BASE_BRANCH})"
{
  echo "# Greeting"
  echo
  echo "Hello from the Kelos quickstart agent."
  echo
  echo "Asked to: ${prompt}"
} > GREETING.md
git add GREETING.md
git commit -q -m "Add GREETING.md"

answer="I added GREETING.md on ${KELOS_BRANCH} and committed it as $(git rev-parse --short HEAD)."
echo "$answer"
echo "---KELOS_OUTPUTS_START---"
echo "response: $(printf '%s' "$answer" | base64 -w0)"
echo "---KELOS_OUTPUTS_END---"
