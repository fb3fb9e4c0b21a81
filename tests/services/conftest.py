"""A real store in the test's ANNOTATOR_HOME, with the sample document in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.importers import import_path
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store, StoredDocument


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


@pytest.fixture
def library(store: Store) -> Library:
    return Library(store)


@pytest.fixture
def annotating(store: Store) -> Annotating:
    return Annotating(store, Identity(store).reader())


@pytest.fixture
def sample_doc(library: Library, sample_path: Path) -> StoredDocument:
    return library.document(library.add(import_path(sample_path), str(sample_path)))
