#!/usr/bin/env bash
# Installs Debian packages that ship a service (nginx, etcd-server) without starting it: designbench starts its own
# copies with its own configs, so nothing of the package's may listen afterwards. A policy-rc.d saying "exit 101"
# tells Debian's maintainer scripts not to start services; it is removed again when this script ends.
#   scripts/apt-install-quiet.sh PACKAGE...
set -euo pipefail
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    trap '$sudo_cmd rm -f "$policy"' EXIT
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null
    $sudo_cmd chmod +x "$policy"
fi
$sudo_cmd apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "$@"
