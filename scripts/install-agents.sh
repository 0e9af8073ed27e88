#!/usr/bin/env bash
# Installs the pinned agent CLIs (scripts/agent-versions.txt) from npm into the agent cache, once.
#
#   scripts/install-agents.sh [AGENT...]     AGENT: claude-code, codex, gemini, opencode (default: all)
#
# Cache: $KELOS_AGENT_CACHE, else <repo>/.cache/agents. Packages whose installed version already
# matches the pin are skipped. Progress goes to stderr; the last line on stdout is the bin directory
# (export it as KELOS_AGENT_BIN for the tests). Any failure exits non-zero: tests never skip agents.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
versions_file="$script_dir/agent-versions.txt"
cache_dir="${KELOS_AGENT_CACHE:-$repo_root/.cache/agents}"

fail() {
    echo "install-agents: $*" >&2
    exit 1
}

# Short agent name (as Kelos spells the agent type) for an npm package name.
agent_name() {
    case "$1" in
        @anthropic-ai/claude-code) echo claude-code ;;
        @openai/codex) echo codex ;;
        @google/gemini-cli) echo gemini ;;
        opencode-ai) echo opencode ;;
        *) echo "${1##*/}" ;;
    esac
}

command -v npm >/dev/null || fail "npm is not on PATH; install Node.js 20+ first."
command -v node >/dev/null || fail "node is not on PATH; install Node.js 20+ first."
[[ -f "$versions_file" ]] || fail "pin file $versions_file is missing."

declare -a pins=()
while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    [[ -n "$line" ]] && pins+=("$line")
done <"$versions_file"
(( ${#pins[@]} > 0 )) || fail "pin file $versions_file lists no packages."

declare -a wanted=()
for pin in "${pins[@]}"; do
    package="${pin%@*}"
    [[ -n "$package" && "$package" != "$pin" ]] || fail "bad pin '$pin' in $versions_file (want package@version)."
    if (( $# == 0 )); then
        wanted+=("$pin")
        continue
    fi
    for arg in "$@"; do
        if [[ "$arg" == "$(agent_name "$package")" || "$arg" == "$package" || "$arg" == "${package##*/}" ]]; then
            wanted+=("$pin")
        fi
    done
done
for arg in "$@"; do
    found=false
    for pin in "${pins[@]}"; do
        package="${pin%@*}"
        if [[ "$arg" == "$(agent_name "$package")" || "$arg" == "$package" || "$arg" == "${package##*/}" ]]; then
            found=true
        fi
    done
    $found || fail "unknown agent '$arg'; known: $(for p in "${pins[@]}"; do printf '%s ' "$(agent_name "${p%@*}")"; done)"
done

declare -a missing=()
for pin in "${wanted[@]}"; do
    package="${pin%@*}"
    version="${pin##*@}"
    manifest="$cache_dir/node_modules/$package/package.json"
    installed=""
    if [[ -f "$manifest" ]]; then
        installed="$(node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true)"
    fi
    if [[ "$installed" == "$version" ]]; then
        echo "install-agents: $package@$version already installed" >&2
    else
        missing+=("$pin")
    fi
done

if (( ${#missing[@]} > 0 )); then
    mkdir -p "$cache_dir"
    [[ -f "$cache_dir/package.json" ]] || echo '{ "private": true }' >"$cache_dir/package.json"
    echo "install-agents: installing ${missing[*]} into $cache_dir" >&2
    started=$SECONDS
    # --save-exact keeps earlier agents in the cache's package.json, so a partial install prunes nothing.
    if ! npm install --prefix "$cache_dir" --save-exact --no-audit --no-fund --loglevel=error "${missing[@]}" >&2; then
        fail "npm install of ${missing[*]} failed (see the npm output above). The agent tests need these CLIs; they do not skip."
    fi
    echo "install-agents: done in $((SECONDS - started)) s" >&2
fi

bin_dir="$cache_dir/node_modules/.bin"
for pin in "${wanted[@]}"; do
    package="${pin%@*}"
    version="${pin##*@}"
    manifest="$cache_dir/node_modules/$package/package.json"
    [[ -f "$manifest" ]] || fail "$package is still missing from $cache_dir after npm install."
    installed="$(node -p "require(process.argv[1]).version" "$manifest")"
    [[ "$installed" == "$version" ]] || fail "$package is $installed in $cache_dir, pinned $version."
done
echo "$bin_dir"
