"""Write a directory's index: its validated rows in blocks, found by place, state and id.

A search near a ZIP reads only the blocks near the person (and those of the
person's state's telehealth programmes), so its cost follows the programmes
around them, not the size of the country. The layout::

    MAGIC (8 bytes) | header length (4, little-endian) | header HMAC (32) | header | blocks

Each block is its HMAC (32 bytes) followed by its payload. The header and the
payloads are ``marshal`` data of built-in values only (tuples, text, numbers,
bytes, None). Every HMAC is made with this user's secret cache key
(:func:`iopguide.io.private.secret_key`) over the magic, the content key and
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

Each row block holds ``(position, level keys, row)`` entries: the position in
the directory file (results keep the file's order among equals), the keys of
:func:`fit.index_keys`, and the row of :mod:`.rows`.
"""

from __future__ import annotations

import hmac
import marshal
import math
import struct
from collections.abc import Sequence
from typing import Any

from iopguide.directory import rows
from iopguide.directory.fit import index_keys
from iopguide.directory.model import Directory, recorded_facts

FORMAT = 5
MAGIC = b"IOPIDX\x00\x05"
LENGTH = struct.Struct("<I")
MAC_SIZE = 32
HEAD_SIZE = len(MAGIC) + LENGTH.size + MAC_SIZE
TILE = 64
ID_CHUNK = 512
#: The header's parts, in order (index_read checks each one).
HEADER = (
    "format",
    "content_key",
    "stat",
    "recorded_ns",
    "info",
    "count",
    "recorded",
    "blocks",
    "slices",
    "tiles",
    "unplaced",
    "telehealth",
    "ids",
)

Entry = tuple[int, tuple[str, ...], rows.Row]


def block_mac(secret: bytes, content_key: bytes, number: int, payload: bytes) -> bytes:
    return hmac.digest(secret, MAGIC + content_key + LENGTH.pack(number) + payload, "sha256")


def header_mac(secret: bytes, header: bytes) -> bytes:
    return hmac.digest(secret, MAGIC + LENGTH.pack(len(header)) + header, "sha256")


class _Blocks:
    """The blocks written so far, each signed, with their (offset, length) in the body."""

    def __init__(self, secret: bytes, content_key: bytes) -> None:
        self.secret, self.content_key = secret, content_key
        self.parts: list[bytes] = []
        self.places: list[tuple[int, int]] = []
        self.size = 0

    def add(self, payload: Any) -> int:
        data = marshal.dumps(payload)
        number = len(self.places)
        mac = block_mac(self.secret, self.content_key, number, data)
        self.parts += (mac, data)
        self.places.append((self.size, MAC_SIZE + len(data)))
        self.size += MAC_SIZE + len(data)
        return number


def _keys_of(entries: Sequence[Entry]) -> tuple[str, ...]:
    return tuple(sorted({key for _pos, keys, _row in entries for key in keys}))


def _chunks(entries: Sequence[Entry], size: int = TILE) -> list[Sequence[Entry]]:
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
    entries: list[Entry] = [
        (position, index_keys(program), row)
        for position, (program, row) in enumerate(
            zip(programs, rows.to_rows(programs), strict=True)
        )
    ]
    blocks = _Blocks(secret, content_key)
    where: dict[int, tuple[int, int]] = {}  # position -> (block, index in block)

    def add_rows(chunk: Sequence[Entry]) -> int:
        number = blocks.add(tuple(chunk))
        for index, (position, _keys, _row) in enumerate(chunk):
            where.setdefault(position, (number, index))
        return number

    placed, elsewhere = [], []
    for entry in entries:
        (placed if _coordinates(entry[2]) is not None else elsewhere).append(entry)
    unplaced = tuple((add_rows(c), _keys_of(c)) for c in _chunks(elsewhere))
    slices, tiles = _tiles(placed, add_rows)
    telehealth = tuple(
        (state, tuple((add_rows(c), _keys_of(c)) for c in _chunks(serving)))
        for state, serving in _by_state(entries)
    )
    ids = sorted((row[0], position) for position, _keys, row in entries)
    id_blocks = tuple(
        (chunk[0][0], blocks.add(tuple((pid, *where[position]) for pid, position in chunk)))
        for chunk in _chunks(ids, ID_CHUNK)
    )
    info = directory.info
    header = marshal.dumps(
        (
            FORMAT,
            content_key,
            stat,
            recorded_ns,
            (info.name, info.source, info.sample, info.updated),
            len(entries),
            tuple(sorted(recorded_facts(programs))),
            tuple(blocks.places),
            slices,
            tiles,
            unplaced,
            telehealth,
            id_blocks,
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


def _coordinates(row: rows.Row) -> tuple[float, float] | None:
    location = row[rows.LOCATION]
    lat, lon = location[rows.LAT], location[rows.LON]
    return None if lat is None or lon is None else (lat, lon)


def _tiles(placed: list[Entry], add_rows: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Sort-tile-recursive packing: ``slices`` (lat_lo, lat_hi, first, end) over ``tiles``
    (lon_lo, lon_hi, block, keys), both in order, so each can be bisected."""

    def lat_of(e: Entry) -> tuple[float, float, int]:
        lat, lon = _coordinates(e[2])  # type: ignore[misc]
        return (lat, lon, e[0])

    def lon_of(e: Entry) -> tuple[float, float, int]:
        lat, lon = _coordinates(e[2])  # type: ignore[misc]
        return (lon, lat, e[0])

    placed = sorted(placed, key=lat_of)
    per_slice = TILE * max(1, math.ceil(math.sqrt(len(placed) / TILE)))
    slices, tiles = [], []
    for start in range(0, len(placed), per_slice):
        band = placed[start : start + per_slice]
        first = len(tiles)
        for chunk in _chunks(sorted(band, key=lon_of)):
            lons = [lon_of(e)[0] for e in chunk]
            tiles.append((min(lons), max(lons), add_rows(chunk), _keys_of(chunk)))
        slices.append((lat_of(band[0])[0], lat_of(band[-1])[0], first, len(tiles)))
    return tuple(slices), tuple(tiles)


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
