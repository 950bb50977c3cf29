"""Read a directory's index (see :mod:`.index_build`): only the blocks a command needs.

Nothing read is trusted before it is checked: the header and each block must
carry the HMAC this user's key gives them, every offset must lie inside the
file, every value must have the type the header or block gives it, and every
row the model's shape (what is inside a row is vouched for by the HMAC). Tables
are checked when they are first used: at twenty times the national size,
checking tiles a search never reads would cost more than the search. A header that
fails means there is no entry (:func:`open_index` gives None and the directory
file is read again). A block that fails later, in the middle of a search, makes
:class:`IndexedPrograms` answer from the directory file instead (its
*fallback*), so a damaged entry costs time, never a wrong result or a crash.
"""

from __future__ import annotations

import bisect
import hmac
import marshal
import os
import sys
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from iopguide.directory import rows
from iopguide.directory.index_build import (
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
from iopguide.directory.model import Program, Region, offering

#: A header is under a megabyte even at twenty times the national size.
_MAX_HEADER = 64 << 20
#: What a damaged entry can raise while it is read: all of it means "do not trust it".
_BROKEN = (IndexError, KeyError, TypeError, ValueError, EOFError)

Blocks = Iterable[tuple[int, int]]  # (block number, key set number)


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
        self._fd, self._secret, self._start = fd, secret, start
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
        self._closer = weakref.finalize(self, os.close, fd)

    def close(self) -> None:
        self._closer()

    def body(self) -> bytes:
        """Every block, as written (to record a new stat above them)."""
        data = os.pread(self._fd, self._body, self._start)
        if len(data) != self._body:
            raise OSError("the index changed while it was read")
        return data

    def payload(self, number: int) -> Any:
        """Block *number*, checked against its place and its HMAC, as the values it holds."""
        ends = self.ends
        if type(number) is not int or not 0 <= number < len(ends):
            raise Damaged(f"no block {number!r}")
        start = ends[number - 1] if number else 0
        end = ends[number]
        if not start + MAC_SIZE <= end <= self._body:
            raise Damaged(f"block {number} lies outside the file")
        try:
            data = os.pread(self._fd, end - start, self._start + start)
        except OSError as err:
            raise Damaged(f"block {number}: {err}") from None
        if len(data) != end - start:
            raise Damaged(f"block {number} is cut short")
        payload = data[MAC_SIZE:]
        expected = block_mac(self._secret, self.content_key, number, payload)
        if not hmac.compare_digest(expected, data[:MAC_SIZE]):
            raise Damaged(f"block {number} does not match its HMAC")
        try:
            return marshal.loads(payload)
        except _BROKEN as err:
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
        except _BROKEN:
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
        except _BROKEN:
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
        mac = head[-MAC_SIZE:]
        if len(data) != length or not hmac.compare_digest(header_mac(secret, data), mac):
            raise Damaged("header HMAC")
        header = marshal.loads(data)
        if not _sound_header(header):
            raise Damaged("header values")
        return Index(fd, size, secret, header, HEAD_SIZE + length)
    except (Damaged, OSError, *_BROKEN):
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


class IndexedPrograms(Sequence[Program]):
    """The programmes of an index, built only when looked at.

    A search near a ZIP reads the tiles its box touches, the unplaced blocks
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
            try:
                self._every = self._read_all()
            except (Damaged, *_BROKEN):
                self._every = self._fallback()
        return self._every

    def _read_all(self) -> list[Program]:
        index = self._index
        found: dict[int, rows.Row] = {}
        for number in [*index.tile_block, *(u[0] for u in index.unplaced)]:
            positions, _keys, block = index.rows(number)
            found.update(zip(positions, block, strict=True))
        if len(found) != index.count:
            raise Damaged("the tiles do not hold every programme")
        return [self._program(p, found[p]) for p in range(index.count)]

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
                return [pid for n in index.id_blocks for pid in index.id_rows(n)[0]]
            except (Damaged, *_BROKEN):
                pass
        return [p.id for p in self._all()]

    def find(self, program_id: str) -> Program | None:
        """The first programme with this id, reading one id block and one tile."""
        if self._every is None:
            try:
                return self._find(program_id)
            except (Damaged, *_BROKEN):
                pass
        return next((p for p in self._all() if p.id == program_id), None)

    def _find(self, program_id: str) -> Program | None:
        index = self._index
        # The block before the first one that starts with the id may end with it: a repeated
        # id's first copy (ids are sorted, copies by position) can lie across a boundary.
        at = max(0, bisect.bisect_left(index.id_first, program_id) - 1)
        for number in index.id_blocks[at : at + 2]:
            ids, blocks, places = index.id_rows(number)
            here = bisect.bisect_left(ids, program_id)
            if here < len(ids) and ids[here] == program_id:
                break
        else:
            return None
        positions, _keys, block = index.rows(blocks[here])
        row = block[places[here]]
        if row[0] != program_id:
            raise Damaged("an id points to another programme")
        return self._program(positions[places[here]], row)

    def offering(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        """The programmes at *wanted* levels (None: any) that may reach *region*, in file order.

        Only the blocks that can hold them are read (by place, and by level), and
        only the programmes that pass are built.
        """
        if self._every is None and (wanted is not None or region is not None):
            try:
                return self._select(wanted, region)
            except (Damaged, *_BROKEN):
                pass
        return offering(self._all(), wanted, region)

    def _select(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        index = self._index
        keysets = index.keysets
        ok = [wanted is None or not wanted.isdisjoint(keys) for keys in keysets]
        found: dict[int, rows.Row] = {}
        if region is None:
            placed: Blocks = zip(index.tile_block, index.tile_keys, strict=True)
            others: Blocks = index.unplaced
        else:
            placed = _tiles_in(index, region)
            others = (*index.unplaced, *index.telehealth.get(region.state, ()))
        for blocks, near in ((placed, region), (others, None)):
            for number, keyset in blocks:
                if not ok[keyset]:
                    continue
                positions, keys, block = index.rows(number)
                for position, key, row in zip(positions, keys, block, strict=True):
                    if ok[key] and position not in found and (near is None or _reaches(near, row)):
                        found[position] = row
        return [self._program(p, found[p]) for p in sorted(found)]


def _reaches(region: Region, row: rows.Row) -> bool:
    location = row[rows.LOCATION]
    return region.may_reach(
        location[rows.LAT],
        location[rows.LON],
        location[rows.STATE],
        row[rows.TELEHEALTH],
        row[rows.TELE_STATES],
    )


def _tiles_in(index: Index, region: Region) -> Iterator[tuple[int, int]]:
    """The tiles whose latitude slice and longitude range meet the region's box (bisected)."""
    slices, lo, hi = index.slices, index.tile_lo, index.tile_hi
    at = bisect.bisect_left(slices, region.lat_lo, key=lambda s: s[1])
    for lat_lo, _lat_hi, first, end in slices[at:]:
        if lat_lo > region.lat_hi:
            break
        if end > len(lo):
            raise Damaged("a slice points past the tiles")
        for tile in range(bisect.bisect_left(hi, region.lon_lo, first, end), end):
            if lo[tile] > region.lon_hi:
                break
            yield index.tile_block[tile], index.tile_keys[tile]
