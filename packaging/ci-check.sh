#!/usr/bin/env bash
# CI packaging checks (called by .ci/run after the test suite; also fine to run by hand):
#   1. python -m build: an sdist, then a wheel built FROM that sdist (proves the sdist is complete);
#   2. the wheel installed into another clean virtualenv, run from outside the checkout:
#      --version, the CLI on the sample issues shipped in the wheel, window start-and-quit;
#   3. unless DIGEST_READER_SKIP_FROZEN=1: the PyInstaller one-folder app, built and checked the
#      same way (packaging/build-linux.sh).
#
#   packaging/ci-check.sh PYTHON      (PYTHON: a virtualenv's python with the project installed)
set -euo pipefail
python=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s; }
t0=$(now)

echo "packaging: building sdist and wheel"
"$python" -m pip install --quiet build 2> /dev/null
"$python" -m build --outdir "$tmp/dist" "$root" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
wheel=$(ls "$tmp"/dist/digest_reader-*.whl)
ls "$tmp"/dist/digest_reader-*.tar.gz > /dev/null

echo "packaging: installing $(basename "$wheel") into a clean virtualenv"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet "$wheel" > "$tmp/pip.log" 2>&1 || { cat "$tmp/pip.log"; exit 1; }
cd "$tmp"  # away from the checkout: everything must come from the installed wheel
samples=$("$tmp/venv/bin/python" -c "from reader.core.paths import bundled_samples_dir as d; print(d())")
resources=$("$tmp/venv/bin/python" -c "from reader.core.paths import resources_dir as d; print(d())")
for folder in "$samples" "$resources"; do
    case "$folder" in
        "$tmp/venv/"*) ;;
        *) echo "data folder not found inside the installed package (got $folder)" >&2; exit 1 ;;
    esac
done
for file in templates/issue.md.j2 gazetteers/places.txt help/query-language.md icons/digest-reader-256.png; do
    [ -s "$resources/$file" ] || { echo "missing from the wheel: reader/resources/$file" >&2; exit 1; }
done
"$root/packaging/check-app.sh" "$tmp/venv/bin/digest-reader" "$samples"
t1=$(now)
echo "packaging: wheel checks took $((t1 - t0)) s"

if [ "${DIGEST_READER_SKIP_FROZEN:-0}" != 1 ]; then
    echo "packaging: building the PyInstaller one-folder app"
    "$python" -m pip install --quiet pyinstaller 2> /dev/null
    "$root/packaging/build-linux.sh" --python "$python" --dist "$tmp/frozen" 2>&1 \
        | grep -v -e "WARNING: Library not found" -e "required via ctypes not found" -e " INFO: "
    echo "packaging: frozen app checks took $(($(now) - t1)) s"
fi
