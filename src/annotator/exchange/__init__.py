"""Sharing: one-file annotated copies (.annot) and merging a group's notes."""
