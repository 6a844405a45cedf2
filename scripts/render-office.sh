#!/usr/bin/env bash
# Renders GapKit's Word and Excel files with headless LibreOffice: a PDF of each, and PNG pages
# of the PDF (pdftoppm, poppler-utils), to look at what a client opens.
#
#   scripts/render-office.sh reports/acme/report.docx [reports/acme/report.xlsx ...] [--out DIR] [--pages N]
#
# Needs libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk (for
# Chinese); installs them with apt when missing and run as root. Writes DIR/NAME.pdf and
# DIR/NAME-EXT.pdf and DIR/NAME-EXT-N.png for the first N pages (default 3); DIR defaults to a
# render/ folder beside each file.
set -euo pipefail
files=(); out=""; pages=3
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --pages) pages=${2:?--pages needs a number}; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || { echo "usage: scripts/render-office.sh FILE.docx|FILE.xlsx... [--out DIR] [--pages N]" >&2; exit 64; }
for file in "${files[@]}"; do [ -f "$file" ] || { echo "render-office: no such file: $file" >&2; exit 66; }; done

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
# RENDER_OFFICE_NO_INSTALL=1 (CI) renders with what is there; Chinese may then lack its font.
if [ -n "${RENDER_OFFICE_NO_INSTALL:-}" ] && [ ${#need[@]} -gt 0 ]; then
  echo "render-office: not installing ${need[*]}" >&2
  need=()
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "render-office: please install ${need[*]}" >&2; exit 69
  fi
fi

# A profile of our own, so a LibreOffice already running (or its settings) does not interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for file in "${files[@]}"; do
  dir=${out:-$(dirname "$file")/render}
  mkdir -p "$dir"
  name=$(basename "$file"); stem=${name%.*}; ext=${name##*.}
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$dir" "$file" >/dev/null 2>&1
  pdf="$dir/$stem.pdf"
  [ -f "$pdf" ] || { echo "render-office: LibreOffice did not convert $file" >&2; exit 70; }
  # Word and Excel files of one report share a stem: keep both PDFs apart.
  mv "$pdf" "$dir/$stem-$ext.pdf"; pdf="$dir/$stem-$ext.pdf"
  count=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  pdftoppm -png -r 70 -f 1 -l "$pages" "$pdf" "$dir/$stem-$ext"
  echo "$pdf: ${count:-?} pages"
  ls "$dir/$stem-$ext"-*.png
done
