#!/usr/bin/env bash
# Regenerates the README's screenshots the way CI checks the window: the real window on Xvfb,
# running the bundled offline demo (tests/ui/tst_realwindow.cpp saves what the X server shows).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target tst_realwindow
TITLEWAVE_SCREENSHOT_DIR="$PWD/packaging/screenshots" QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1600x1000x24" build/dev/tests/ui/tst_realwindow
echo "updated packaging/screenshots/main-window.png, main-window-1100.png, main-window-fr.png and main-window-failures.png"
