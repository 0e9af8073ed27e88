#!/usr/bin/env bash
# The whole benchmark in one go, tables in markdown on stdout (progress on stderr):
#   1. the ceiling: a bare ASP.NET Core endpoint that only checks the HMAC;
#   2. kelos serve with the in-memory bus;
#   3. raw RabbitMQ.Client publish-with-confirm on a private broker (scripts/rabbitmq.sh);
#   4. kelos serve with the bus on that broker;
#   5. kelos serve on that broker all the way to Tasks: time to the 202 and from delivery to Task created.
# Arguments go to every rate sweep (e.g. --rates 100,500,2000 --seconds 5). KELOS_BENCH_KELOS_DLL names a kelos.dll
# to measure instead of building src/Kelos.Cli here. The broker is stopped and removed at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build bench/Kelos.Benchmarks -c Release -nologo -v quiet >&2
kelos="${KELOS_BENCH_KELOS_DLL:-}"
if [ -z "$kelos" ]; then
  dotnet build src/Kelos.Cli -c Release -nologo -v quiet >&2
  kelos=src/Kelos.Cli/bin/Release/net10.0/kelos.dll
fi
bench=bench/Kelos.Benchmarks/bin/Release/net10.0/kelos-bench

"$bench" ceiling "$@"
"$bench" serve --bus memory --kelos "$kelos" "$@"

broker="$(scripts/rabbitmq.sh start)"
eval "$broker"
trap 'scripts/rabbitmq.sh stop "$KELOS_RABBITMQ_DIR"' EXIT
"$bench" rabbitmq
"$bench" serve --bus rabbitmq --kelos "$kelos" "$@"
"$bench" tasks --bus rabbitmq --kelos "$kelos" "$@"
