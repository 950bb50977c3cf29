"""Offline US geography: ZIP code centres and distances.

The coordinates come from the ``zipcodes`` package, which ships them inside the
wheel, so no network is ever needed. Its first lookup decompresses the whole
table (about 0.4 s here), so the centres are kept in a small sorted binary file
in the user's private cache folder and found by binary search. The file is
named after the zipcodes version and carries a MAC (:mod:`iopguide.io.mac`) of its records made with
the user's secret cache key (:func:`iopguide.io.private.secret_key`): a table
forged by anyone who cannot read that key (one that would move programmes a
continent away) is detected, like a stale, damaged or oversized one, and the
table is rebuilt from the package. Without a usable cache folder the table is
built in memory each run.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import struct
from functools import lru_cache
from itertools import starmap

from iopguide.io import mac
from iopguide.record import FrozenRecord

EARTH_RADIUS_MILES = 3958.8
_RECORD = struct.Struct("<5s2sff")  # zip, state, lat, lon
_MAGIC = b"IOPZIP3\n"  # 3: signed with keyed BLAKE2b (iopguide.io.mac)
_CHECKSUM_SIZE = mac.SIZE
#: The table is about 640 KB; anything much bigger is not ours.
_MAX_TABLE_BYTES = 4 << 20
# ASCII digits only: \d would also accept Arabic-Indic and other digits.
_ZIP = re.compile(r"^\s*([0-9]{5})(?:-[0-9]{4})?\s*$")


class ZipCentre(FrozenRecord):
    __slots__ = ("zip", "state", "lat", "lon")

    def __init__(self, zip: str, state: str, lat: float, lon: float) -> None:
        self.zip = zip
        self.state = state
        self.lat = lat
        self.lon = lon


def normalise_zip(text: str) -> str | None:
    """``"40202"`` or ``"40202-1234"`` give ``"40202"``; anything else gives None."""
    match = _ZIP.match(text)
    return match.group(1) if match else None


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def zip_centre(zip_code: str) -> ZipCentre | None:
    """The centre of a 5-digit ZIP code, or None if the ZIP is not known."""
    return _table().find(zip_code)


class _ZipTable:
    """Sorted fixed-width records; lookup is a binary search over the bytes."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        self._count = len(blob) // _RECORD.size

    def find(self, zip_code: str) -> ZipCentre | None:
        key = zip_code.encode("ascii", "replace")
        lo, hi, size, blob = 0, self._count, _RECORD.size, self._blob
        while lo < hi:
            mid = (lo + hi) // 2
            here = blob[mid * size : mid * size + 5]
            if here < key:
                lo = mid + 1
            elif here > key:
                hi = mid
            else:
                zip5, state, lat, lon = _RECORD.unpack_from(blob, mid * size)
                return ZipCentre(zip5.decode(), state.decode(), round(lat, 4), round(lon, 4))
        return None


def _build_records() -> bytes:
    from iopguide.directory.gc_pause import gc_paused

    # 42,000 dicts alive at once: with the collector on, this took twice as long.
    # They are freed before it is back on, or its first collections would walk them all.
    with gc_paused():
        return _records(_zip_entries())


def _zip_entries() -> list[dict]:
    """Every ZIP code's dict from the zipcodes package, in a new list.

    ``zipcodes.list_all()`` keeps its list for the life of the process, where
    every later collection walks its 42,000 dicts (0.4 s of a first search);
    the compiled module's own ``list_all`` (zipcodes 2 and 3) makes the same
    list afresh, freed once the table is made.
    """
    import zipcodes

    compiled = getattr(zipcodes, "_zipcodes", None)
    return getattr(compiled, "list_all", zipcodes.list_all)()


def _records(entries: list[dict]) -> bytes:
    """The table's records, sorted by ZIP code; an entry without usable coordinates is left out."""
    rows = []
    for entry in entries:
        try:
            lat, lon = float(entry["lat"]), float(entry["long"])
        except (KeyError, TypeError, ValueError):
            continue
        state = (entry.get("state") or "  ")[:2].encode("ascii", "replace")
        rows.append((entry["zip_code"].encode("ascii"), state, lat, lon))
    rows.sort()
    return b"".join(starmap(_RECORD.pack, rows))


def _cache_file() -> str | None:
    import zipcodes

    from iopguide.paths import private_cache_dir

    folder = private_cache_dir()
    name = f"zip-centres-{zipcodes.__version__}.bin"
    return None if folder is None else os.path.join(folder, name)


def _sign(secret: bytes, body: bytes) -> bytes:
    return mac.sign(secret, _MAGIC, body)


@lru_cache(maxsize=1)
def _table() -> _ZipTable:
    from iopguide.io.private import read_private
    from iopguide.paths import cache_secret

    path = _cache_file()
    secret = cache_secret() if path is not None else None
    if path is None or secret is None:
        return _ZipTable(_build_records())
    data = read_private(path, _MAX_TABLE_BYTES)
    if data is not None:
        head = len(_MAGIC) + _CHECKSUM_SIZE
        body = data[head:]
        if (
            data.startswith(_MAGIC)
            and body
            and len(body) % _RECORD.size == 0
            and mac.verify(secret, data[len(_MAGIC) : head], _MAGIC, body)
        ):
            return _ZipTable(body)
    body = _build_records()
    _write_quietly(path, _MAGIC + _sign(secret, body) + body)
    return _ZipTable(body)


def _write_quietly(path: str, data: bytes) -> None:
    """Best effort: a read-only or full cache folder only costs speed, never correctness."""
    from iopguide.io.atomic import write_file

    with contextlib.suppress(OSError):
        write_file(path, data, overwrite=True, durable=False)
