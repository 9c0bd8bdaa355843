#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Re-renders the committed hicolor PNGs from the hand-written SVG. Run by hand after editing the
# SVG (needs rsvg-convert, Debian package librsvg2-bin); the build never renders, so CI needs no
# SVG renderer.
set -euo pipefail
cd "$(dirname "$0")"
id=org.titlewave.Titlewave
for size in 16 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$id.svg" -o "hicolor/${size}x${size}/apps/$id.png"
done
echo "rendered hicolor PNGs from $id.svg"
