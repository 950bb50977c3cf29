"""What an index file is made of, shared by its writer (:mod:`.index_build`) and reader.

Kept apart so a search, which only reads, never imports the writer. The layout
itself is described in :mod:`.index_build`.
"""

from __future__ import annotations

import struct

from iopguide.io import mac

FORMAT = 7
MAGIC = b"IOPIDX\x00\x07"
LENGTH = struct.Struct("<I")
MAC_SIZE = mac.SIZE
HEAD_SIZE = len(MAGIC) + LENGTH.size + MAC_SIZE
#: The header's parts, in order (index_read checks each one). ``ends``, ``tile_*`` and
#: ``id_blocks`` are packed arrays: END_TYPE, "d" (longitudes) and NUMBER_TYPE.
HEADER = (
    "format",
    "byteorder",
    "content_key",
    "stat",
    "recorded_ns",
    "info",
    "count",
    "recorded",
    "keysets",
    "ends",
    "slices",
    "tile_lo",
    "tile_hi",
    "tile_block",
    "tile_keys",
    "unplaced",
    "telehealth",
    "id_first",
    "id_blocks",
)
END_TYPE = "Q"
NUMBER_TYPE = "I"


def block_mac(secret: bytes, content_key: bytes, number: int, payload: bytes) -> bytes:
    """Block *number*'s MAC: it belongs to this file's content, at this place, for this user."""
    return mac.sign(secret, MAGIC, content_key, LENGTH.pack(number), payload)


def header_mac(secret: bytes, header: bytes) -> bytes:
    return mac.sign(secret, MAGIC, LENGTH.pack(len(header)), header)
