"""The group library's server: PostgreSQL behind a thin, stateless HTTP service.

`pip install annotator[server]`. The schema (`schema.py`, migrated by its own Alembic
history in `migrations/`), the members and their tokens (`members.py`), the group
library's rules (`library.py`), the W3C Web Annotation Protocol over HTTP (`app.py`) and
the live "group G is at version N" notifications (`events.py`). Nothing here imports the
desktop store, services or GUI: a server runs without a local library.
"""
