#!/usr/bin/env bash
# Smoke test of an installed or frozen digest-reader: version, CLI on the sample issues, window.
#
#   packaging/check-app.sh DIGEST_READER_EXECUTABLE SAMPLES_DIR
#
# Everything runs in a throw-away library, config and log folder with QT_QPA_PLATFORM=offscreen.
# The window check uses the first-paint hook of reader.app.main: DIGEST_READER_READY_FILE gets
# the time of the first paint and DIGEST_READER_QUIT_WHEN_READY=1 quits right after it.
set -euo pipefail
app=$1
samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen
export DIGEST_READER_CONFIG_DIR="$tmp/config" DIGEST_READER_LOG_DIR="$tmp/logs"
unset DIGEST_READER_LIBRARY
lib="$tmp/library"
step() { echo "check-app: $*"; }

step "version"
"$app" --version | grep -q '^digest-reader [0-9]'

step "import the sample issues from $samples"
"$app" --library "$lib" import --json "$samples" > "$tmp/import.json"
imported=$(grep -o '"outcome": "imported"' "$tmp/import.json" | wc -l)
[ "$imported" -ge 10 ] || { echo "only $imported sample issues imported" >&2; cat "$tmp/import.json" >&2; exit 1; }

step "list --json and search"
"$app" --library "$lib" list --json > "$tmp/list.json"
grep -q '"series": "The Fieldnote Brief"' "$tmp/list.json"
"$app" --library "$lib" search --json 'harbour OR grid' > "$tmp/search.json"
grep -q '"item_id"' "$tmp/search.json"

step "open a sample PDF by path and an item by link (no window)"
"$app" --library "$lib" --no-window "$samples/fieldnote-17.pdf" | grep -q '^issue [0-9]'
"$app" --library "$lib" --no-window 'digest-reader://open?item=1' | grep -q '^issue [0-9]* item 1$'

step "start the window offscreen and quit after the first paint"
DIGEST_READER_READY_FILE="$tmp/ready" DIGEST_READER_QUIT_WHEN_READY=1 \
    timeout 120 "$app" --library "$lib" 'digest-reader://open?item=2'
[ -s "$tmp/ready" ] || { echo "the window never painted" >&2; exit 1; }
[ -s "$tmp/logs/digest-reader.log" ] || { echo "no log file written" >&2; exit 1; }
step "ok"
