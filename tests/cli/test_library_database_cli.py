"""`annotator --database URL …`: the reader's library in a PostgreSQL database.

Real processes with their own ANNOTATOR_HOME, against the tests' real PostgreSQL
cluster (`pg_cluster`): every library command works there, the choice can also come
from ANNOTATOR_DATABASE_URL or the settings file, what only the SQLite file has is
refused in one line, and a bad or unreachable database is one line and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.services.library_database import ENV
from annotator.store import default_path
from tests.cli.cli_process import assert_one_line_error, run_annotator, run_json
from tests.postgres_cluster import OWNER, Cluster, free_port

pytestmark = pytest.mark.xdist_group("postgres")


@pytest.fixture
def library_url(pg_cluster: Cluster) -> str:
    return pg_cluster.url(pg_cluster.new_database(), OWNER)


def _no_sqlite_library(home: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    return not default_path().exists()


def test_every_library_command_works_on_a_postgresql_library(
    library_url: str, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    db = ("--database", library_url)
    doc = run_json(home, *db, "import", sample_path, "--json")["id"]
    made = run_json(home, *db, "highlight", doc, "--quote", "China", "--note",
                    "kept for the seminar", "--json")
    [listed] = run_json(home, *db, "documents", "--json")
    assert (listed["id"], listed["annotations"]) == (doc, 1)
    collection = run_json(home, *db, "annotations", doc, "--json")
    assert "kept for the seminar" in str(collection["first"]["items"])
    hits = run_json(home, *db, "search", "seminar", "--json")
    assert [h["annotation"] for h in hits] == [made["id"]]
    out = tmp_path / "summary.md"
    done = run_annotator(home, *db, "export", doc, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "kept for the seminar" in out.read_text(encoding="utf-8")
    assert run_json(home, *db, "info", "--json")["database"] == library_url
    assert _no_sqlite_library(home, monkeypatch), "nothing went to the SQLite file"


def test_the_variable_and_the_settings_file_choose_it_too(
    library_url: str, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = run_json(tmp_path / "one", "--database", library_url, "import", sample_path,
                   "--json")["id"]
    configured = tmp_path / "two"
    (configured / "config").mkdir(parents=True)
    (configured / "config" / "settings.ini").write_text(
        f'[reader]\nzoom=1.2\n\n[library]\ndatabase="{library_url}"\n', encoding="utf-8")
    assert [d["id"] for d in run_json(configured, "documents", "--json")] == [doc]
    monkeypatch.setenv(ENV, library_url)
    assert [d["id"] for d in run_json(tmp_path / "three", "documents", "--json")] == [doc]
    # The option wins over the variable: an empty SQLite library is not this one.
    monkeypatch.setenv(ENV, "postgresql://nobody@127.0.0.1:1/nothing")
    assert run_json(tmp_path / "four", "--database", library_url, "documents",
                    "--json")[0]["id"] == doc


def test_what_only_the_sqlite_file_has_says_it_does_not_apply(
    library_url: str, tmp_path: Path
) -> None:
    for args in (("restore",), ("restore", "--list")):
        done = run_annotator(tmp_path, "--database", library_url, *args)
        assert_one_line_error(done)
        assert "SQLite library file only" in done.stderr and "pg_dump" in done.stderr


def test_a_bad_or_unreachable_database_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreachable = f"postgresql://nobody:secret@127.0.0.1:{free_port()}/library"
    for args, said in (
        (("--database", "not a url", "documents"), "Not a database URL"),
        (("--database", "mysql://me@host/db", "documents"), "Not a PostgreSQL URL"),
        (("--database", unreachable, "documents"), "Cannot reach the database server"),
        (("--database=", "documents"), "--database needs"),
        (("--database",), "--database needs"),
    ):
        done = run_annotator(tmp_path, *args)
        assert_one_line_error(done)
        assert said in done.stderr, done.stderr
        assert "secret" not in done.stderr, "the password is never shown"
    assert _no_sqlite_library(tmp_path, monkeypatch)


def test_the_option_goes_before_a_command_or_a_file_to_open(
    library_url: str, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = run_annotator(tmp_path, f"--database={library_url}", "frobnicate")
    assert_one_line_error(done)
    assert "unknown command 'frobnicate'" in done.stderr
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    done = run_annotator(tmp_path, "--database", library_url, sample_path)
    assert_one_line_error(done)
    assert "no display to open the window on" in done.stderr, "the window was asked for"
