"""The local reader's identity lives in the user's configuration, not in the library."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from annotator import paths
from annotator.core.annotation import utc_now
from annotator.errors import AnnotatorError
from annotator.services.identity import IDENTITY_FILE, LEGACY_SETTING, Identity
from annotator.store import Store


def _settings(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM settings").fetchall())
    finally:
        conn.close()


def test_a_new_reader_is_kept_in_the_configuration_not_the_library(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        reader = Identity(store).reader()
        assert Identity(store).reader() == reader
        with store.transaction(write=False) as repo:
            assert repo.author_name(reader.id) == reader.name
    saved = json.loads((paths.config_dir() / IDENTITY_FILE).read_text(encoding="utf-8"))
    assert saved == {"id": reader.id, "name": reader.name}
    assert LEGACY_SETTING not in _settings(path)


def test_the_same_reader_in_another_library(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.db") as one:
        first = Identity(one).set_name("Ada")
    with Store.open(tmp_path / "two.db") as two:
        assert Identity(two).reader() == first
        with two.transaction(write=False) as repo:
            assert repo.author_name(first.id) == "Ada"


def test_an_existing_library_gives_up_its_reader_on_first_open(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store, store.transaction() as repo:
        # what versions before this one wrote
        repo.save_author("old-reader-id", "Grace", utc_now())
        repo.set_setting(LEGACY_SETTING, "old-reader-id")
    with Store.open(path) as store:
        reader = Identity(store).reader()
    assert (reader.id, reader.name) == ("old-reader-id", "Grace")
    assert LEGACY_SETTING not in _settings(path)
    with Store.open(path) as store:
        assert Identity(store).reader() == reader


def test_a_damaged_identity_is_reported_not_replaced(tmp_path: Path) -> None:
    config = paths.config_dir() / IDENTITY_FILE
    config.write_text("{not json", encoding="utf-8")
    with Store.open(tmp_path / "annotator.db") as store, pytest.raises(
        AnnotatorError, match=r"identity\.json is damaged"
    ):
        Identity(store).reader()
    assert config.read_text(encoding="utf-8") == "{not json"


def _first_reader(args: tuple[str, str]) -> str:
    home, library = args
    import os

    os.environ["ANNOTATOR_HOME"] = home
    with Store.open(Path(library)) as store:
        return Identity(store).reader().id


def test_readers_created_at_once_agree(tmp_path: Path, annotator_home: Path) -> None:
    libraries = [(str(annotator_home), str(tmp_path / f"lib{i}.db")) for i in range(3)]
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        ids = pool.map(_first_reader, libraries)
    assert len(set(ids)) == 1

