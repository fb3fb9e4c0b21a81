"""The PySide6 window. Views and wiring only: every decision lives in services and core."""
