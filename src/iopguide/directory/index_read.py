"""Read a directory's index (see :mod:`.index_build`): only the blocks a command needs.

Nothing read is trusted before it is checked: the header and each block must
carry the HMAC this user's key gives them, every offset must lie inside the
file, and every value must have the type and shape the model expects. A
header that fails means there is no entry (:func:`open_index` gives None and
the directory file is read again). A block that fails later, in the middle of
a search, makes :class:`IndexedPrograms` answer from the directory file
instead (its *fallback*), so a damaged entry costs time, never a wrong result
or a crash.
"""

from __future__ import annotations

import bisect
import hmac
import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from iopguide.directory import rows
from iopguide.directory.index_build import (
    FORMAT,
    HEAD_SIZE,
    HEADER,
    LENGTH,
    MAC_SIZE,
    MAGIC,
    block_mac,
    header_mac,
)
from iopguide.directory.model import Program, Region, offering

#: A header is a few hundred kilobytes even at twenty times the national size.
_MAX_HEADER = 64 << 20


class Damaged(Exception):
    """Part of an index is not what iopguide wrote: use the directory file instead."""


def _is_int(value: object, low: int = 0, high: float = float("inf")) -> bool:
    return type(value) is int and low <= value <= high


def _is_number(value: object) -> bool:
    return type(value) in (int, float)


def _is_texts(value: object) -> bool:
    return type(value) is tuple and all(type(v) is str for v in value)


def _is_text(value: object) -> bool:
    return type(value) is str


def _opt_text(value: object) -> bool:
    return value is None or type(value) is str


class Index:
    """An open index file: its checked header, and its blocks read on demand."""

    def __init__(self, fd: int, size: int, secret: bytes, header: tuple[Any, ...], start: int):
        self._fd, self._size, self._secret, self._start = fd, size, secret, start
        self.header = header
        values = dict(zip(HEADER, header, strict=True))
        self.content_key: bytes = values["content_key"]
        self.stat: tuple[int, ...] | None = values["stat"]
        self.recorded_ns: int = values["recorded_ns"]
        self.info: tuple[Any, ...] = values["info"]
        self.count: int = values["count"]
        self.recorded = frozenset(values["recorded"])
        self.blocks: tuple[tuple[int, int], ...] = values["blocks"]
        self.slices: tuple[tuple[float, float, int, int], ...] = values["slices"]
        self.tiles: tuple[tuple[float, float, int, tuple[str, ...]], ...] = values["tiles"]
        self.unplaced: tuple[tuple[int, tuple[str, ...]], ...] = values["unplaced"]
        self.telehealth: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = dict(
            values["telehealth"]
        )
        self.ids: tuple[tuple[str, int], ...] = values["ids"]
        self.first_ids = [first for first, _block in self.ids]

    def close(self) -> None:
        os.close(self._fd)

    def body(self) -> bytes:
        """Every block, as written (to record a new stat above them)."""
        length = self._size - self._start
        data = os.pread(self._fd, length, self._start)
        if len(data) != length:
            raise OSError("the index changed while it was read")
        return data

    def payload(self, number: int) -> Any:
        """Block *number*, checked against its HMAC, as the values it holds."""
        offset, length = self.blocks[number]
        try:
            data = os.pread(self._fd, length, self._start + offset)
        except OSError as err:
            raise Damaged(f"block {number}: {err}") from None
        if len(data) != length:
            raise Damaged(f"block {number} is cut short")
        payload = memoryview(data)[MAC_SIZE:]
        expected = block_mac(self._secret, self.content_key, number, bytes(payload))
        if not hmac.compare_digest(expected, data[:MAC_SIZE]):
            raise Damaged(f"block {number} does not match its HMAC")
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError) as err:
            raise Damaged(f"block {number}: {err}") from None

    def entries(self, number: int) -> tuple[tuple[int, tuple[str, ...], rows.Row], ...]:
        """A block of rows: (position, level keys, row) each, every one checked."""
        found = self.payload(number)
        count = self.count
        if type(found) is not tuple or not all(
            type(e) is tuple
            and len(e) == 3
            and _is_int(e[0], 0, count - 1)
            and _is_texts(e[1])
            and rows.fits(e[2])
            for e in found
        ):
            raise Damaged(f"block {number} does not hold rows")
        return found

    def id_entries(self, number: int) -> tuple[tuple[str, int, int], ...]:
        found = self.payload(number)
        last = len(self.blocks) - 1
        if type(found) is not tuple or not all(
            type(e) is tuple
            and len(e) == 3
            and type(e[0]) is str
            and _is_int(e[1], 0, last)
            and _is_int(e[2], 0, 1 << 20)
            for e in found
        ):
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
        if len(data) != length or not hmac.compare_digest(
            header_mac(secret, data), head[-MAC_SIZE:]
        ):
            raise Damaged("header HMAC")
        header = marshal.loads(data)
        if not _sound_header(header, size - HEAD_SIZE - length):
            raise Damaged("header values")
        return Index(fd, size, secret, header, HEAD_SIZE + length)
    except (Damaged, OSError, EOFError, ValueError, TypeError):
        os.close(fd)
        return None


def _sound_header(header: object, body: int) -> bool:
    """Every value of the header has its type, and every number its range."""
    if type(header) is not tuple or len(header) != len(HEADER) or header[0] != FORMAT:
        return False
    (
        _fmt,
        key,
        stat,
        recorded_ns,
        info,
        count,
        recorded,
        blocks,
        slices,
        tiles,
        unplaced,
        tele,
        ids,
    ) = header
    if not (
        type(key) is bytes
        and len(key) == 32
        and (stat is None or (type(stat) is tuple and len(stat) == 5 and all(map(_is_int, stat))))
        and _is_int(recorded_ns)
        and type(info) is tuple
        and len(info) == 4
        and type(info[0]) is str
        and _opt_text(info[1])
        and type(info[2]) is bool
        and _opt_text(info[3])
        and _is_int(count)
        and _is_texts(recorded)
        and type(blocks) is tuple
    ):
        return False
    if not all(
        type(b) is tuple
        and len(b) == 2
        and _is_int(b[0])
        and _is_int(b[1], MAC_SIZE)
        and b[0] + b[1] <= body
        for b in blocks
    ):
        return False
    last = len(blocks) - 1

    def lists(parts: object) -> bool:
        return type(parts) is tuple and all(
            type(p) is tuple and len(p) == 2 and _is_int(p[0], 0, last) and _is_texts(p[1])
            for p in parts
        )

    return (
        type(tiles) is tuple
        and all(
            type(t) is tuple
            and len(t) == 4
            and _is_number(t[0])
            and _is_number(t[1])
            and _is_int(t[2], 0, last)
            and _is_texts(t[3])
            for t in tiles
        )
        and type(slices) is tuple
        and all(
            type(s) is tuple
            and len(s) == 4
            and _is_number(s[0])
            and _is_number(s[1])
            and _is_int(s[2], 0, len(tiles))
            and _is_int(s[3], s[2], len(tiles))
            for s in slices
        )
        and lists(unplaced)
        and type(tele) is tuple
        and all(
            type(t) is tuple and len(t) == 2 and type(t[0]) is str and lists(t[1]) for t in tele
        )
        and type(ids) is tuple
        and all(
            type(i) is tuple and len(i) == 2 and type(i[0]) is str and _is_int(i[1], 0, last)
            for i in ids
        )
    )


class IndexedPrograms(Sequence[Program]):
    """The programmes of an index, built only when looked at.

    A search near a ZIP reads the tiles its box touches, the unplaced block
    and the state's telehealth blocks (:meth:`offering`); ``show ID`` reads one
    id block and one tile (:meth:`find`); anything that needs every programme
    reads every tile once. *fallback* gives the programmes from the directory
    file itself, for when a block turns out damaged.
    """

    def __init__(self, index: Index, fallback: Callable[[], Sequence[Program]]) -> None:
        self._index = index
        self._fallback = fallback
        self._built: dict[int, Program] = {}
        self._every: Sequence[Program] | None = None
        self.recorded = index.recorded

    def _program(self, position: int, row: rows.Row) -> Program:
        program = self._built.get(position)
        if program is None:
            program = self._built[position] = rows.build(row)
        return program

    def _all(self) -> Sequence[Program]:
        if self._every is None:
            index = self._index
            try:
                found: dict[int, rows.Row] = {}
                numbers = [t[2] for t in index.tiles] + [u[0] for u in index.unplaced]
                for number in numbers:
                    for position, _keys, row in index.entries(number):
                        found[position] = row
                if len(found) != index.count:
                    raise Damaged("the tiles do not hold every programme")
                self._every = [self._program(p, found[p]) for p in range(index.count)]
            except Damaged:
                self._every = self._fallback()
        return self._every

    def __len__(self) -> int:
        return self._index.count if self._every is None else len(self._every)

    @overload
    def __getitem__(self, index: int) -> Program: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Program]: ...
    def __getitem__(self, index: int | slice) -> Program | Sequence[Program]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Program]:
        return iter(self._all())

    def ids(self) -> list[str]:
        if self._every is None:
            try:
                index = self._index
                return [e[0] for _first, n in index.ids for e in index.id_entries(n)]
            except Damaged:
                pass
        return [p.id for p in self._all()]

    def find(self, program_id: str) -> Program | None:
        """The first programme with this id, reading one id block and one tile."""
        if self._every is None:
            try:
                return self._find(program_id)
            except Damaged:
                pass
        return next((p for p in self._all() if p.id == program_id), None)

    def _find(self, program_id: str) -> Program | None:
        index = self._index
        at = bisect.bisect_right(index.first_ids, program_id) - 1
        if at < 0:
            return None
        for pid, number, place in index.id_entries(index.ids[at][1]):
            if pid == program_id:
                found = index.entries(number)
                if place >= len(found) or found[place][2][0] != program_id:
                    raise Damaged("an id points to another programme")
                return self._program(found[place][0], found[place][2])
        return None

    def offering(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        """The programmes at *wanted* levels (None: any) that may reach *region*, in file order.

        Only the blocks that can hold them are read (by place, and by level), and
        only the programmes that pass are built.
        """
        if self._every is None and (wanted is not None or region is not None):
            try:
                return self._select(wanted, region)
            except Damaged:
                pass
        return offering(self._all(), wanted, region)

    def _select(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        index = self._index
        found: dict[int, rows.Row] = {}

        def take(number: int, keys: tuple[str, ...], placed: bool) -> None:
            if wanted is not None and wanted.isdisjoint(keys):
                return
            for position, row_keys, row in index.entries(number):
                if position in found or (wanted is not None and wanted.isdisjoint(row_keys)):
                    continue
                if placed and region is not None:
                    location = row[rows.LOCATION]
                    if not region.may_reach(
                        location[rows.LAT],
                        location[rows.LON],
                        location[rows.STATE],
                        row[rows.TELEHEALTH],
                        row[rows.TELE_STATES],
                    ):
                        continue
                found[position] = row

        if region is None:
            tiles: Iterable[tuple[int, tuple[str, ...]]] = ((t[2], t[3]) for t in index.tiles)
            others = index.unplaced
        else:
            tiles = _tiles_in(index, region)
            others = (*index.unplaced, *index.telehealth.get(region.state, ()))
        for number, keys in tiles:
            take(number, keys, placed=True)
        for number, keys in others:
            take(number, keys, placed=False)
        return [self._program(p, found[p]) for p in sorted(found)]


def _tiles_in(index: Index, region: Region) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The tiles whose latitude slice and longitude range meet the region's box (bisected)."""
    slices, tiles = index.slices, index.tiles
    at = bisect.bisect_left(slices, region.lat_lo, key=lambda s: s[1])
    for lat_lo, _lat_hi, first, end in slices[at:]:
        if lat_lo > region.lat_hi:
            break
        start = bisect.bisect_left(tiles, region.lon_lo, first, end, key=lambda t: t[1])
        for lon_lo, _lon_hi, number, keys in tiles[start:end]:
            if lon_lo > region.lon_hi:
                break
            yield number, keys
