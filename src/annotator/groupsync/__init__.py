"""The desktop side of a group library: join a group, share documents, sync offline-first.

The group's URL, the member's token and the last version synced live in per-user
configuration (`config.py`), never in the library database, which may be shared or
backed up elsewhere. Sync pushes the reader's own changes since the last sync and pulls
everyone else's, merging with the sharing issue's rules (`exchange/merge.py`).
"""
