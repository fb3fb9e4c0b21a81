"""Revision 0003 (sharing columns): a library at 0002 with data migrates and keeps it all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.annotation import Motivation
from annotator.services.annotating import Annotating
from annotator.services.identity import Reader
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store import Store, head_revision
from tests.store.test_migrations import ANN, DOC, NOW


def _build_revision_2(path: Path) -> None:
    Store.open(path, target_revision="0002").close()
    conn = sqlite3.connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(annotations)")}
    assert "revision" not in columns
    with conn:
        conn.execute(
            "INSERT INTO documents (id, content_hash, title, author, date, source, byline, text,"
            " blocks, source_path, added, last_opened, reading_position, deleted) VALUES"
            " (?, 'h2', 'Title', '', NULL, '', '', 'Some text about kelp.',"
            " '[[\"paragraph\", 0, 21, 0]]', NULL, ?, NULL, 0, 0)",
            (DOC, NOW),
        )
        conn.execute(
            "INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, color,"
            " note, area, author_id, author_name, origin, placement, created, modified, deleted)"
            " VALUES (?, ?, 5, 9, 'text', 'Some ', ' about', 'green', 'on seaweed',"
            " NULL, 'a1', 'Ann', 'reader', 'placed', ?, ?, 0)",
            (ANN, DOC, NOW, NOW),
        )
    conn.close()


def test_revision_2_with_data_gets_the_sharing_columns(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    _build_revision_2(path)

    with Store.open(path) as store:
        [old] = Library(store).annotations(DOC)
        assert (old.note, old.color, old.motivation, old.reply_to, old.revision) == (
            "on seaweed", "green", Motivation.HIGHLIGHTING, None, 1,
        )
        assert [h.annotation_id for h in Search(store).search("seaweed")] == [ANN]
        annotating = Annotating(store, Reader("a1", "Ann"))
        edited = annotating.edit([ANN], note="on kelp").after[0]
        assert edited.revision == 2
        doc = Library(store).document(DOC)
        reply = annotating.highlight(
            doc, 5, 9, note="why?", motivation=Motivation.REPLYING, reply_to=ANN
        ).after[0]
        stored = {a.id: a for a in Library(store).annotations(DOC)}
        assert stored[reply.id].reply_to == ANN
        assert stored[reply.id].motivation is Motivation.REPLYING
        assert stored[ANN].revision == 2
        assert [h.annotation_id for h in Search(store).search("kelp") if h.annotation_id] == [
            ANN
        ], "the FTS triggers survive the new columns"

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    conn.close()
