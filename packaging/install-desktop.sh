#!/usr/bin/env bash
# Per-user desktop integration on Linux: menu entry, icons, "Open with Digest Reader" for PDFs
# and the digest-reader:// link handler.
#
#   packaging/install-desktop.sh [APP_DIR]
#
# APP_DIR is a PyInstaller build (dist/digest-reader); without it the digest-reader on PATH
# (pip install) is used. Installs into ${XDG_DATA_HOME:-~/.local/share}; run as root with
# XDG_DATA_HOME=/usr/local/share for everyone. Undo by deleting the files it lists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ $# -ge 1 ]; then
    exe=$(cd "$1" && pwd)/digest-reader
    mkdir -p "$HOME/.local/bin"
    ln -sf "$exe" "$HOME/.local/bin/digest-reader"
    echo "$HOME/.local/bin/digest-reader -> $exe"
fi
for size in 16 32 48 64 128 256 512; do
    dir="$data/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    install -m 644 "$root/resources/icons/digest-reader-$size.png" "$dir/digest-reader.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps" "$data/applications" "$data/metainfo"
install -m 644 "$root/resources/icons/digest-reader.svg" "$data/icons/hicolor/scalable/apps/digest-reader.svg"
install -m 644 "$here/digest-reader.desktop" "$data/applications/digest-reader.desktop"
install -m 644 "$here/io.github.digestreader.DigestReader.metainfo.xml" "$data/metainfo/"
echo "installed menu entry, icons and metainfo under $data"
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$data/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t "$data/icons/hicolor" || true; fi
if command -v xdg-mime >/dev/null; then
    # the link handler only; PDFs get "Open with Digest Reader" without changing the default viewer
    xdg-mime default digest-reader.desktop x-scheme-handler/digest-reader || true
fi
