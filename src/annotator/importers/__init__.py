"""Turn files into Documents. Importers are pure Python, picked by content then suffix."""

from __future__ import annotations

from annotator.importers.registry import (
    import_bytes,
    import_head,
    import_path,
    slow_to_import,
    supported_suffixes,
)

__all__ = ["import_bytes", "import_head", "import_path", "slow_to_import", "supported_suffixes"]
