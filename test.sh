#!/usr/bin/env bash
# Runs every Kelos test. Installs what the tests need first (system packages, the real agent CLIs from
# npm, RabbitMQ from Debian), starts a private RabbitMQ broker for the run, builds with warnings as errors, runs all
# test projects, stops the broker, and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prereqs.sh
results="$(mktemp -d)"

# The container tests (tests/Kelos.Images.Tests, podman kube play) skip where podman is missing. Where the prerequisites
# installed it, a skip would hide a broken container run, so they must run: KELOS_REQUIRE_PODMAN turns a skip into a
# failure (KELOS_PODMAN=0 or KELOS_REQUIRE_PODMAN=0 opts out).
if [ "${KELOS_PODMAN:-1}" = 1 ] && command -v podman >/dev/null 2>&1; then
  export KELOS_REQUIRE_PODMAN="${KELOS_REQUIRE_PODMAN:-1}"
fi

# The broker tests' RabbitMQ: a private broker on loopback (scripts/rabbitmq.sh installs rabbitmq-server when missing),
# started while the agents install and the solution builds, stopped at the end whatever happens. The tests get its
# URL and directory; KELOS_REQUIRE_BROKER makes them fail, never skip, if there is none.
broker_dir="$PWD/.cache/rabbitmq/test-$$"
stop_broker() {
  if [ -f "$broker_dir/env" ]; then
    scripts/rabbitmq.sh stop "$broker_dir" >/dev/null 2>&1 || true
  fi
}
trap stop_broker EXIT
KELOS_RABBITMQ_DIR="$broker_dir" scripts/rabbitmq.sh start >"$results/broker.env" 2>"$results/broker.log" &
broker_start=$!
export KELOS_REQUIRE_BROKER=1

KELOS_AGENT_BIN="$(scripts/install-agents.sh | tail -n 1)"
export KELOS_AGENT_BIN
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Kelos.sln -c Release -warnaserror -nologo -v quiet

if wait "$broker_start"; then
  # shellcheck source=/dev/null
  . "$results/broker.env"
  echo "test.sh: RabbitMQ broker ready in $KELOS_RABBITMQ_DIR" >&2
else
  cat "$results/broker.log" >&2
  echo "test.sh: no RabbitMQ broker could be started; the broker tests will fail" >&2
fi

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
