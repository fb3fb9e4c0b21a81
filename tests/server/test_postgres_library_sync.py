"""A student whose own library is in PostgreSQL (`annotator --database URL`, issue 12)
syncs with the group like any other: the group sync works on the store's port."""

from __future__ import annotations

from pathlib import Path

from tests.postgres_cluster import OWNER
from tests.server.classroom import GROUP, Classroom, annotations, cli


def test_a_library_in_postgresql_joins_pulls_and_pushes(
    classroom: Classroom, sample_path: Path
) -> None:
    teacher, _, content_hash = classroom.shared_sample(sample_path)
    cluster = classroom.database.cluster
    db = ("--database", cluster.url(cluster.new_database(), OWNER))
    student = classroom.root / "Ana"
    classroom.add("Ana")
    cli(student, *db, "group", "join", f"{classroom.url}/groups/{GROUP}", "--token",
        classroom.tokens["Ana"])
    cli(student, *db, "sync")
    [shared] = cli(student, *db, "documents")
    cli(student, *db, "highlight", shared["id"], "--quote", "China", "--note",
        "written in PostgreSQL")
    assert cli(student, *db, "sync")["pushed"] == 1
    cli(teacher, "sync")
    assert "written in PostgreSQL" in {a.note for a in annotations(teacher, content_hash)}
    assert not (student / "data" / "annotator.db").exists(), "no SQLite library was made"
