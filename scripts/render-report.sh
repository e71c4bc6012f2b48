#!/usr/bin/env bash
# Renders a study's HTML report to PNG with headless Chromium, for a visual check of the layout
# and the inline SVG plots.
#
# Usage: scripts/render-report.sh [REPORT_HTML] [OUTPUT_PNG]
#   defaults: out/sales-training/report.html → out/sales-training/report.png
# Runs `impact run Examples/studies/sales-training.yml` first when the default report is missing.
# Installs the `chromium` package with apt-get when no Chromium binary is found (needs root or sudo).
set -euo pipefail

cd "$(dirname "$0")/.."
report="${1:-out/sales-training/report.html}"
png="${2:-${report%.html}.png}"

if [[ ! -f "$report" ]]; then
  if [[ "$report" == "out/sales-training/report.html" ]]; then
    swift run impact run Examples/studies/sales-training.yml
  else
    echo "error: $report does not exist; run 'impact run STUDY.yml' first." >&2
    exit 1
  fi
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [[ -z "$browser" ]]; then
  echo "Chromium not found; installing the 'chromium' package with apt-get." >&2
  sudo_cmd=""
  if [[ "$(id -u)" != "0" ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  browser=chromium
fi

# A tall window captures the whole single-column report (one with every section is about 9,000 px); --no-sandbox is needed when running as root
# (containers, CI), and --disable-gpu avoids GPU probing on machines without a display.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,16000 \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$report")" 2>/dev/null
# The window is taller than most reports: cut the blank page below the last row with any ink,
# when Python with Pillow is at hand (otherwise the PNG keeps its white tail).
if python3 -c "import PIL" >/dev/null 2>&1; then
  python3 - "$png" <<'PY'
import sys
from PIL import Image, ImageOps
path = sys.argv[1]
image = Image.open(path).convert("RGB")
box = ImageOps.invert(image).getbbox()  # bounding box of the non-white pixels
if box:
    image.crop((0, 0, image.width, min(image.height, box[3] + 40))).save(path)
PY
fi
echo "PNG: $png"
