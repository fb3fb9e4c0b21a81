"""Any argv ends in success or the app's own one-line error (exit 2), never a traceback.

Hypothesis builds command lines from every subcommand and option, ids, the sample's
path and hostile text (undecodable bytes as Python passes them, controls, escapes,
dashes, commas, empty strings). They run in-process for speed, with the working folder
a temporary one, so a fuzzed file name is written there and nowhere else; a handful of
the same kind run as real processes at the end.
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import build_parser, main
from tests.cli.cli_process import import_sample, run_annotator

_PARSER, _COMMANDS = build_parser()
_SUBPARSERS = next(a for a in _PARSER._actions if isinstance(a, argparse._SubParsersAction))
OPTIONS = sorted({o for name in _COMMANDS for a in _SUBPARSERS.choices[name]._actions
                  for o in a.option_strings if o not in ("-h", "--help")})
HOSTILE = st.text(
    alphabet=st.sampled_from(["a", "Z", "é", " ", ",", "-", "=", "*", '"', "\udcff", "\udc80",
                              "\x1b", "\x00", "\n", "\t", "\u202e", "＝", "1", ".", "m"]),
    max_size=12,
)
FIXED = ["md", "html", "csv", "jsonld", "yellow", "#12ab34", "climate", "nosuch", "0",
         "-1", "99999999999999999999", "", "out.md", "out.csv", "a4", "letter", "China",
         "--", "-", "--quote=-x"]


def _argv(draw: st.DrawFn, doc: str, sample: str) -> list[str]:
    command = draw(st.sampled_from(sorted(_COMMANDS)))
    tokens = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(FIXED), HOSTILE,
                       st.sampled_from([doc, doc[:6], sample]))
    return [command, *draw(st.lists(tokens, max_size=8))]


@st.composite
def argvs(draw: st.DrawFn, doc: str, sample: str) -> list[str]:
    return _argv(draw, doc, sample)


def _one_run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:  # --version prints and exits 0
        code = exit_.code if isinstance(exit_.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    shown = out + err
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t"
                   for c in shown), (argv, shown)
    assert code in (0, 2), (argv, code, err)
    if code == 2:
        assert err.startswith("annotator: ") and err.count("\n") == 1, (argv, err)


@pytest.fixture
def library(annotator_home: Path, sample_path: Path, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    return import_sample(annotator_home, sample_path)


@pytest.mark.parametrize("argv", [
    ["areas", "\x00"], ["merge", "\x00"], ["import", "a\x00b"], ["export", "x", "-o", "\x00"],
    ["fr\x00ob"],
])
def test_a_nul_in_any_argument_is_one_line(
    library: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Cases hypothesis found in CI runs: each ended in `ValueError: embedded null byte`."""
    _one_run(capsys, argv)
    assert main(argv) == 2
    assert "NUL" in capsys.readouterr().err


def test_fuzzed_argv_in_process(
    library: str, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    @settings(max_examples=300, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(argvs(library, str(sample_path)))
    def check(argv: list[str]) -> None:
        if "pdf" in argv:  # Qt's PDF typesetting: slow, and covered by its own tests
            return
        _one_run(capsys, argv)

    check()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_argv_as_real_processes(
    library: str, annotator_home: Path, sample_path: Path, data: st.DataObject
) -> None:
    argv = data.draw(argvs(library, str(sample_path)))
    done = run_annotator(annotator_home, *(
        a.encode("utf-8", "surrogateescape") if "\x00" not in a else a.replace("\x00", "")
        for a in argv))
    assert "Traceback" not in done.stderr, (argv, done.stderr)
    assert done.returncode in (0, 2), (argv, done.returncode, done.stderr)
    if done.returncode == 2:
        assert done.stderr.startswith("annotator: ") and done.stderr.count("\n") == 1


@pytest.mark.parametrize("word", ["frob\nnicate", "x" * 300, "\x1b[2Jclear"])
def test_a_hostile_first_word_is_an_unknown_command(
    library: str, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    assert main([word]) == 2
    err = capsys.readouterr().err
    assert err.startswith("annotator: unknown command") and err.count("\n") == 1
