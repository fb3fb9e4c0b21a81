"""Where the app keeps its data, configuration and state.

All locations come from platformdirs, except when `ANNOTATOR_HOME` is set: then every
location lives under that one folder, which is how tests (and portable installs) keep
real user data out of reach.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Annotator"
HOME_ENV = "ANNOTATOR_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The folder holding the database and its backups."""
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME)))


def config_dir() -> Path:
    """The folder holding settings and the user's own taxonomy copy."""
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME)))


def state_dir() -> Path:
    """The folder holding window geometry, recent files and lock files."""
    home = _home()
    return _ensure(home / "state" if home else Path(platformdirs.user_state_dir(APP_NAME)))


def user_taxonomy_path() -> Path:
    """A taxonomy placed here overrides the bundled one."""
    return config_dir() / "policy-areas.toml"
