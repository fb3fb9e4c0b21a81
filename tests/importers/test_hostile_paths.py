"""Issue 13 items 12 and 16: no path hangs an import, and binaries are judged by their
full signature after decoding, not by two letters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import ImportRejected
from annotator.importers import import_bytes, import_path
from annotator.importers.decoding import MAX_BYTES, read_file


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportRejected, match=r"is a pipe \(FIFO\), not a document file"):
        import_path(fifo)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    with pytest.raises(ImportRejected, match="is a device, not a document file"):
        import_path(Path(device))


@pytest.mark.timeout(10)
def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    with pytest.raises(ImportRejected, match="is a device"):
        import_path(link)


@pytest.mark.timeout(30)
def test_cli_import_of_a_fifo_exits_2_with_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    env = {**os.environ, "ANNOTATOR_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(fifo)],
        capture_output=True, text=True, env=env, timeout=25, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "pipe (FIFO)" in done.stderr
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.db"))


def test_reads_are_capped_even_when_the_size_lies(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"a" * 1000)
    assert read_file(exact) == b"a" * 1000
    assert MAX_BYTES >= 32 * 1024 * 1024


def test_utf8_text_starting_with_mz_is_text() -> None:
    document = import_bytes(b"MZ Kelly on the harbour\n\nShe sailed at dawn.", "mz.txt")
    assert document.metadata.title == "MZ Kelly on the harbour"


def test_a_real_windows_program_is_refused() -> None:
    header = bytearray(b"MZ" + b"\x90" * 0x3A + (0x80).to_bytes(4, "little"))
    header += b"\x00" * (0x80 - len(header)) + b"PE\x00\x00" + b"\x4c\x01"
    with pytest.raises(ImportRejected, match="looks like a Windows program"):
        import_bytes(bytes(header), "setup.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
    ],
)
def test_binary_signatures_are_named(data: bytes, what: str) -> None:
    with pytest.raises(ImportRejected, match=f"looks like {what}"):
        import_bytes(data, "renamed.md")


def test_text_that_merely_starts_like_a_signature_is_text() -> None:
    for data in (b"GIF8 is not a format name\n\nbody", b"%PDF- is how PDFs begin\n\nbody",
                 b"BZh9 and MZ are initials\n\nbody"):
        assert import_bytes(data, "a.txt").text.endswith("body")


def test_utf16_without_bom_is_read_in_both_byte_orders() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        data = "Título\n\nTexto en español.".encode(encoding)
        assert import_bytes(data, "u.txt").metadata.title == "Título"
