"""Alembic migrations, shipped inside the package and run by `annotator.store.migrate`
on SQLite and PostgreSQL alike."""
