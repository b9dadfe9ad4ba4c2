#!/usr/bin/env bash
# Installs etcd from Debian's packages (etcd-server), for the CAP suite's CP store, and iproute2 for its network
# namespaces. The suite starts and stops its own three members, each in a network namespace of its own: the
# package's own service is kept from starting (apt-install-quiet.sh), so nothing listens on port 2379 afterwards.
set -euo pipefail
if command -v etcd >/dev/null 2>&1; then
    etcd --version | sed -n 1p  # sed reads all of it: head would close the pipe early (SIGPIPE under pipefail)
    exit 0
fi
bash "$(dirname "$0")/apt-install-quiet.sh" etcd-server iproute2
etcd --version | sed -n 1p
