"""User-facing errors.

Every error the core, store or services raise on purpose is an `AnnotatorError` whose
message is fit to show a reader as-is: the GUI puts it in a dialog, the CLI prints it on
one line and exits with status 2. Anything else is a bug.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error whose message is meant for the user."""


class ImportRejected(AnnotatorError):
    """A file could not be turned into a document (empty, binary, too large, unreadable)."""


class TaxonomyError(AnnotatorError):
    """A policy-area taxonomy file is malformed; the message names file, line and problem."""


class NotFound(AnnotatorError):
    """A document or annotation id (or prefix) matched nothing, or more than one thing."""


class FolderError(AnnotatorError):
    """A folder Annotator keeps its files in cannot be used (a file, read-only, no home)."""


class StoreError(AnnotatorError):
    """The database could not be read or written (corrupt, read-only, disk full, locked)."""


class ExportError(AnnotatorError):
    """An export could not be written; any earlier file at the target is left intact."""


class BundleRejected(ImportRejected):
    """A `.annot` bundle or W3C JSON-LD file is unsafe, damaged or of an unknown format.

    Raised before anything is written: the library is untouched.
    """
