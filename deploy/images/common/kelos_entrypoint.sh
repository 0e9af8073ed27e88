#!/usr/bin/env bash
# /kelos_entrypoint.sh PROMPT: the agent container's command (docs: deploy/images/README.md).
#
#  1. writes KELOS_AGENTS_MD and KELOS_MCP_SERVERS where the agent reads them (kelos-configure.mjs);
#  2. runs KELOS_SETUP_COMMAND (a JSON exec array) if set, between ---KELOS_SETUP_COMMAND_START--- and
#     ---KELOS_SETUP_COMMAND_DONE--- or ---KELOS_SETUP_COMMAND_FAILED--- exit=N on stderr; a failure ends the run
#     with the setup command's exit code before the agent starts, and prints no outputs block;
#  3. runs the agent CLI (the command line agent.sh builds, stdin closed) with its stdout piped through the capture
#     step (kelos-capture.mjs), which passes the stream through and then prints the outputs block;
#  4. exits with the agent's exit code.
set -uo pipefail

kelos_dir="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

say() {
  printf 'kelos: %s\n' "$*" >&2
}

if (($# != 1)); then
  say "usage: /kelos_entrypoint.sh PROMPT (the prompt is the only argument; got $# arguments)"
  exit 64
fi
prompt="$1"

# shellcheck source=/dev/null
source "$kelos_dir/agent.sh"
agent_type="${KELOS_AGENT_TYPE:-$KELOS_IMAGE_AGENT}"

export HOME="${HOME:-/home/agent}"
mkdir -p "$HOME/.local/bin" 2>/dev/null || true
case ":$PATH:" in
  *":$HOME/.local/bin:"*) ;;
  *) export PATH="$HOME/.local/bin:$PATH" ;;
esac

# Commits need an identity; the repository's or the user's own git config wins over these.
if ! git config user.name >/dev/null 2>&1; then
  export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-Kelos Agent}" GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-Kelos Agent}"
fi
if ! git config user.email >/dev/null 2>&1; then
  export GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-kelos-agent@localhost}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-kelos-agent@localhost}"
fi

node "$kelos_dir/kelos-configure.mjs" "$agent_type" || exit $?

if [[ -n "${KELOS_SETUP_COMMAND:-}" ]]; then
  # The JSON array as NUL-separated words; anything but a non-empty array of strings is refused.
  setup_words="$(node -e '
    let value;
    try { value = JSON.parse(process.argv[1]); } catch { process.exit(1); }
    if (!Array.isArray(value) || value.length === 0 || !value.every((w) => typeof w === "string" && !w.includes("\0"))) process.exit(1);
    process.stdout.write(value.map((w) => w + "\0").join(""));
  ' "$KELOS_SETUP_COMMAND" | base64 -w0)"
  if [[ -z "$setup_words" ]]; then
    say "KELOS_SETUP_COMMAND must be a JSON array of strings, e.g. [\"make\",\"deps\"]; the agent did not start"
    exit 2
  fi
  mapfile -d '' setup < <(printf '%s' "$setup_words" | base64 -d)
  echo "---KELOS_SETUP_COMMAND_START---" >&2
  "${setup[@]}" </dev/null >&2
  setup_status=$?
  if ((setup_status != 0)); then
    echo "---KELOS_SETUP_COMMAND_FAILED--- exit=$setup_status" >&2
    say "the setup command ${setup[0]} failed with exit code $setup_status; the agent did not start"
    exit "$setup_status"
  fi
  echo "---KELOS_SETUP_COMMAND_DONE---" >&2
fi

agent_cmd=()
kelos_agent_command "$prompt"
if ! command -v "${agent_cmd[0]}" >/dev/null 2>&1; then
  say "the $agent_type CLI \"${agent_cmd[0]}\" is not on PATH ($PATH)"
  exit 127
fi

"${agent_cmd[@]}" </dev/null | node "$kelos_dir/kelos-capture.mjs" "$agent_type"
statuses=("${PIPESTATUS[@]}")
if ((statuses[1] != 0)); then
  say "the capture step failed with exit code ${statuses[1]}; the outputs block may be missing"
fi
exit "${statuses[0]}"
