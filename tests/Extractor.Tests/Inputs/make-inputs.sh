#!/usr/bin/env bash
# Bad inputs for the error-class tests that cannot be made in the test itself.
# encrypted-seed.pdf: the Calc fixture encrypted with a user password by qpdf (Debian package qpdf).
# image-only-seed.pdf: a page with no text layer, as a scan is: page 2 (GK01) of the Calc fixture rendered to a
#   grey PNG by pdftoppm (poppler-utils), then printed to PDF by headless Chromium (chromium) from an HTML page that
#   holds only that image. pdffonts lists no font and pdftotext gives no text.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seed="$here/../../../fixtures/seed-calc/seed-calc.pdf"
qpdf --encrypt secret-user secret-owner 256 -- "$seed" "$here/encrypted-seed.pdf"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -r 60 -gray -png -f 2 -l 2 -singlefile "$seed" "$work/scan"
cat > "$work/scan.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;display:block}</style></head><body><img src="scan.png"></body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$here/image-only-seed.pdf" "$work/scan.html" 2>/dev/null
test -z "$(pdffonts "$here/image-only-seed.pdf" | tail -n +3)"
test -z "$(pdftotext "$here/image-only-seed.pdf" - | tr -d '[:space:]\f')"
