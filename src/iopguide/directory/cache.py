"""A cache of validated directories, keyed on the file's content, never trusted blindly.

Reading and validating a national directory (about 21,000 programs) takes
seconds; loading the validated result back takes a few hundredths. The cache
holds only plain tuples of text and numbers, pickled and read back with an
unpickler that refuses every global, so a planted cache file cannot run code.
An entry is used only when its header names the same content hash, iopguide
version and format, and its checksum matches; anything else (stale, corrupt,
foreign, unreadable) is ignored and rebuilt. Files live under the user's cache
directory, never beside the directory file, and writes are atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

from iopguide import __version__
from iopguide.directory.model import (
    Contact,
    Directory,
    DirectoryInfo,
    Location,
    Program,
    Schedule,
)
from iopguide.paths import cache_dir

FORMAT = 2
_MAGIC = b"IOPDIR\x00\x01"
_DIGEST_SIZE = 32


def content_key(data: bytes) -> bytes:
    """What a cache entry must match: the bytes of the file, this version, this format."""
    # SHA-256 rather than BLAKE2: the CPU's SHA extensions make it twice as fast
    # here (15 ms against 30 ms for a 22 MB national directory).
    h = hashlib.sha256(data)
    h.update(f"|iopguide {__version__}|format {FORMAT}".encode())
    return h.digest()


def entry_path(source: str) -> Path:
    """One cache file per directory file, named after its absolute path."""
    name = hashlib.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_dir() / "directories" / f"{name}.cache"


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles tuples, strings and numbers only: every class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused {module}.{name}")


def load(source: str, data: bytes) -> Directory | None:
    """The cached directory for these bytes, or None when there is no sound entry."""
    try:
        blob = entry_path(source).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 2 * _DIGEST_SIZE
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    key = blob[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
    checksum = blob[len(_MAGIC) + _DIGEST_SIZE : head]
    payload = memoryview(blob)[head:]
    if key != content_key(data):
        return None
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return _from_plain(_PlainUnpickler(io.BytesIO(payload)).load())
    except Exception:  # a damaged or foreign entry is never fatal: rebuild it
        return None


def store(source: str, data: bytes, directory: Directory) -> None:
    """Write the entry atomically; a read-only or full cache folder only costs speed."""
    path = entry_path(source)
    payload = pickle.dumps(_to_plain(directory), protocol=pickle.HIGHEST_PROTOCOL)
    checksum = hashlib.sha256(payload).digest()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as out:
            out.write(_MAGIC + content_key(data) + checksum)
            out.write(payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


# Plain-tuple form, in the field order of the dataclasses. The order is part of
# FORMAT: change a model and bump FORMAT (old entries are then simply ignored).
_PROGRAM_FIELDS = Program.__dataclass_fields__.keys()
_NESTED = {"location": Location, "schedule": Schedule, "contact": Contact}


def _to_plain(directory: Directory) -> tuple[Any, ...]:
    info = directory.info
    info_tuple = (info.name, info.source, info.sample, info.updated)
    programs = []
    for program in directory.programs:
        row = []
        for name in _PROGRAM_FIELDS:
            value = getattr(program, name)
            if name in _NESTED:
                value = tuple(getattr(value, f) for f in _NESTED[name].__dataclass_fields__)
            row.append(value)
        programs.append(tuple(row))
    return (FORMAT, info_tuple, tuple(programs))


def _from_plain(plain: tuple[Any, ...]) -> Directory:
    fmt, (name, source, sample, updated), rows = plain
    if fmt != FORMAT:
        raise ValueError("format")
    # Unpacked by name rather than in a loop over fields: this runs 21,000 times
    # for a national directory, and is a test-checked mirror of Program's fields.
    programs = [
        Program(
            pid,
            pname,
            organization,
            levels,
            conditions,
            payment,
            plans,
            ages,
            languages,
            groups,
            serves_only,
            Location(*location),
            telehealth,
            tele_states,
            Schedule(*schedule),
            services,
            approaches,
            accreditation,
            Contact(*contact),
            notes,
            last_verified,
            psource,
            line,
        )
        for (
            pid,
            pname,
            organization,
            levels,
            conditions,
            payment,
            plans,
            ages,
            languages,
            groups,
            serves_only,
            location,
            telehealth,
            tele_states,
            schedule,
            services,
            approaches,
            accreditation,
            contact,
            notes,
            last_verified,
            psource,
            line,
        ) in rows
    ]
    info = DirectoryInfo(name=name, source=source, sample=sample, updated=updated)
    return Directory(info, tuple(programs))
