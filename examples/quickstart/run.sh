#!/usr/bin/env bash
# The Kelos quickstart: one Task, end to end, on this machine, offline. Needs only the .NET SDK and git.
#
# It builds the kelos CLI, makes a small local git repository to play the remote, and runs a Task whose
# agent is ./agent.sh (a custom agent that follows the agent interface) on embedded defaults: the state
# directory ~/.kelos (or $KELOS_STATE_DIR), the in-memory bus, the agent as a local process, sandboxed
# with bubblewrap when it is installed. The Task ends Succeeded with its branch, commit and answer shown,
# and the branch is on the remote.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${KELOS_QUICKSTART_DIR:-$root/.cache/quickstart}"

echo "==> building kelos" >&2
dotnet build "$root/src/Kelos.Cli" -c Release -o "$root/.cache/kelos" -nologo -v quiet >&2
kelos="$root/.cache/kelos/kelos"

echo "==> making a local repository to work on: $work/remote.git" >&2
rm -rf "$work" && mkdir -p "$work"
git init -q --bare -b main "$work/remote.git"
git clone -q "$work/remote.git" "$work/seed" 2>/dev/null
git -C "$work/seed" -c user.name=Quickstart -c user.email=quickstart@localhost commit -q --allow-empty -m "Initial commit"
git -C "$work/seed" push -q origin HEAD:main

name="quickstart-$(date +%Y%m%d-%H%M%S)"
echo "==> kelos run --name $name --watch" >&2
"$kelos" run --name "$name" \
  --repo "$work/remote.git" \
  --image "$here/agent.sh" \
  --prompt "Add a short greeting file" \
  --watch

echo >&2
echo "==> the branch on the remote:" >&2
git -C "$work/remote.git" log --oneline "kelos/$name"
