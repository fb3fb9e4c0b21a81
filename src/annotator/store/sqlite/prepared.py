"""Precompiled statements run on the sqlite3 connection: the store's hot paths."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from annotator.store.sqlite.engine import driver

# UTCDateTime keeps ISO 8601 text on SQLite; rows read through `Prepared` come back raw.
parse_datetime: Callable[[str], datetime] = datetime.fromisoformat


# (name, default) of each parameter in order, and (index, processor) of those that have one
_Binds = tuple[tuple[tuple[str, Any], ...], tuple[tuple[int, Callable[[Any], Any]], ...]]


class Prepared:
    """A Core statement compiled once, run on the sqlite3 connection of an open transaction.

    SQLAlchemy's per-execution machinery (cache key, execution context, events, result
    objects and processors) costs ~100 µs per statement and ~0.5 µs per row: most of the
    one-highlight commit, and a third of loading 10,000 annotations. The statement is
    still built by Core from the portable models and compiled by SQLAlchemy; only where it
    runs is SQLite's. Parameters go through the column types' bind processors, so what is
    stored is exactly what `Connection.execute` would store. Rows come back as sqlite3
    gives them: UTCDateTime columns as ISO text (see `parse_datetime`), booleans as 0/1.
    The connection must be inside a transaction (`Store.transaction()` begins one).
    """

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        # Per kind of dialect (every engine has its own dialect object): SQL and binds.
        self._compiled: dict[tuple[type, str], tuple[str, _Binds]] = {}

    def _prepare(self, dialect: Dialect) -> tuple[str, _Binds]:
        compiled = self._statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler) and compiled.positional  # sqlite3: qmark
        names: list[tuple[str, Any]] = []
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for index, name in enumerate(compiled.positiontup or ()):
            bind = compiled.binds[name]
            names.append((name, bind.value))
            process = bind.type.bind_processor(dialect)
            if process is not None:
                processors.append((index, process))
        prepared = str(compiled), (tuple(names), tuple(processors))
        self._compiled[type(dialect), dialect.paramstyle] = prepared
        return prepared

    def _for(self, dialect: Dialect) -> tuple[str, _Binds]:
        return self._compiled.get((type(dialect), dialect.paramstyle)) or self._prepare(dialect)

    def _params(self, binds: _Binds, values: Mapping[str, Any]) -> list[Any]:
        names, processors = binds
        get = values.get
        params = [get(name, default) for name, default in names]
        for index, process in processors:
            params[index] = process(params[index])
        return params

    def execute(self, conn: Connection, values: Mapping[str, Any]) -> sqlite3.Cursor:
        sql, binds = self._for(conn.dialect)
        return driver(conn).execute(sql, self._params(binds, values))

    def execute_row(self, conn: Connection, row: list[Any]) -> sqlite3.Cursor:
        """`execute` with every parameter given in the statement's order (an INSERT's:
        the table's columns); `row` is filled in place with what the bind processors make
        of its values. For a row read in one call: no mapping to build and look up."""
        sql, (_, processors) = self._for(conn.dialect)
        for index, process in processors:
            row[index] = process(row[index])
        return driver(conn).execute(sql, row)

    def execute_many(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        sql, binds = self._for(conn.dialect)
        driver(conn).executemany(sql, [self._params(binds, values) for values in rows])
