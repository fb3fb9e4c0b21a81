"""Issue 13 items 7, 11, 17, 20: hostile text in arguments, documents and terminals.

Real `annotator` processes: undecodable argv bytes, Ctrl+C mid-command, escape
sequences in titles and notes, decomposed Unicode in quotes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import psutil
import pytest

from tests.cli.cli_process import assert_one_line_error, run_annotator

BAD = b"\xff\xfe"


@pytest.mark.parametrize(
    "args",
    [
        ["highlight", "{doc}", "--quote", b"Chin\xff"],
        ["highlight", "{doc}", "--quote", "China", "--note", b"note \xff"],
        ["highlight", "{doc}", "--quote", "China", "--tag", b"t\xff"],
        ["highlight", b"6f\xff", "--quote", "China"],
        ["identity", "--name", b"Ada \xff"],
        ["search", b"coop\xff"],
        ["export", "{doc}", "-o", "out.md", "--tags", b"t\xff"],
        ["export", "{doc}", "-o", "out.md", "--authors", b"a\xff"],
        ["areas", "{sample}", "--taxonomy", b"missing\xff.toml"],
        ["import", b"missing\xff.txt"],
    ],
)
def test_undecodable_arguments_end_in_one_line(
    annotator_home: Path, imported: str, sample_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, args: list[str | bytes],
) -> None:
    argv = [a.format(doc=imported, sample=sample_path) if isinstance(a, str) else a
            for a in args]
    monkeypatch.chdir(tmp_path)
    done = run_annotator(annotator_home, *argv)
    assert_one_line_error(done)
    assert "\\x" in done.stderr or "not valid UTF-8" in done.stderr
    assert json.loads(run_annotator(annotator_home, "documents", "--json").stdout)[0][
        "annotations"] == 1, "the library changed"


def test_undecodable_file_names_are_paths(
    annotator_home: Path, sample_path: Path, tmp_path: Path
) -> None:
    source = Path(os.fsdecode(bytes(tmp_path) + b"/article" + BAD + b".txt"))
    source.write_bytes(sample_path.read_bytes())
    done = run_annotator(annotator_home, "import", source)
    assert done.returncode == 0, done.stderr
    doc = done.stdout.strip()
    target = Path(os.fsdecode(bytes(tmp_path) + b"/summary" + BAD + b".md"))
    done = run_annotator(annotator_home, "export", doc, "-o", target)
    assert done.returncode == 0, done.stderr
    assert "summary\\xff\\xfe.md" in done.stdout
    assert target.read_text(encoding="utf-8").startswith("# Stakes")


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m\x9b1m\u202eevil"


def test_nothing_printed_reaches_the_terminal_as_control(
    annotator_home: Path, tmp_path: Path
) -> None:
    source = tmp_path / "evil.txt"
    source.write_text(f"Title {ESCAPES}\n\nA paragraph about climate and peace.\n",
                      encoding="utf-8")
    done = run_annotator(annotator_home, "import", source)
    assert done.returncode == 0, done.stderr
    doc = done.stdout.strip()
    note = f"note {ESCAPES}"
    done = run_annotator(annotator_home, "highlight", doc, "--quote", "climate",
                         "--note", note, "--tag", f"tag{ESCAPES}")
    assert done.returncode == 0, done.stderr
    for args in (["documents"], ["annotations", doc], ["search", "climate"],
                 ["search", "note"], ["areas", source], ["highlight", doc, "--quote",
                                                         f"absent{ESCAPES}"]):
        done = run_annotator(annotator_home, *args)
        shown = done.stdout + done.stderr
        assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in shown), (
            args, shown)
        assert "\u202e" not in shown
    done = run_annotator(annotator_home, "annotations", doc, "--json")
    assert "\x1b" not in done.stdout and "\x9b" not in done.stdout
    [item] = json.loads(done.stdout)["first"]["items"]
    notes = [b["value"] for b in item["body"] if b.get("purpose") == "commenting"]
    assert notes == [note], "JSON escapes control characters, it does not drop them"


def test_a_decomposed_quote_finds_composed_text(annotator_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "cafe.txt"
    source.write_text("Le café\n\nLa société du café.\n", encoding="utf-8")
    doc = run_annotator(annotator_home, "import", source).stdout.strip()
    nfd = unicodedata.normalize("NFD", "société")
    assert nfd != "société"
    done = run_annotator(annotator_home, "highlight", doc, "--quote", nfd, "--json")
    assert done.returncode == 0, done.stderr
    done = run_annotator(annotator_home, "search", unicodedata.normalize("NFD", "café"),
                         "--json")
    assert done.returncode == 0 and json.loads(done.stdout), done.stderr
    done = run_annotator(annotator_home, "highlight", doc, "--quote=-", "--json")
    assert_one_line_error(done)  # not "expected one argument": the value reached the app
    assert "'-'" in done.stderr


def _library_count(home: Path) -> int:
    done = run_annotator(home, "documents", "--json")
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout))


def _interrupt_when(child: subprocess.Popen[bytes], ready: object) -> None:
    deadline = time.monotonic() + 60
    while not ready() and child.poll() is None and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)


def _start(home: Path, *args: str | Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "annotator", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _big_article(folder: Path, sample: Path) -> Path:
    paragraphs = [p for p in sample.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    big = folder / "big.txt"
    big.write_text("Big article\n\n" + "\n\n".join(paragraphs[1:] * 400), encoding="utf-8")
    return big


def test_ctrl_c_during_export_ends_quietly(
    annotator_home: Path, sample_path: Path, tmp_path: Path
) -> None:
    doc = run_annotator(annotator_home, "import", _big_article(tmp_path, sample_path))
    assert doc.returncode == 0, doc.stderr
    out = tmp_path / "out"
    out.mkdir()
    child = _start(annotator_home, "export", doc.stdout.strip(), "-o", out / "s.html",
                   "--full-text", "--suggestions")
    _interrupt_when(child, lambda: any(out.iterdir()))
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert b"Traceback" not in err and len(err.splitlines()) == 1, err
    assert list(out.iterdir()) == [], "the interrupted export left a file behind"


def test_ctrl_c_during_import_leaves_the_store_untouched(
    annotator_home: Path, sample_path: Path, tmp_path: Path
) -> None:
    big = _big_article(tmp_path, sample_path)
    assert _library_count(annotator_home) == 0
    child = _start(annotator_home, "import", big)
    process = psutil.Process(child.pid)

    def busy() -> bool:  # past start-up (~0.1 s of CPU), inside the import itself
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            return True
        return bool(times.user + times.system > 0.35)

    _interrupt_when(child, busy)
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err, err
    if child.returncode == 130:
        assert _library_count(annotator_home) == 0
    elif child.returncode == -signal.SIGINT:  # it came as Python shut down: all or nothing
        assert _library_count(annotator_home) in (0, 1)
    else:  # the import won the race: it is whole
        assert child.returncode == 0 and _library_count(annotator_home) == 1


@pytest.mark.parametrize("delay", [0.05, 0.15, 0.3])
def test_ctrl_c_while_python_loads_the_command_is_quiet(
    annotator_home: Path, sample_path: Path, delay: float
) -> None:
    """An interrupt before the command's own handler exists (Python still importing it)."""
    child = _start(annotator_home, "import", sample_path)
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err, err
    assert child.returncode in (0, 130, -signal.SIGINT)
    if child.returncode != 0:
        assert _library_count(annotator_home) == 0


def test_an_interrupt_python_cannot_raise_where_it_lands_is_raised_after() -> None:
    """Ctrl+C inside a callback of the import system (where Python can only print it as
    an ignored exception, traceback and all) ends the command as any interrupt does:
    the entry point raises it again at the next step of the main thread."""
    code = (
        "import sys, time, weakref\n"
        "from annotator.entry import _interrupt_later\n"
        "sys.unraisablehook = _interrupt_later\n"
        "class Module: pass\n"
        "def callback(_):\n"
        "    raise KeyboardInterrupt\n"
        "module = Module()\n"
        "lock = weakref.ref(module, callback)\n"
        "try:\n"
        "    del module\n"
        "    for _ in range(50):\n"
        "        time.sleep(0.1)  # work going on, in steps\n"
        "    print('went on')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == b"interrupted"
    assert b"Traceback" not in done.stderr and b"ignored" not in done.stderr, done.stderr
