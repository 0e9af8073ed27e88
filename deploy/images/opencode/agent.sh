# OpenCode, as src/Kelos.Agents/OpenCodeAdapter.cs runs it. Sourced by /kelos_entrypoint.sh.
KELOS_IMAGE_AGENT=opencode

kelos_agent_command() {
  export OPENCODE_CONFIG="${OPENCODE_CONFIG:-$HOME/.config/opencode/opencode.json}"
  export OPENCODE_DISABLE_MODELS_FETCH=1 OPENCODE_DISABLE_AUTOUPDATE=1 OPENCODE_DISABLE_LSP_DOWNLOAD=1 OPENCODE_DISABLE_DEFAULT_PLUGINS=1
  # Kelos hands over one OPENCODE_API_KEY; OpenCode reads each provider's key from that provider's variable.
  if [[ -n "${OPENCODE_API_KEY+set}" ]]; then
    local provider="${KELOS_MODEL:-anthropic}" variable=""
    provider="${provider%%/*}"
    case "$provider" in
      anthropic) variable=ANTHROPIC_API_KEY ;;
      openai) variable=OPENAI_API_KEY ;;
      google) variable=GEMINI_API_KEY ;;
      groq) variable=GROQ_API_KEY ;;
      xai) variable=XAI_API_KEY ;;
    esac
    if [[ -n "$variable" && -z "${!variable+set}" ]]; then
      export "$variable=$OPENCODE_API_KEY"
    fi
  fi
  local title="kelos"
  [[ -n "${KELOS_TASK_NAME:-}" ]] && title="kelos $KELOS_TASK_NAME"
  agent_cmd=(opencode run --format json "$1")
  [[ -n "${KELOS_MODEL:-}" ]] && agent_cmd+=(--model "$KELOS_MODEL")
  agent_cmd+=(--pure --title "$title")
  return 0
}
