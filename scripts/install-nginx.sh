#!/usr/bin/env bash
# Installs nginx from Debian's packages, for the proxy suite's reference rows (scenario 8: nginx with proxy_cache
# beside designbench's proxy). The suite starts and stops its own nginx, with its own config, on loopback ports:
# the package's own service is kept from starting (apt-install-quiet.sh), so nothing listens on port 80 afterwards.
set -euo pipefail
nginx_bin=$(command -v nginx || true)
[[ -z $nginx_bin && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
if [[ -n $nginx_bin ]]; then
    "$nginx_bin" -v 2>&1
    exit 0
fi
bash "$(dirname "$0")/apt-install-quiet.sh" nginx
/usr/sbin/nginx -v 2>&1
