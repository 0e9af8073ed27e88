# Cursor CLI, as src/Kelos.Agents/CursorAdapter.cs runs it. Sourced by /kelos_entrypoint.sh.
KELOS_IMAGE_AGENT=cursor

kelos_agent_command() {
  agent_cmd=(agent -p --force --trust --sandbox disabled --output-format stream-json "$1")
  [[ -n "${KELOS_MODEL:-}" ]] && agent_cmd+=(--model "$KELOS_MODEL")
  return 0
}
