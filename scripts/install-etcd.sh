#!/usr/bin/env bash
# Installs etcd from Debian's packages (etcd-server), for the CAP suite's CP store. The suite starts and stops its
# own three members, each in a network namespace of its own: the package's own service is kept from starting
# (policy-rc.d), so nothing listens on port 2379 afterwards.
set -euo pipefail
etcd_bin=$(command -v etcd || true)
if [[ -n $etcd_bin ]]; then
    "$etcd_bin" --version | head -1
    exit 0
fi
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    # "exit 101" tells Debian's maintainer scripts not to start services; removed again when this script ends.
    trap '$sudo_cmd rm -f "$policy"' EXIT
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null
    $sudo_cmd chmod +x "$policy"
fi
$sudo_cmd apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends etcd-server iproute2
etcd --version | head -1
