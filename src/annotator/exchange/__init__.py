"""Sharing annotations between readers: `.annot` bundles, W3C JSON-LD files, the merge.

Everything here works on core values and bytes; nothing opens the store. A bundle is
untrusted input, so reading one validates it completely (names, sizes, JSON, schema,
hashes) before any caller can write anything (see `docs/bundle-format.md`).
"""
