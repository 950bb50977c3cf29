"""A cache of validated directories, keyed on the file's content, never trusted blindly.

Reading and validating a national directory (about 21,000 programs) takes
seconds; loading the validated result back takes a few hundredths. The cache
holds only plain tuples of text and numbers, pickled and read back with an
unpickler that refuses every global, so a planted cache file cannot run code.
An entry is used only when its header names the same content hash, iopguide
version and format, and its HMAC, made with this user's secret key (see
:func:`iopguide.io.private.secret_key`), matches: so only iopguide running as
this user can have written it, and its values are the validated ones it
wrote. Anything else (stale, corrupt, forged, foreign, unreadable, a link, a
pipe, a file of another user's or too big) is ignored and rebuilt. Files live
in the user's private cache folder (0700, files 0600; a folder others can
write to is not used), never beside the directory file, and are written
atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, overload

from iopguide import __version__
from iopguide.directory.fit import RULE_VERSION, index_keys
from iopguide.directory.model import Directory, DirectoryInfo, Program, Region
from iopguide.io.atomic import write_file
from iopguide.io.private import read_private
from iopguide.paths import cache_dir, cache_secret, private_cache_dir

FORMAT = 4
_MAGIC = b"IOPDIR\x00\x01"
_DIGEST_SIZE = 32


def content_key(data: bytes) -> bytes:
    """What a cache entry must match: the bytes of the file, this version, this model."""
    # SHA-256 rather than BLAKE2: the CPU's SHA extensions make it twice as fast
    # here (15 ms against 30 ms for a 22 MB national directory).
    return _finish_key(hashlib.sha256(data))


def file_key(handle: BinaryIO, chunk: int = 1 << 20) -> bytes:
    """:func:`content_key` of an open file, read a chunk at a time into one buffer."""
    h = hashlib.sha256()
    buffer = bytearray(chunk)
    view = memoryview(buffer)
    while size := handle.readinto(buffer):
        h.update(view[:size])
    return _finish_key(h)


def _finish_key(h: Any) -> bytes:
    # The model's field names are part of the key: an entry written by code with
    # other fields is never read back into this code's Program.
    h.update(
        f"|iopguide {__version__}|format {FORMAT}|fit {RULE_VERSION}|"
        f"{','.join(_PROGRAM_FIELDS)}|{_GROUP_FIELDS}".encode()
    )
    return h.digest()


def entry_path(source: str) -> Path:
    """One cache file per directory file, named after its absolute path."""
    return cache_dir() / "directories" / _entry_name(source)


def _entry_name(source: str) -> str:
    name = hashlib.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"{name}.cache"


def _private_entry(source: str) -> Path | None:
    """Where the entry lives, or None when the cache folder is not safe to use."""
    folder = private_cache_dir("directories")
    return None if folder is None else folder / _entry_name(source)


def _max_entry_bytes() -> int:
    # An entry is smaller than its directory file (4.4 MB for a 22 MB national one).
    from iopguide.directory.load import max_directory_bytes

    return 2 * max_directory_bytes() + (1 << 20)


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles tuples, strings and numbers only: every class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused {module}.{name}")


def load(source: str, data: bytes) -> Directory | None:
    """The cached directory for these bytes, or None when there is no sound entry."""
    return load_by_key(source, content_key(data))


def load_by_key(source: str, key: bytes) -> Directory | None:
    """The cached directory whose content key is *key*, or None.

    The entry must be a private regular file of ours (no link, pipe or device),
    no bigger than a directory could make, with the right key and checksum, and
    every value must have the type and range the model expects.
    """
    path = _private_entry(source)
    secret = cache_secret()
    if path is None or secret is None:
        return None
    blob = read_private(path, _max_entry_bytes())
    if blob is None:
        return None
    head = len(_MAGIC) + 2 * _DIGEST_SIZE
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    stored_key = blob[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
    signature = blob[len(_MAGIC) + _DIGEST_SIZE : head]
    payload = memoryview(blob)[head:]
    if stored_key != key:
        return None
    if not hmac.compare_digest(_sign(secret, key, payload), signature):
        return None
    try:
        directory = _from_plain(_PlainUnpickler(io.BytesIO(payload)).load())
    except Exception:  # a damaged or foreign entry is never fatal: rebuild it
        return None
    _used.append(path)
    return directory


#: Entries read back by this process, forgotten if it then fails unexpectedly.
_used: list[Path] = []


def forget_used_entries() -> None:
    """Remove the entries this process used: after an unexpected failure they are in doubt.

    Values are checked by shape, and vouched for by the HMAC, not one by one (that
    cost 120 ms a national search); if one still breaks a search, the next run
    rebuilds the entry instead of failing the same way for ever.
    """
    for path in _used:
        with contextlib.suppress(OSError):
            path.unlink()
    _used.clear()


def store(source: str, data: bytes, directory: Directory) -> None:
    """Write the entry for these bytes atomically."""
    store_by_key(source, content_key(data), directory)


def store_by_key(source: str, key: bytes, directory: Directory) -> None:
    """Write the entry atomically; a read-only, full or unsafe cache folder only costs speed."""
    path = _private_entry(source)
    secret = cache_secret()
    if path is None or secret is None:
        return
    payload = pickle.dumps(_to_plain(directory), protocol=pickle.HIGHEST_PROTOCOL)
    header = _MAGIC + key + _sign(secret, key, payload)
    with contextlib.suppress(OSError):
        write_file(path, [header, payload], overwrite=True, durable=False)


def _sign(secret: bytes, key: bytes, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, key, hashlib.sha256)
    mac.update(payload)
    return mac.digest()


# Plain-tuple form: a row per program, its columns in the order of the schema
# (which Program mirrors), then the line; a group is a tuple of its parts. Every field
# name is part of the content key, so an entry written for other fields is ignored.
_PROGRAM_FIELDS = Program.__dataclass_fields__.keys()
_FIELD_NAMES = tuple(_PROGRAM_FIELDS)
# The groups (location, schedule, contact) as the model has them: the model mirrors
# directory/schema.py, and importing the schema here would cost every search 3 ms.
_NESTED = {
    name: f.default_factory
    for name, f in Program.__dataclass_fields__.items()
    if hasattr(f.default_factory, "__dataclass_fields__")
}
_GROUP_FIELDS = ";".join(
    f"{name}:{','.join(cls.__dataclass_fields__)}"  # type: ignore[union-attr]
    for name, cls in _NESTED.items()
)
# Columns read before a row is built (Location's lat is [4], its state [2]).
_LOCATION = _FIELD_NAMES.index("location")
_TELEHEALTH = _FIELD_NAMES.index("telehealth")
_TELE_STATES = _FIELD_NAMES.index("telehealth_states")


def _to_plain(directory: Directory) -> tuple[Any, ...]:
    info = directory.info
    info_tuple = (info.name, info.source, info.sample, info.updated)
    # Equal values become one object, which pickle then writes once and reads back
    # once: a national directory repeats its sources, dates, states and lists of
    # vocabulary ids thousands of times (measured: fewer objects to build on load).
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    programs = []
    for program in directory.programs:
        row = []
        for name in _PROGRAM_FIELDS:
            value = getattr(program, name)
            if name in _NESTED:
                value = tuple(
                    share(v, v) if isinstance(v, str) else v
                    for v in (getattr(value, f) for f in _NESTED[name].__dataclass_fields__)
                )
            if isinstance(value, (str, tuple)):
                value = share(value, value)
            row.append(value)
        programs.append(tuple(row))
    by_level: dict[str, list[int]] = {}
    for position, program in enumerate(directory.programs):
        for level in index_keys(program):
            by_level.setdefault(level, []).append(position)
    index = {level: tuple(positions) for level, positions in by_level.items()}
    return (FORMAT, info_tuple, tuple(programs), index)


def _from_plain(plain: tuple[Any, ...]) -> Directory:
    fmt, (name, source, sample, updated), rows, by_level = plain
    if fmt != FORMAT or type(rows) is not tuple or type(by_level) is not dict:
        raise ValueError("format")
    if type(name) is not str or type(sample) is not bool:
        raise ValueError("header")
    if any(
        type(positions) is not tuple
        or min(positions, default=0) < 0
        or max(positions, default=-1) >= len(rows)
        for positions in by_level.values()
    ):
        raise ValueError("level index points outside the rows")
    # Rows are built lazily, outside load()'s safety net, so their shape is checked
    # now: a row that does not fit the model makes the whole entry be rebuilt.
    # (One set of lengths per column: a loop over rows here cost 25 ms nationally.
    # Their values are the validated ones iopguide wrote: the HMAC says so.)
    if {len(row) for row in rows} - {len(_PROGRAM_FIELDS)}:
        raise ValueError("row does not fit the model")
    for field_name, cls in _NESTED.items():
        column = _FIELD_NAMES.index(field_name)
        if {len(row[column]) for row in rows} - {len(cls.__dataclass_fields__)}:
            raise ValueError(f"{field_name} does not fit the model")
    info = DirectoryInfo(name=name, source=source, sample=sample, updated=updated)
    return Directory(info, LazyPrograms(rows, by_level))


class LazyPrograms(Sequence[Program]):
    """Programs built from cached rows only when they are looked at.

    Building all 19,000 programs of a national directory was a third of a
    search's time; most searches look at one level of care, so the level index
    stored with the rows lets them build only those programs.
    """

    def __init__(
        self, rows: tuple[tuple[Any, ...], ...], by_level: dict[str, tuple[int, ...]]
    ) -> None:
        self._rows = rows
        self._built: list[Program | None] = [None] * len(rows)
        self._by_level = by_level

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Program: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Program]: ...
    def __getitem__(self, index: int | slice) -> Program | Sequence[Program]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        program = self._built[index]
        if program is None:
            program = self._built[index] = _build(self._rows[index])
        return program

    def __iter__(self) -> Iterator[Program]:
        return (self[i] for i in range(len(self._rows)))

    def find(self, program_id: str) -> Program | None:
        """The first program with this id, building only that one (``show ID``)."""
        for position, row in enumerate(self._rows):
            if row[0] == program_id:
                return self[position]
        return None

    def offering(self, levels: frozenset[str], region: Region | None = None) -> list[Program]:
        positions = sorted({p for level in levels for p in self._by_level.get(level, ())})
        if region is not None:
            # Test the raw row values first: building a Program costs ten times more.
            rows, reach = self._rows, region.may_reach
            positions = [
                p
                for p in positions
                if reach(
                    rows[p][_LOCATION][4],
                    rows[p][_LOCATION][2],
                    rows[p][_TELEHEALTH],
                    rows[p][_TELE_STATES],
                )
            ]
        return [self[p] for p in positions]


#: (column, model) of each group in a row.
_GROUP_COLUMNS = tuple((_FIELD_NAMES.index(name), cls) for name, cls in _NESTED.items())


def _build(row: tuple[Any, ...]) -> Program:
    # A loop over the three groups, not over every field: 0.87 us a program against
    # 0.81 for a hand-written unpacking of all 24 columns.
    values = list(row)
    for column, cls in _GROUP_COLUMNS:
        values[column] = cls(*values[column])  # type: ignore[misc]
    return Program(*values)
