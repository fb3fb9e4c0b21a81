"""A damaged database is detected at open, moved aside (never deleted), backup offered."""

from __future__ import annotations

import random
import sqlite3
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.importers import import_bytes
from annotator.services.library import Library
from annotator.store import (
    CorruptDatabaseError,
    Store,
    list_backups,
    newest_good_backup,
    restore_backup,
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zero_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(16) + data[16:])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _png_renamed(path: Path) -> None:
    path.write_bytes(_png())


def _scribble_after_page_1(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for page_start in range(4096, len(data), 4096):
        for offset in range(page_start, min(len(data), page_start + 4096), 8):
            data[offset] = rng.randrange(256)
    path.write_bytes(bytes(data))


VARIANTS: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "zeroed-header": _zero_header,
    "0-byte": _empty,
    "png-renamed": _png_renamed,
    "scribbled": _scribble_after_page_1,
}


def _populated(path: Path, documents: int) -> None:
    with Store.open(path) as store:
        library = Library(store)
        for i in range(documents):
            library.add(import_bytes(f"document {i} ".encode() * 400, f"d{i}.txt"))
        store.backup()


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so damage to the file is damage to the data."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize("damage", VARIANTS.values(), ids=VARIANTS.keys())
def test_damaged_file_is_moved_aside_and_backup_offered(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "annotator.db"
    _populated(path, documents=20)
    _checkpoint(path)
    damage(path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)

    error = caught.value
    assert not path.exists()
    assert error.moved_to.read_bytes() == damaged_bytes, "the damaged file is kept as it was"
    assert error.backup is not None and error.backup in list_backups(path)
    message = str(error)
    assert str(path) in message and str(error.backup) in message and "\n" not in message

    restore_backup(error.backup, path)
    with Store.open(path) as store:
        assert len(Library(store).documents()) == 20


def test_no_backup_means_next_start_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    path.write_bytes(_png())
    with pytest.raises(CorruptDatabaseError, match="no good backup") as caught:
        Store.open(path)
    assert caught.value.backup is None
    with Store.open(path) as store:
        assert Library(store).documents() == []


def test_damaged_backups_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    _populated(path, documents=1)
    good = list_backups(path)[0]
    with Store.open(path) as store:
        newest = store.backup()
    newest.write_bytes(b"garbage")
    assert newest_good_backup(path) == good


def test_restore_refuses_a_bad_backup(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(_png())
    with pytest.raises(Exception, match="not an SQLite database"):
        restore_backup(bad, tmp_path / "annotator.db")


def test_backups_rotate_keeping_n(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        made = [store.backup(keep=3) for _ in range(6)]
    routine = [b for b in list_backups(path) if b.stem.endswith("routine")]
    assert routine == sorted(made[-3:], reverse=True)
    for backup in routine:
        conn = sqlite3.connect(backup)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
