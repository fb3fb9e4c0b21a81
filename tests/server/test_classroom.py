"""A teacher and three students through a real service, each a CLI process in its own home."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from annotator.core.annotation import Motivation
from tests.server.classroom import Classroom, annotations, cli, cli_refused, delete, edit_note

pytestmark = pytest.mark.timeout(600)


def test_teacher_and_three_students_ask_answer_and_see_each_other(
    classroom: Classroom, sample_path: Path
) -> None:
    teacher = classroom.join("Ms Li", "teacher")
    doc = cli(teacher, "import", sample_path)["id"]
    question = cli(teacher, "highlight", doc, "--quote", "cooperation", "--note", "Why now?",
                   "--question")["id"]
    shared = cli(teacher, "group", "share", doc)
    assert shared["shared"] is True
    text_hash = shared["document"]
    assert classroom.sync(teacher)["pushed"] == 1

    students = {name: classroom.join(name) for name in ("Ana", "Ben", "Cai")}
    for name, home in students.items():
        first = classroom.sync(home)
        assert first["pulled"] >= 1 and first["conflicts"] == 0
        got = {a.id: a for a in annotations(home, text_hash)}[question]
        assert (got.motivation, got.author_name) == (Motivation.QUESTIONING, "Ms Li")
        cli(home, "reply", question, "--note", f"{name}: because of the elections")
        assert classroom.sync(home)["pushed"] == 1

    report = classroom.sync(teacher)
    assert report["pulled"] == 3 and report["pushed"] == 0
    held = annotations(teacher, text_hash)
    answers = {a.author_name: a.note for a in held if a.motivation is Motivation.REPLYING}
    assert answers == {n: f"{n}: because of the elections" for n in students}
    assert all(a.reply_to == question for a in held if a.author_name != "Ms Li")

    for home in students.values():
        classroom.sync(home)
        assert len(annotations(home, text_hash)) == 4  # the question and three answers

    # The teacher deletes the question: a tombstone reaches everyone, nothing else goes.
    delete(teacher, question)
    assert classroom.sync(teacher)["pushed"] == 1
    for home in students.values():
        classroom.sync(home)
        live = annotations(home, text_hash)
        assert {a.author_name for a in live} == set(students)


def test_a_student_offline_for_a_day_catches_up(classroom: Classroom, sample_path: Path) -> None:
    teacher, doc, text_hash = classroom.shared_sample(sample_path)
    ana = classroom.join("Ana")
    classroom.sync(ana)
    ana_doc = cli(ana, "documents")[0]["id"]

    assert classroom.server is not None
    classroom.server.stop()  # the school's server is down for the day
    for word in ("China", "climate", "Blinken"):
        cli(ana, "highlight", ana_doc, "--quote", word, "--note", f"offline: {word}")
    refused = cli_refused(ana, "sync")
    assert "Cannot reach the group server" in refused.stderr
    assert "kept" in refused.stderr
    assert cli(ana, "group", "status")["waiting"] == 3

    classroom.server.start()
    cli(teacher, "highlight", doc, "--quote", "cooperation", "--note", "meanwhile")
    classroom.sync(teacher)
    report = classroom.sync(ana)
    assert (report["pushed"], report["pulled"], report["conflicts"]) == (3, 1, 0)
    classroom.sync(teacher)
    notes = sorted(a.note for a in annotations(teacher, text_hash))
    assert notes == ["meanwhile", "offline: Blinken", "offline: China", "offline: climate"]
    assert classroom.sync(ana)["pushed"] == 0, "what was acknowledged is not sent again"


def test_two_devices_edit_one_note_and_nothing_is_lost(
    classroom: Classroom, sample_path: Path
) -> None:
    teacher, _doc, text_hash = classroom.shared_sample(sample_path)
    laptop = classroom.join("Ana", home=classroom.root / "ana-laptop")
    phone = classroom.join("Ana", home=classroom.root / "ana-phone")
    classroom.sync(laptop)
    note = cli(laptop, "highlight", cli(laptop, "documents")[0]["id"], "--quote", "China",
               "--note", "first thought")["id"]
    classroom.sync(laptop)
    classroom.sync(phone)
    [on_phone] = annotations(phone, text_hash)
    assert (on_phone.id, on_phone.note) == (note, "first thought")

    edit_note(laptop, note, "laptop's version")
    edit_note(phone, note, "phone's version")
    assert classroom.sync(laptop)["pushed"] == 1
    clash = classroom.sync(phone)  # its push is stale (412): pull, merge, push again
    assert clash["conflicts"] == 1 and clash["conflicted"] == [note]
    assert clash["pushed"] == 1
    classroom.sync(laptop)
    texts = {home.name: annotations(home, text_hash)[0].note for home in (laptop, phone)}
    assert texts == {"ana-laptop": "phone's version", "ana-phone": "phone's version"}
    # The laptop's text is kept on the phone, in its group's conflict list.
    [kept] = cli(phone, "group", "status")["conflicts"]
    assert kept["id"] == note
    assert (kept["kept"]["body"]["value"], kept["other"]["body"]["value"]) == (
        "phone's version", "laptop's version")
    classroom.sync(teacher)
    assert [a.note for a in annotations(teacher, text_hash)] == ["phone's version"]


def test_tokens_wrong_expired_and_of_another_group(classroom: Classroom) -> None:
    classroom.add("Ms Li", "teacher")
    classroom.add("Olga", "student", "history")
    expired = classroom.add("Old", "student", "civics", "--expires-in-days", "1")
    with classroom.database.cluster.connect(classroom.database.name) as conn:
        conn.execute("UPDATE members SET expires = now() - interval '1 second' "
                     "WHERE name = 'Old'")
    url = f"{classroom.url}/groups/civics/changes?since=0"
    for header, status in (("Basic YTpi", 401), ("Bearer nonsense", 401),
                           (f"Bearer {expired}", 401), ("Bearer " + "x" * 5000, 401),
                           (f"Bearer {classroom.tokens['Olga']}", 403),
                           (f"Bearer {classroom.tokens['Ms Li']}", 200)):
        response = httpx.get(url, headers={"Authorization": header})
        assert response.status_code == status, (header[:20], response.text)
    assert httpx.get(url).headers["www-authenticate"].startswith("Bearer")
    refused = cli_refused(classroom.root / "x", "group", "join", classroom.url, "--token",
                          expired)
    assert "wrong or has expired" in refused.stderr


def test_a_server_restored_from_a_backup_gets_the_newer_notes_again(
    classroom: Classroom, sample_path: Path
) -> None:
    teacher, _doc, text_hash = classroom.shared_sample(sample_path)
    ana = classroom.join("Ana")
    classroom.sync(ana)
    ana_doc = cli(ana, "documents")[0]["id"]
    cli(ana, "highlight", ana_doc, "--quote", "China", "--note", "before the backup")
    backed_up = classroom.sync(ana)["version"]
    cli(ana, "highlight", ana_doc, "--quote", "climate", "--note", "after the backup")
    classroom.sync(ana)
    # What restoring last night's pg_dump does to the group (as the cluster's superuser).
    database = classroom.database
    with database.cluster.connect(database.name) as conn:
        conn.execute("DELETE FROM annotations WHERE version > %s", (backed_up,))
        conn.execute("UPDATE groups SET version = %s", (backed_up,))
    report = classroom.sync(ana)
    assert report["conflicts"] == 0
    classroom.sync(ana)
    classroom.sync(teacher)
    notes = sorted(a.note for a in annotations(teacher, text_hash))
    assert notes == ["after the backup", "before the backup"]


def test_hides_and_held_back_answers_reach_the_students_libraries(
    classroom: Classroom, sample_path: Path
) -> None:
    teacher, doc, text_hash = classroom.shared_sample(sample_path)
    question = cli(teacher, "highlight", doc, "--quote", "cooperation", "--note", "Why?",
                   "--question")["id"]
    classroom.sync(teacher)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    held = cli(teacher, "group", "answers-until", tomorrow.isoformat())["answers_hidden_until"]
    assert datetime.fromisoformat(held) == tomorrow
    ana, ben = classroom.join("Ana"), classroom.join("Ben")
    for home in (ana, ben):
        classroom.sync(home)
    cli(ana, "reply", question, "--note", "Ana's answer")
    cli(ana, "highlight", cli(ana, "documents")[0]["id"], "--quote", "China", "--note",
        "rude remark")
    classroom.sync(ana)
    classroom.sync(ben)
    assert sorted(a.note for a in annotations(ben, text_hash)) == ["Why?", "rude remark"]

    remark = next(a.id for a in annotations(ana, text_hash) if a.note == "rude remark")
    assert "Only the group's teacher" in cli_refused(ana, "group", "hide", remark).stderr
    assert cli(teacher, "group", "hide", remark)["hidden"] is True
    classroom.sync(ben)
    assert [a.note for a in annotations(ben, text_hash)] == ["Why?"]
    assert "rude remark" in [a.note for a in annotations(ana, text_hash)], "the owner keeps it"

    assert cli(teacher, "group", "answers-until", "none")["answers_hidden_until"] is None
    cli(teacher, "group", "hide", remark, "--show")
    classroom.sync(ben)
    notes = sorted(a.note for a in annotations(ben, text_hash))
    assert notes == ["Ana's answer", "Why?", "rude remark"]
