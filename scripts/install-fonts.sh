#!/usr/bin/env bash
# Installs a font and fontconfig from Debian's packages when the machine has none: the charts (JFreeChart, headless)
# need one font to draw their text. A server image without fonts otherwise fails the chart tests.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list 2>/dev/null | head -1)" ]]; then
    echo "fonts: $(fc-list | wc -l) installed"
    exit 0
fi
bash "$(dirname "$0")/apt-install-quiet.sh" fontconfig fonts-dejavu-core
echo "fonts: $(fc-list | wc -l) installed"
