#!/usr/bin/env bash
# Validate the desktop integration files with the freedesktop tools: the .desktop entry,
# the AppStream metainfo (offline), and the shared-mime-info type for .annot bundles
# (compiled into a scratch database, then a bundle with no suffix must be recognised by
# its content). `make test` runs this through tests/packaging/test_packaging.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
desktop-file-validate "$here/annotator.desktop"
appstreamcli validate --no-net --pedantic "$here/annotator.metainfo.xml"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/mime/packages"
cp "$here/annotator-mime.xml" "$scratch/mime/packages/"
update-mime-database "$scratch/mime" 2>/dev/null
grep -q '^application/vnd.annotator.bundle+zip$' "$scratch/mime/types"
echo "packaging files valid"
