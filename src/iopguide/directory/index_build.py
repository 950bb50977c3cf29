"""Write a directory's index: its validated rows in blocks, found by place, state and id.

A search near a ZIP reads only the blocks near the person (and those of the
person's state's telehealth programmes), so its cost follows the programmes
around them, not the size of the country. The layout::

    MAGIC (8 bytes) | header length (4, little-endian) | header MAC (32) | header | blocks

Each block is its MAC (32 bytes, keyed BLAKE2b: :mod:`iopguide.io.mac`) followed
by its payload. The header and the payloads are ``marshal`` data of built-in
values only (tuples, text, numbers, bytes, None). Every MAC is made with this
user's secret cache key (:func:`iopguide.io.private.secret_key`) over the magic, the content key and
the block's number as well as its bytes, so a block cannot be forged, altered,
truncated or moved from another entry without :mod:`.index_read` noticing.

Blocks (``TILE`` rows each):

* **tiles**: programmes with coordinates, packed by sort-tile-recursive order:
  sorted by latitude into slices, each slice sorted by longitude and cut into
  tiles. The header gives each slice's latitude range and each tile's
  longitude range, so a search bisects to the few tiles its box touches;
* **unplaced**: programmes without coordinates (placed at their ZIP's centre
  when searched, so always read);
* **telehealth**: per state, a copy of every programme offering telehealth
  there, grouped by level so a search skips the blocks without its levels;
* **ids**: every id in order with its tile and row, for ``show ID``.

A row block holds three columns: each programme's position in the directory
file (results keep the file's order among equals), the number of its set of
level keys (:func:`fit.index_keys`; the header lists the sets) and its row
(:mod:`.rows`). The header keeps its long tables (where each block ends, each
tile's longitude range, block and key set, each id block's first id) as packed
arrays of machine numbers, so a search reads them without building an object
per tile, even at twenty times the national size.
"""

from __future__ import annotations

import marshal
import math
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import count, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from iopguide.directory import rows
from iopguide.directory.fit import index_keys
from iopguide.directory.index_format import (
    END_TYPE,
    FORMAT,
    HEADER,
    LENGTH,
    MAC_SIZE,
    MAGIC,
    NUMBER_TYPE,
    block_mac,
    header_mac,
)
from iopguide.directory.model import Directory, recorded_facts

TILE = 64
ID_CHUNK = 512

if TYPE_CHECKING:
    Entry = tuple[int, int, rows.Row]  # position, key set, row
    Placed = tuple[float, float, int, Entry]  # lat, lon, position, entry


class _Blocks:
    """The blocks written so far, each signed, and where each one ends in the body."""

    def __init__(self, secret: bytes, content_key: bytes) -> None:
        self.secret, self.content_key = secret, content_key
        self.parts: list[bytes] = []
        self.ends = array(END_TYPE)

    def add(self, payload: Any) -> int:
        data = marshal.dumps(payload)
        number = len(self.ends)
        self.parts += (block_mac(self.secret, self.content_key, number, data), data)
        self.ends.append((self.ends[-1] if self.ends else 0) + MAC_SIZE + len(data))
        return number


class _KeySets:
    """Numbers for the distinct sets of level keys (a few dozen in a national directory)."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, ...], int] = {}
        self._given: dict[tuple[str, ...], int] = {}  # the same, by the keys as given

    def number(self, keys: tuple[str, ...]) -> int:
        found = self._given.get(keys)
        if found is None:
            found = self.numbers.setdefault(tuple(sorted(keys)), len(self.numbers))
            self._given[keys] = found
        return found

    def union(self, numbers: Iterable[int]) -> int:
        """The number of the union of the key sets numbered *numbers*."""
        sets = list(self.numbers)
        return self.number(tuple({key for k in set(numbers) for key in sets[k]}))


def _chunks(entries: Sequence[Any], size: int = TILE) -> list[Sequence[Any]]:
    return [entries[i : i + size] for i in range(0, len(entries), size)]


def build(
    directory: Directory,
    content_key: bytes,
    secret: bytes,
    *,
    stat: tuple[int, ...] | None = None,
    recorded_ns: int = 0,
) -> list[bytes]:
    """The parts of the index file for *directory* (to be written in order)."""
    programs = directory.programs
    keysets = _KeySets()
    entries: list[Entry] = [
        (position, keysets.number(index_keys(program)), row)
        for position, (program, row) in enumerate(
            zip(programs, rows.to_rows(programs), strict=True)
        )
    ]
    blocks = _Blocks(secret, content_key)
    where: dict[int, tuple[int, int]] = {}  # position -> (block, index in block)

    def add_rows(chunk: Sequence[Entry], *, copies: bool = False) -> tuple[int, int]:
        """(block number, key set of the whole block); *copies* for telehealth's blocks."""
        positions, numbers, _rows = columns = tuple(map(tuple, zip(*chunk, strict=True)))
        number = blocks.add(columns)
        if not copies:  # where each programme is, for the ids (each is placed once)
            where.update(zip(positions, zip(repeat(number), count()), strict=False))
        return number, keysets.union(numbers)

    placed, elsewhere = [], []
    for entry in entries:
        location = entry[2][rows.LOCATION]
        lat, lon = location[rows.LAT], location[rows.LON]
        if lat is None or lon is None:
            elsewhere.append(entry)
        else:
            placed.append((lat, lon, entry[0], entry))
    unplaced = tuple(add_rows(c) for c in _chunks(elsewhere))
    slices, tiles = _tiles(placed, add_rows)
    telehealth = tuple(
        (state, tuple(add_rows(c, copies=True) for c in _chunks(serving)))
        for state, serving in _by_state(entries)
    )
    ids = sorted((row[0], position) for position, _keys, row in entries)
    id_first, id_blocks = [], array(NUMBER_TYPE)
    for chunk in _chunks(ids, ID_CHUNK):
        id_first.append(chunk[0][0])
        found = [(pid, *where[position]) for pid, position in chunk]
        id_blocks.append(blocks.add(tuple(map(tuple, zip(*found, strict=True)))))
    info = directory.info
    header = marshal.dumps(
        (
            FORMAT,
            sys.byteorder,
            content_key,
            stat,
            recorded_ns,
            (info.name, info.source, info.sample, info.updated),
            len(entries),
            tuple(sorted(recorded_facts(programs))),
            tuple(keysets.numbers),
            blocks.ends.tobytes(),
            slices,
            *(column.tobytes() for column in tiles),
            unplaced,
            telehealth,
            tuple(id_first),
            id_blocks.tobytes(),
        )
    )
    return [MAGIC, LENGTH.pack(len(header)), header_mac(secret, header), header, *blocks.parts]


def restamp(
    header: tuple[Any, ...], body: bytes, secret: bytes, stat: tuple[int, ...], recorded_ns: int
) -> list[bytes]:
    """The parts of an index whose header records a new stat (its blocks are unchanged)."""
    values = list(header)
    values[HEADER.index("stat")] = stat
    values[HEADER.index("recorded_ns")] = recorded_ns
    data = marshal.dumps(tuple(values))
    return [MAGIC, LENGTH.pack(len(data)), header_mac(secret, data), data, body]


def _tiles(placed: list[Placed], add_rows: Any) -> tuple[tuple[Any, ...], tuple[array, ...]]:
    """Sort-tile-recursive packing: ``slices`` (lat_lo, lat_hi, first tile, end tile) over
    the tiles' columns (lon_lo, lon_hi, block, key set), both in order, so both bisect.

    *placed* is (lat, lon, position, entry) for each programme with coordinates: the
    position is unique, so sorting never compares two entries.
    """
    placed = sorted(placed)  # by latitude, then longitude and position
    by_lon = itemgetter(1, 0, 2)
    per_slice = TILE * max(1, math.ceil(math.sqrt(len(placed) / TILE)))
    slices = []
    lo, hi, block, keys = array("d"), array("d"), array(NUMBER_TYPE), array(NUMBER_TYPE)
    for start in range(0, len(placed), per_slice):
        band = placed[start : start + per_slice]
        first = len(block)
        for chunk in _chunks(sorted(band, key=by_lon)):
            lons = [p[1] for p in chunk]
            number, keyset = add_rows([p[3] for p in chunk])
            lo.append(min(lons))
            hi.append(max(lons))
            block.append(number)
            keys.append(keyset)
        slices.append((band[0][0], band[-1][0], first, len(block)))
    return tuple(slices), (lo, hi, block, keys)


def _by_state(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Per state, the programmes offering telehealth there (the search's rule), by level."""
    serving: dict[str, list[Entry]] = {}
    for entry in entries:
        row = entry[2]
        if not row[rows.TELEHEALTH]:
            continue
        states = row[rows.TELE_STATES] or (row[rows.LOCATION][rows.STATE],)
        for state in dict.fromkeys(states):
            if state is not None:
                serving.setdefault(state, []).append(entry)
    return [
        (state, sorted(found, key=lambda e: (e[1], e[0])))
        for state, found in sorted(serving.items())
    ]
