# Claude Code, as src/Kelos.Agents/ClaudeCodeAdapter.cs runs it. Sourced by /kelos_entrypoint.sh.
KELOS_IMAGE_AGENT=claude-code

kelos_agent_command() {
  agent_cmd=(claude --dangerously-skip-permissions --output-format stream-json --verbose -p "$1")
  [[ -n "${KELOS_MODEL:-}" ]] && agent_cmd+=(--model "$KELOS_MODEL")
  [[ -n "${KELOS_EFFORT:-}" ]] && agent_cmd+=(--effort "$KELOS_EFFORT")
  if [[ -n "${KELOS_PLUGIN_DIR:-}" && -d "$KELOS_PLUGIN_DIR" ]]; then
    local plugin
    for plugin in "$KELOS_PLUGIN_DIR"/*/; do
      [[ -d "$plugin" ]] && agent_cmd+=(--plugin-dir "${plugin%/}")
    done
  fi
  return 0
}
