"""Where the app keeps its data, configuration and state.

All locations come from platformdirs, except when `ANNOTATOR_HOME` is set: then every
location lives under that one folder, which is how tests (and portable installs) keep
real user data out of reach.

A folder that cannot be used (it is a file, it cannot be created, the user has no home
directory) is a `FolderError` naming the folder and what to do, never a traceback
(issue 13, item 9). An existing read-only folder is returned as it is: the library in it
still opens for reading (`store/sqlite/database.py`).
"""

from __future__ import annotations

import errno
import functools
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

from annotator.errors import FolderError

APP_NAME = "Annotator"
HOME_ENV = "ANNOTATOR_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


_ENVIRONMENT = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


def _platform(locate: Callable[[str], str], what: str) -> Path:
    """platformdirs' answer, looked up once per environment: every highlight asks where
    the user's taxonomy is (`user_taxonomy_path`), and the lookup cost a tenth of it."""
    return _platform_for(locate, what, tuple(os.environ.get(v) for v in _ENVIRONMENT))


@functools.lru_cache(maxsize=16)
def _platform_for(locate: Callable[[str], str], what: str,
                  _environment: tuple[str | None, ...]) -> Path:
    try:
        path = Path(locate(APP_NAME))
    except RuntimeError:  # platformdirs: "could not determine the home directory"
        path = Path("~")
    if not path.is_absolute() or path.parts[0].startswith("~"):
        # No HOME and no passwd entry: expanduser() leaves "~" and the folder would be
        # created under whatever the current directory happens to be.
        raise FolderError(
            f"Annotator cannot place its {what} folder: {path} is not an absolute path "
            f"(no home directory for this user, or a relative XDG_* variable); set "
            f"{HOME_ENV} to a folder it may use."
        )
    return path


def _ensure(path: Path, what: str) -> Path:
    if path.is_dir():  # the common case, without mkdir's FileExistsError (every highlight)
        return path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FolderError(f"Annotator cannot use {path} as its {what} folder: "
                          f"{_reason(path, exc)}.") from exc
    return path


def _reason(path: Path, exc: OSError) -> str:
    blocking = next((p for p in (path, *path.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        return f"{blocking} is a file, not a folder; move it away or set {HOME_ENV}"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"it cannot be created there (read-only); set {HOME_ENV} to a writable folder"
    return f"{exc.strerror or exc}; set {HOME_ENV} to a folder Annotator may use"


def data_dir() -> Path:
    """The folder holding the database and its backups."""
    home = _home()
    folder = home / "data" if home else _platform(platformdirs.user_data_dir, "data")
    return _ensure(folder, "data")


def config_dir() -> Path:
    """The folder holding settings and the user's own taxonomy copy."""
    home = _home()
    folder = home / "config" if home else _platform(platformdirs.user_config_dir, "settings")
    return _ensure(folder, "settings")


def state_dir() -> Path:
    """The folder holding window geometry, recent files and lock files."""
    home = _home()
    folder = home / "state" if home else _platform(platformdirs.user_state_dir, "state")
    return _ensure(folder, "state")


USER_TAXONOMY = "policy-areas.toml"


def user_taxonomy_path() -> Path:
    """A taxonomy placed here overrides the bundled one."""
    return config_dir() / USER_TAXONOMY


def user_taxonomy_location() -> Path:
    """`user_taxonomy_path()` without making its folder, for asking whether the reader
    has a taxonomy of their own, which every highlight does (services/reading.py:
    active_taxonomy). Building the path and checking its folder each time were a tenth
    of a one-highlight commit (`highlight_commit`, benchmarks/bench_store.py)."""
    get = os.environ.get
    home = get(HOME_ENV)
    if home:
        return _taxonomy_location(home, ())
    return _taxonomy_location(None, (get("HOME"), get("XDG_CONFIG_HOME")))


@functools.lru_cache(maxsize=16)
def _taxonomy_location(home: str | None, environment: tuple[str | None, ...]) -> Path:
    """The user's taxonomy file under `home`, or where platformdirs puts settings in
    `environment` (the variables it reads for them)."""
    folder = (Path(home).expanduser() / "config" if home
              else _platform_for(platformdirs.user_config_dir, "settings", environment))
    return folder / USER_TAXONOMY
