#!/usr/bin/env bash
# Runs every Kelos test. Installs what the tests need first (system packages, the real agent CLIs from
# npm), builds with warnings as errors, runs all test projects, and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prereqs.sh
KELOS_AGENT_BIN="$(scripts/install-agents.sh | tail -n 1)"
export KELOS_AGENT_BIN
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Kelos.sln -c Release -warnaserror -nologo -v quiet

results="$(mktemp -d)"
set +e
dotnet test Kelos.sln -c Release --no-build --nologo 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}
set -e

passed=0
failed=0
# One summary line per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
while read -r f p; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\1 \2/p' "$results/console.txt")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project did not run: count it, never report a clean run.
  failed=1
fi

echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
