#!/usr/bin/env bash
# Renders a GapKit HTML report with headless Chromium: a PNG of the first page (as a client
# sees it on screen) and the PDF that "Print → Save as PDF" gives, A4.
#
#   scripts/render-report.sh reports/acme/report.html [OUT_DIR]
#
# Needs chromium and fonts-noto-cjk (for Chinese reports); installs them with apt when missing
# and run as root. pdftoppm (poppler-utils), when present, also writes one PNG per PDF page.
set -euo pipefail
html=${1:?usage: scripts/render-report.sh REPORT.html [OUT_DIR]}
out=${2:-$(dirname "$html")/render}
[ -f "$html" ] || { echo "render-report: no such file: $html" >&2; exit 66; }

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "render-report: please install ${need[*]}" >&2; exit 69
  fi
fi

mkdir -p "$out"
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --run-all-compositor-stages-before-draw --virtual-time-budget=5000)
# 794 × 1123 CSS pixels is A4 at 96 dpi; scale 2 gives a sharp 1588 × 2246 picture.
chromium "${flags[@]}" --window-size=794,1123 --force-device-scale-factor=2 \
  --screenshot="$out/first-page.png" "$url" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "$url" 2>/dev/null
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$out/report.pdf" "$out/page"
fi
echo "$out/first-page.png"
echo "$out/report.pdf"
