"""Alembic migrations, shipped inside the package and run by `annotator.store.database`."""
