#!/usr/bin/env bash
# Installs the system packages Kelos's tests need on a fresh Debian machine: git (workspaces) and
# bubblewrap (the agent sandbox). Does nothing for packages already present.
# Also podman (runc, catatonit for pods) and debootstrap (KELOS_PODMAN=0 leaves them out), for the container test in
# tests/Kelos.Images.Tests (podman kube play of the agent pod); without them that test is skipped, unless
# KELOS_REQUIRE_PODMAN=1 makes it fail instead.
set -euo pipefail

need=()
command -v git >/dev/null 2>&1 || need+=(git)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v setsid >/dev/null 2>&1 || need+=(util-linux)
if [ "${KELOS_PODMAN:-1}" = 1 ]; then
  command -v podman >/dev/null 2>&1 || need+=(podman)
  command -v runc >/dev/null 2>&1 || need+=(runc)
  command -v catatonit >/dev/null 2>&1 || need+=(catatonit)
  command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
  else
    sudo=
  fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi

# kubectl renders deploy/ (`kubectl kustomize`, tests/Kelos.Core.Tests/Deploy). It is not installed here: every
# machine image of this project ships it (package kubectl, from the Google Cloud SDK apt repository, which these
# machines cannot reach), and Debian's own kubernetes-client (1.20) carries a kustomize too old for deploy/. Where it
# is missing, say so now; the deploy tests then fail with the same advice.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "warning: kubectl is not on PATH; the deploy/ tests will fail. Install kubectl 1.27 or later." >&2
fi
