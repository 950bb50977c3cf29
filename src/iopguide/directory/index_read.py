"""Read a directory's index (see :mod:`.index_build`): only the blocks a command needs.

Nothing read is trusted before it is checked: the header and each block must
carry the MAC this user's key gives them, every offset must lie inside the
file, every value must have the type the header or block gives it, and every
row the model's shape (what is inside a row is vouched for by the MAC). Tables
are checked when they are first used: at twenty times the national size,
checking tiles a search never reads would cost more than the search. A header that
fails means there is no entry (:func:`open_index` gives None and the directory
file is read again). A block that fails later raises :class:`Damaged` (or one of
:data:`BROKEN`), on which :class:`.indexed_programs.IndexedPrograms` answers from
the directory file instead, so a damaged entry costs time, never a wrong result
or a crash.
"""

from __future__ import annotations

import marshal
import os
import sys
from array import array

from iopguide.directory import rows
from iopguide.directory.index_format import (
    END_TYPE,
    FORMAT,
    HEAD_SIZE,
    HEADER,
    LENGTH,
    MAC_SIZE,
    MAGIC,
    NUMBER_TYPE,
    block_mac,
    header_mac,
)
from iopguide.io import mac

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: A header is under a megabyte even at twenty times the national size.
_MAX_HEADER = 64 << 20
#: What a damaged entry can raise while it is read: all of it means "do not trust it".
BROKEN = (IndexError, KeyError, TypeError, ValueError, EOFError)


class _Descriptor:
    """An open file descriptor, closed once: by :meth:`close` or when it is dropped.

    (Rather than ``weakref.finalize``, which costs a search weakref and atexit.)
    """

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self, _close: Callable[[int], None] = os.close) -> None:
        fd, self.fd = self.fd, -1  # os.close bound early: it may run as the interpreter exits
        if fd >= 0:
            _close(fd)

    __del__ = close


class Damaged(Exception):
    """Part of an index is not what iopguide wrote: use the directory file instead."""


def _is_int(value: object, low: int = 0) -> bool:
    return type(value) is int and value >= low


def _is_texts(value: object) -> bool:
    return type(value) is tuple and all(type(v) is str for v in value)


def _opt_text(value: object) -> bool:
    return value is None or type(value) is str


def _numbers(data: object, kind: str) -> array:
    if type(data) is not bytes:
        raise Damaged("a table is not packed numbers")
    packed = array(kind)
    packed.frombytes(data)  # ValueError for a length that is not whole numbers
    return packed


class Index:
    """An open index file: its checked header, and its blocks read on demand."""

    def __init__(self, fd: int, size: int, secret: bytes, header: tuple[Any, ...], start: int):
        self._secret, self._start = secret, start
        self._body = size - start
        self.header = header
        values = dict(zip(HEADER, header, strict=True))
        self.content_key: bytes = values["content_key"]
        self.stat: tuple[int, ...] | None = values["stat"]
        self.recorded_ns: int = values["recorded_ns"]
        self.info: tuple[Any, ...] = values["info"]
        self.count: int = values["count"]
        self.recorded = frozenset(values["recorded"])
        self.keysets: tuple[tuple[str, ...], ...] = values["keysets"]
        self.ends = _numbers(values["ends"], END_TYPE)
        self.slices: tuple[tuple[float, float, int, int], ...] = values["slices"]
        self.tile_lo = _numbers(values["tile_lo"], "d")
        self.tile_hi = _numbers(values["tile_hi"], "d")
        self.tile_block = _numbers(values["tile_block"], NUMBER_TYPE)
        self.tile_keys = _numbers(values["tile_keys"], NUMBER_TYPE)
        self.unplaced: tuple[tuple[int, int], ...] = values["unplaced"]
        self.telehealth = dict(values["telehealth"])
        self.id_first: tuple[str, ...] = values["id_first"]
        self.id_blocks = _numbers(values["id_blocks"], NUMBER_TYPE)
        tiles = len(self.tile_lo)
        if not (
            len(self.tile_hi) == len(self.tile_block) == len(self.tile_keys) == tiles
            and len(self.id_blocks) == len(self.id_first)
        ):
            raise Damaged("the tables differ in length")
        if (self.ends[-1] if self.ends else 0) != self._body:
            raise Damaged("the blocks do not end where the file does: cut short or added to")
        # Closed when the index is dropped (the guide loads a directory for each person);
        # made last, so a header refused above is closed once, by open_index.
        self._file = _Descriptor(fd)

    def close(self) -> None:
        self._file.close()

    def body(self) -> bytes:
        """Every block, as written (to record a new stat above them)."""
        data = os.pread(self._file.fd, self._body, self._start)  # closed: -1, EBADF
        if len(data) != self._body:
            raise OSError("the index changed while it was read")
        return data

    def payload(self, number: int) -> Any:
        """Block *number*, checked against its place and its MAC, as the values it holds."""
        ends = self.ends
        if type(number) is not int or not 0 <= number < len(ends):
            raise Damaged(f"no block {number!r}")
        start = ends[number - 1] if number else 0
        end = ends[number]
        if not start + MAC_SIZE <= end <= self._body:
            raise Damaged(f"block {number} lies outside the file")
        try:
            data = os.pread(self._file.fd, end - start, self._start + start)
        except OSError as err:
            raise Damaged(f"block {number}: {err}") from None
        if len(data) != end - start:
            raise Damaged(f"block {number} is cut short")
        payload = data[MAC_SIZE:]
        expected = block_mac(self._secret, self.content_key, number, payload)
        if not mac.same(expected, data[:MAC_SIZE]):
            raise Damaged(f"block {number} does not match its MAC")
        try:
            return marshal.loads(payload)
        except BROKEN as err:
            raise Damaged(f"block {number}: {err}") from None

    def rows(self, number: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[rows.Row, ...]]:
        """A block of rows: its positions, key sets and rows, every column checked."""
        found = self.payload(number)
        try:
            positions, keys, block = found
            whole = (
                type(positions) is type(keys) is type(block) is tuple
                and len(positions) == len(keys) == len(block)
                and set(map(type, positions)) <= {int}
                and set(map(type, keys)) <= {int}
                and (not block or 0 <= min(positions) <= max(positions) < self.count)
                and (not block or 0 <= min(keys) <= max(keys) < len(self.keysets))
                and rows.all_fit(block)
            )
        except BROKEN:
            whole = False
        if not whole:
            raise Damaged(f"block {number} does not hold rows")
        return found

    def id_rows(self, number: int) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
        """A block of ids: each id, the block holding its programme, and its place there."""
        found = self.payload(number)
        try:
            ids, blocks, places = found
            whole = (
                type(ids) is type(blocks) is type(places) is tuple
                and len(ids) == len(blocks) == len(places)
                and set(map(type, ids)) <= {str}
                and set(map(type, blocks)) <= {int}
                and set(map(type, places)) <= {int}
            )
        except BROKEN:
            whole = False
        if not whole:
            raise Damaged(f"block {number} does not hold ids")
        return found


def open_index(fd: int, secret: bytes) -> Index | None:
    """The index in the open file *fd* (which it then owns), or None when it is not sound."""
    try:
        size = os.fstat(fd).st_size
        head = os.pread(fd, HEAD_SIZE, 0)
        if len(head) != HEAD_SIZE or not head.startswith(MAGIC):
            raise Damaged("not an index")
        (length,) = LENGTH.unpack_from(head, len(MAGIC))
        if length > min(_MAX_HEADER, size - HEAD_SIZE):
            raise Damaged("header length")
        data = os.pread(fd, length, HEAD_SIZE)
        signed = head[-MAC_SIZE:]
        if len(data) != length or not mac.same(header_mac(secret, data), signed):
            raise Damaged("header MAC")
        header = marshal.loads(data)
        if not _sound_header(header):
            raise Damaged("header values")
        return Index(fd, size, secret, header, HEAD_SIZE + length)
    except (Damaged, OSError, *BROKEN):
        os.close(fd)
        return None


def _sound_header(header: object) -> bool:
    """The header's own values have their types (its tables are checked where they are used)."""
    if type(header) is not tuple or len(header) != len(HEADER):
        return False
    values = dict(zip(HEADER, header, strict=True))
    stat, info = values["stat"], values["info"]
    return (
        values["format"] == FORMAT
        and values["byteorder"] == sys.byteorder
        and type(values["content_key"]) is bytes
        and len(values["content_key"]) == 32
        and (stat is None or (type(stat) is tuple and len(stat) == 5 and all(map(_is_int, stat))))
        and _is_int(values["recorded_ns"])
        and type(info) is tuple
        and len(info) == 4
        and type(info[0]) is str
        and _opt_text(info[1])
        and type(info[2]) is bool
        and _opt_text(info[3])
        and _is_int(values["count"])
        and _is_texts(values["recorded"])
        and type(values["keysets"]) is tuple
        and all(map(_is_texts, values["keysets"]))
        and type(values["slices"]) is tuple
        and all(
            type(s) is tuple
            and len(s) == 4
            and type(s[0]) is type(s[1]) is float
            and _is_int(s[2])
            and _is_int(s[3], s[2])
            for s in values["slices"]
        )
        and _pairs(values["unplaced"])
        and type(values["telehealth"]) is tuple
        and all(
            type(t) is tuple and len(t) == 2 and type(t[0]) is str and _pairs(t[1])
            for t in values["telehealth"]
        )
        and _is_texts(values["id_first"])
    )


def _pairs(blocks: object) -> bool:
    """(block, key set) pairs of ints (their ranges are checked when read)."""
    return type(blocks) is tuple and all(
        type(b) is tuple and len(b) == 2 and _is_int(b[0]) and _is_int(b[1]) for b in blocks
    )
