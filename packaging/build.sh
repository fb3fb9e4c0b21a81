#!/usr/bin/env bash
# Build the one-folder app with PyInstaller, then prove it runs: `--version`, a CLI
# command on the bundled sample, and an offscreen start of the window that paints and quits.
# Usage: packaging/build.sh [PYTHON]   (default: .venv/bin/python; needs `pip install pyinstaller`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
python="${1:-$root/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$work/build" "$here/annotator.spec"
app="$root/dist/annotator/annotator"

"$app" --version
home="$work/home"
ANNOTATOR_HOME="$home" "$app" info --json >/dev/null
sample="$root/src/annotator/resources/samples/us-china-cooperation.txt"
ANNOTATOR_HOME="$home" "$app" areas "$sample" --json | "$python" -c \
    'import json, sys; spans = json.load(sys.stdin); assert spans, "no areas found"'
# The window opens its library after the first paint; once the library file exists the
# window is up, and SIGTERM must close it cleanly (exit 0).
gui_home="$work/gui-home"
ANNOTATOR_HOME="$gui_home" QT_QPA_PLATFORM=offscreen "$app" "$sample" &
pid=$!
for _ in $(seq 600); do
    [ -f "$gui_home/data/annotator.db" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the window exited early" >&2; exit 1; }
    sleep 0.1
done
[ -f "$gui_home/data/annotator.db" ] || { echo "the window never opened its library" >&2; exit 1; }
sleep 1
kill -TERM "$pid"
wait "$pid"
echo "frozen build OK: $app"
