# OpenAI Codex, as src/Kelos.Agents/CodexAdapter.cs runs it. Sourced by /kelos_entrypoint.sh.
KELOS_IMAGE_AGENT=codex

kelos_agent_command() {
  export CODEX_HOME="${CODEX_HOME:-$HOME/.codex}"
  agent_cmd=(codex exec --dangerously-bypass-approvals-and-sandbox --json "$1")
  [[ -n "${KELOS_MODEL:-}" ]] && agent_cmd+=(--model "$KELOS_MODEL")
  # A TOML string: the effort is one word (low, medium, high), so quoting it is enough.
  [[ -n "${KELOS_EFFORT:-}" ]] && agent_cmd+=(-c "model_reasoning_effort=\"${KELOS_EFFORT//\"/}\"")
  agent_cmd+=(-c features.plugins=false -c features.remote_plugin=false -c features.apps=false -c features.in_app_updates=false)
  return 0
}
