"""Pure-Python domain: documents, taxonomy, detection, anchoring, annotations, summaries.

Nothing in this package may import Qt or SQLAlchemy; it runs and is tested headless.
"""
