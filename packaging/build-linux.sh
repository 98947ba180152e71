#!/usr/bin/env bash
# Build the one-folder Linux app with PyInstaller and check that it starts.
#
#   packaging/build-linux.sh [--python PY] [--dist DIR] [--no-check]
#
# PY (default: .venv/bin/python, else python3) must have the project and PyInstaller installed
# (`pip install -e . pyinstaller`). The app lands in DIR/digest-reader/ (default DIR: dist);
# digest-reader/digest-reader is the command line and, without a command, the window.
# Unless --no-check: the built app prints its version, imports a sample issue into a throw-away
# library, searches it, and opens and closes the window offscreen (exit 1 if any step fails).
# Desktop integration (per user): packaging/install-desktop.sh DIR/digest-reader.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python="$root/.venv/bin/python"
[ -x "$python" ] || python=python3
dist="$root/dist"
check=1
while [ $# -gt 0 ]; do
    case "$1" in
        --python) python=$2; shift 2 ;;
        --dist) dist=$2; shift 2 ;;
        --no-check) check=0; shift ;;
        *) echo "usage: $0 [--python PY] [--dist DIR] [--no-check]" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work/build" packaging/digest-reader.spec
app="$dist/digest-reader/digest-reader"
echo "built $app ($(du -sh "$dist/digest-reader" | cut -f1))"
[ "$check" = 1 ] || exit 0
"$root/packaging/check-app.sh" "$app" "$dist/digest-reader/_internal/sample_issues"
