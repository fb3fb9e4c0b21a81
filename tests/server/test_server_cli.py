"""The server and group commands' errors follow the usual rule: one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.groupsync import config
from tests.postgres_cluster import OWNER, SUPERUSER, free_port
from tests.server.classroom import GROUP, Classroom, annotations, cli, cli_refused
from tests.server.conftest import GroupDatabase


def test_server_commands_refuse_what_would_go_wrong(group_database: GroupDatabase,
                                                    tmp_path: Path) -> None:
    db = group_database
    owner = db.owner_url
    not_initialised = cli_refused(tmp_path, "server", "run", "--database", db.service_url,
                                  "--port", str(free_port()))
    assert "server init" in not_initialised.stderr
    assert cli(tmp_path, "server", "init", "--database", owner) == {"schema": "s0001"}
    assert cli(tmp_path, "server", "init", "--database", owner, "--service-role",
               "annotator_app") == {"schema": "s0001"}, "init runs again safely"
    superuser = db.cluster.url(db.name, SUPERUSER)
    refused = cli_refused(tmp_path, "server", "run", "--database", superuser, "--port",
                          str(free_port()))
    assert "row-level security would not apply" in refused.stderr
    for args, words in (
        (("--group", "a/b", "--name", "X", "--role", "student"), "cannot name a group"),
        (("--group", "civics", "--name", " ", "--role", "student"), "1 to 200"),
        (("--group", "civics", "--name", "X", "--role", "student", "--expires-in-days", "0"),
         "between 1 and 3650"),
    ):
        done = cli_refused(tmp_path, "server", "add-member", "--database", owner, *args)
        assert words in done.stderr
    closed = f"postgresql://{OWNER}@127.0.0.1:{free_port()}/{db.name}"
    assert "Cannot use the database" in cli_refused(
        tmp_path, "server", "init", "--database", closed).stderr
    assert "needs PostgreSQL" in cli_refused(
        tmp_path, "server", "init", "--database", "sqlite:///x.db").stderr
    assert "not a plain PostgreSQL role name" in cli_refused(
        tmp_path, "server", "init", "--database", owner, "--service-role", "x; DROP").stderr


def test_group_commands_refuse_before_joining(tmp_path: Path) -> None:
    assert "Join a group first" in cli_refused(tmp_path, "sync").stderr
    assert "Join a group first" in cli_refused(tmp_path, "group", "status").stderr
    assert "Join a group first" in cli_refused(tmp_path, "group", "share", "abc").stderr
    assert "not a group URL" in cli_refused(
        tmp_path, "group", "join", "ftp://x", "--token", "t").stderr
    assert "Cannot reach" in cli_refused(
        tmp_path, "group", "join", f"http://127.0.0.1:{free_port()}", "--token", "t").stderr


def test_notes_written_before_joining_become_the_members(classroom: Classroom,
                                                          sample_path: Path) -> None:
    teacher, _doc, text_hash = classroom.shared_sample(sample_path)
    ana = classroom.root / "Ana"
    doc = cli(ana, "import", sample_path)["id"]
    cli(ana, "highlight", doc, "--quote", "China", "--note", "from before I joined")
    classroom.join("Ana", home=ana)
    assert cli(ana, "group", "share", doc)["shared"] is False, "the teacher shared it first"
    assert classroom.sync(ana)["pushed"] == 1
    classroom.sync(teacher)
    [note] = annotations(teacher, text_hash)
    assert (note.note, note.author_name, note.author_id) == (
        "from before I joined", "Ana", classroom.members["Ana"])


def test_a_device_is_named_when_it_joins_and_renamed_when_it_joins_again(
    classroom: Classroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = classroom.join("Ana")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    assert config.load()[GROUP].device == ""  # the host name, followed if it changes
    cli(home, "group", "join", f"{classroom.url}/groups/{GROUP}", "--token",
        classroom.tokens["Ana"], "--device", " lab pc\t3 ")
    assert config.load()[GROUP].device == "lab pc 3"
    assert config.load()[GROUP].device_name == "lab pc 3"
