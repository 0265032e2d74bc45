#!/usr/bin/env bash
# Renders a report.html (or any page) to a PNG the size of an A4 page at 150 dpi, with Debian's
# headless Chromium, to look at what the office will print:
#   scripts/screenshot.sh out/2023-04/report.html /tmp/report.png [height]
# Installs chromium and the Noto CJK fonts when they are missing (Debian, as root or with sudo).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [HEIGHT_PX]" >&2
  exit 2
fi
input=$1
output=$2
height=${3:-1754}

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Serif CJK"; then
  SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk
fi

path=$(realpath "$input")
output_path=$(realpath -m "$output")
# A private profile, so that the run neither needs nor touches a user's browser profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$output_path" --window-size="1240,$height" "file://$path" 2>/dev/null
echo "$output_path"
