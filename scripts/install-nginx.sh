#!/usr/bin/env bash
# Installs nginx from Debian's packages, for the proxy suite's reference rows (scenario 8: nginx with proxy_cache
# beside designbench's proxy). The suite starts and stops its own nginx, with its own config, on loopback ports:
# the package's own service is kept from starting (policy-rc.d), so nothing listens on port 80 afterwards.
set -euo pipefail
nginx_bin=$(command -v nginx || true)
[[ -z $nginx_bin && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
if [[ -n $nginx_bin ]]; then
    "$nginx_bin" -v 2>&1
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
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends nginx
/usr/sbin/nginx -v 2>&1
