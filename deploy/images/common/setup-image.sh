#!/bin/sh
# Build-time setup every agent image shares, run as root by each agent Dockerfile right after it copies common/:
# git, gh, tini and certificates (plus the packages given as arguments), the user kelos (UID/GID 61100) whose home is
# the pod's HOME (/home/agent: PodLayout.HomeDir decides, tests/Kelos.Images.Tests holds this file to it), a user bin
# directory, /workspace, and /kelos_entrypoint.sh. Each Dockerfile adds only its CLI and its environment.
set -eu
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git gh tini ca-certificates openssh-client "$@"
rm -rf /var/lib/apt/lists/*
groupadd --gid 61100 kelos
useradd --uid 61100 --gid 61100 --home-dir /home/agent --create-home --shell /bin/bash kelos
mkdir -p /home/agent/.local/bin /workspace
chown -R 61100:61100 /home/agent /workspace
chmod 0755 /kelos/kelos_entrypoint.sh
ln -s /kelos/kelos_entrypoint.sh /kelos_entrypoint.sh
