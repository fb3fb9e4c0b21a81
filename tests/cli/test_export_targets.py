"""Issue 13 items 1, 2, 18, 19: an export never replaces the library, a device or a folder.

Every case runs the real command in a child process, as the hostile tester did.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.errors import ExportError
from annotator.services.exporting import export
from annotator.store import Store
from tests.cli.cli_process import assert_one_line_error, run_annotator, run_json


def _library(home: Path) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = run_json(home, "documents", "--json")
    return listed


def test_export_onto_every_file_of_the_data_folder_is_refused(
    annotator_home: Path, imported: str
) -> None:
    before = _library(annotator_home)
    assert before[0]["annotations"] == 1
    data = annotator_home / "data"
    files = sorted(p for p in data.rglob("*") if p.is_file())
    assert data / "annotator.db" in files and len(files) >= 2, files  # the library, a backup
    for target in files:
        content = target.read_bytes()
        done = run_annotator(annotator_home, "export", imported, "-f", "md", "-o", target)
        assert_one_line_error(done)
        assert "inside Annotator's data folder" in done.stderr
        assert target.read_bytes() == content, target
    assert _library(annotator_home) == before


@pytest.mark.parametrize("folder", ["config", "state", "data/backups"])
def test_new_files_inside_the_app_folders_are_refused(
    annotator_home: Path, imported: str, folder: str
) -> None:
    target = annotator_home / folder / "summary.md"
    done = run_annotator(annotator_home, "export", imported, "-o", target)
    assert_one_line_error(done)
    assert not target.exists()


def test_links_to_the_library_are_refused(
    annotator_home: Path, imported: str, tmp_path: Path
) -> None:
    database = annotator_home / "data" / "annotator.db"
    symlink = tmp_path / "library.md"
    symlink.symlink_to(database)
    hardlink = tmp_path / "hard.md"
    os.link(database, hardlink)
    content = database.read_bytes()
    for target in (symlink, hardlink):
        assert_one_line_error(run_annotator(annotator_home, "export", imported, "-o", target))
    assert database.read_bytes() == content
    assert _library(annotator_home)[0]["annotations"] == 1


def test_a_library_outside_the_data_folder_is_protected_while_open(
    tmp_path: Path, sample_path: Path
) -> None:
    from annotator.importers import import_path
    from annotator.services.library import Library

    database = tmp_path / "elsewhere" / "mine.db"
    with Store.open(database) as store:
        doc = Library(store).add(import_path(sample_path), str(sample_path))
        for suffix in ("", "-wal"):
            target = database.with_name(database.name + suffix)
            if not target.exists():
                continue
            with pytest.raises(ExportError, match="library"):
                export(doc, "md", target, store=store)
        assert Library(store).documents()[0].id == doc


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (7): a failing test must never
    replace the machine's own node, and as root it could. Others cannot replace /dev/*."""
    if os.geteuid() != 0:
        return Path("/dev") / name
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


@pytest.mark.parametrize(("name", "minor"), [("null", 3), ("full", 7)])
def test_a_device_is_never_replaced(
    annotator_home: Path, imported: str, tmp_path: Path, name: str, minor: int
) -> None:
    device = _device(tmp_path, name, minor)
    done = run_annotator(annotator_home, "export", imported, "-f", "md", "-o", device)
    if name == "null":
        assert done.returncode == 0, done.stderr
    else:
        assert_one_line_error(done)  # "No space left on device", said in one line
    assert stat.S_ISCHR(device.stat().st_mode), f"{device} is no longer a device"


def test_a_folder_or_fifo_is_refused(annotator_home: Path, imported: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for target in (tmp_path, fifo):
        done = run_annotator(annotator_home, "export", imported, "-f", "md", "-o", target,
                             timeout=30)
        assert_one_line_error(done)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("length", [240, 250, 255])
def test_long_file_names_are_written(
    annotator_home: Path, imported: str, tmp_path: Path, length: int
) -> None:
    target = tmp_path / ("n" * (length - 3) + ".md")
    assert len(target.name) == length
    done = run_annotator(annotator_home, "export", imported, "-o", target)
    assert done.returncode == 0, done.stderr
    assert "kept" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_killed_exports_part_file_is_removed_by_the_next_run(
    annotator_home: Path, imported: str, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    # A writer that dies holding its temp file, as `kill -9` during an export leaves it.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    part = tmp_path / f".summary.md.{child.pid}-abcd1234.part"
    part.write_bytes(b"half")
    live = tmp_path / f".summary.md.{os.getpid()}-efgh5678.part"
    live.write_bytes(b"a concurrent export in progress")
    child.send_signal(signal.SIGKILL)
    child.wait()
    time.sleep(0.05)
    done = run_annotator(annotator_home, "export", imported, "-o", target)
    assert done.returncode == 0, done.stderr
    assert not part.exists(), "the dead writer's .part file was left behind"
    assert live.exists(), "a live writer's file was removed"
    assert target.read_text(encoding="utf-8").startswith("#")
