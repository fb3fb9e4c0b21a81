"""Reading a ZIP from an untrusted source without trusting anything it says about itself.

`zipfile` keeps `../../evil` and `/abs/x` verbatim in its names and believes the sizes
in the headers. Here every name is checked first (no traversal, absolute, drive, NUL,
backslash, symlink, duplicate or case-folding collision, no encryption), the number of
entries is capped, and each member is read in chunks with the running total checked
against a per-member cap, a whole-archive cap and a compression-ratio cap as the bytes
come out, so a zip bomb stops after at most one chunk past a cap. Nothing is extracted
to disk: members come back as bytes.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import BundleRejected

CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Caps:
    entries: int = 2000
    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 256 * 1024 * 1024
    ratio: int = 200  # uncompressed bytes per compressed byte, checked once past 1 MB


_DRIVE = re.compile(r"^[A-Za-z]:")


def check_name(name: str) -> None:
    """Refuse a member name that could point outside the archive's own namespace."""
    if not name or "\x00" in name or "\\" in name:
        raise BundleRejected(f"The bundle has an entry with an unsafe name: {name!r}.")
    if name.startswith("/") or _DRIVE.match(name):
        raise BundleRejected(f"The bundle has an entry with an absolute path: {name!r}.")
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise BundleRejected(f"The bundle has an entry that leaves its folder: {name!r}.")


def _check_entries(infos: list[zipfile.ZipInfo], caps: Caps) -> None:
    if len(infos) > caps.entries:
        raise BundleRejected(f"The bundle has {len(infos)} entries; at most {caps.entries}.")
    folded: set[str] = set()
    for info in infos:
        check_name(info.filename)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BundleRejected(f"The bundle has a symbolic link: {info.filename!r}.")
        if info.flag_bits & 0x1:
            raise BundleRejected(f"The bundle has an encrypted entry: {info.filename!r}.")
        key = info.filename.casefold()
        if key in folded:
            raise BundleRejected(f"The bundle has two entries named {info.filename!r}.")
        folded.add(key)


class Archive:
    """An opened ZIP whose entry names passed `check_name`; members are read with caps."""

    def __init__(self, path: Path, caps: Caps | None = None) -> None:
        self.caps = caps or Caps()
        self._total = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise BundleRejected(f"{path.name} is not a readable ZIP bundle: {exc}.") from None
        try:
            self.infos = self._zip.infolist()
            _check_entries(self.infos, self.caps)
        except BaseException:
            self._zip.close()
            raise
        self.names = [i.filename for i in self.infos if not i.is_dir()]

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def read(self, name: str, cap: int | None = None) -> bytes:
        """The bytes of member `name`, stopping as soon as a size or ratio cap is passed."""
        info = self._zip.getinfo(name)
        limit = min(cap or self.caps.member_bytes, self.caps.member_bytes)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    size += len(chunk)
                    self._total += len(chunk)
                    self._check(name, size, limit, info.compress_size)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise BundleRejected(f"The bundle entry {name} is damaged: {exc}.") from None
        return b"".join(chunks)

    def _check(self, name: str, size: int, limit: int, compressed: int) -> None:
        if size > limit:
            raise BundleRejected(f"The bundle entry {name} is larger than {limit:,} bytes.")
        if self._total > self.caps.total_bytes:
            raise BundleRejected(
                f"The bundle unpacks to more than {self.caps.total_bytes:,} bytes."
            )
        if size > 1024 * 1024 and size > self.caps.ratio * max(compressed, 1):
            raise BundleRejected(
                f"The bundle entry {name} expands more than {self.caps.ratio}x: "
                "refused as a possible zip bomb."
            )

    def first(self) -> zipfile.ZipInfo | None:
        return self.infos[0] if self.infos else None

