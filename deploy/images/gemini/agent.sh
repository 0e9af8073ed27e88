# Google Gemini CLI, as src/Kelos.Agents/GeminiAdapter.cs runs it. Sourced by /kelos_entrypoint.sh.
# The model is always passed: without -m Gemini makes an extra routing call to pick one.
KELOS_IMAGE_AGENT=gemini

kelos_agent_command() {
  export GEMINI_CLI_TRUST_WORKSPACE=true
  agent_cmd=(gemini --yolo --output-format stream-json -p "$1" -m "${KELOS_MODEL:-gemini-2.5-pro}")
  return 0
}
