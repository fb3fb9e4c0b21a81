"""Desktop integration files validate with the freedesktop tools, and an `.annot` bundle is
recognised by its content through the shared-mime-info type (packaging/validate.sh).

`make test` installs desktop-file-utils, appstream and shared-mime-info, so a missing tool
fails here rather than skipping.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
BUNDLE_TYPE = "application/vnd.annotator.bundle+zip"


def test_desktop_metainfo_and_mime_files_validate() -> None:
    run = subprocess.run(["bash", str(PACKAGING / "validate.sh")], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "packaging files valid" in run.stdout


def test_the_desktop_entry_opens_what_the_importers_read() -> None:
    entry = (PACKAGING / "annotator.desktop").read_text(encoding="utf-8")
    [mime_line] = [line for line in entry.splitlines() if line.startswith("MimeType=")]
    types = set(mime_line.removeprefix("MimeType=").strip(";").split(";"))
    assert {"text/plain", "text/markdown", BUNDLE_TYPE} <= types


def _mime_database(tmp_path: Path) -> Path:
    data = tmp_path / "xdg"
    (data / "mime" / "packages").mkdir(parents=True)
    (data / "mime" / "packages" / "annotator.xml").write_bytes(
        (PACKAGING / "annotator-mime.xml").read_bytes())
    subprocess.run(["update-mime-database", str(data / "mime")], check=True,
                   capture_output=True, timeout=60)
    return data


def _detected_type(data_dir: Path, path: Path) -> str:
    probe = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
             "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())\n")
    run = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                         text=True, timeout=60, check=True,
                         env={**os.environ, "XDG_DATA_DIRS": str(data_dir)})
    return run.stdout.strip()


def test_a_bundle_is_recognised_by_its_content_and_by_its_name(tmp_path: Path) -> None:
    data_dir = _mime_database(tmp_path)
    unnamed = tmp_path / "handed-in"
    with zipfile.ZipFile(unnamed, "w") as bundle:
        bundle.writestr(zipfile.ZipInfo("mimetype"), BUNDLE_TYPE,
                        compress_type=zipfile.ZIP_STORED)
        bundle.writestr("META-INF/manifest.json", "{}", compress_type=zipfile.ZIP_DEFLATED)
    assert _detected_type(data_dir, unnamed) == BUNDLE_TYPE
    plain_zip = tmp_path / "other"
    with zipfile.ZipFile(plain_zip, "w") as other:
        other.writestr("readme.txt", "not a bundle")
    assert _detected_type(data_dir, plain_zip) == "application/zip"
    named = tmp_path / "class notes.annot"
    named.write_bytes(plain_zip.read_bytes())  # written by another tool: the suffix decides
    assert _detected_type(data_dir, named) == BUNDLE_TYPE
