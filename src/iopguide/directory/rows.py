"""A programme as a plain row (a tuple of text, numbers and tuples), and back.

The directory index (:mod:`.index_build`, :mod:`.index_read`) stores rows, not
objects: they serialise with ``marshal``, which makes nothing but built-in
values, and building a :class:`Program` from a row costs about a microsecond.
A row's columns follow the model's fields (which mirror directory/schema.py);
a group (location, schedule, contact) is a tuple of its parts. The field names
are part of every index's key (:data:`SHAPE`), so a row written for other
fields is never read back into this code's Program.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter, itemgetter

from iopguide.directory import model
from iopguide.directory.model import Program

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any

    Row = tuple[Any, ...]

FIELDS = Program.__slots__
#: (column, model, number of parts) of each group in a row.
_GROUPS = tuple((FIELDS.index(name), cls, len(cls.__slots__)) for name, cls in model.GROUPS.items())
#: The model's shape, for keys: rows of another shape must never match.
SHAPE = (
    ",".join(FIELDS)
    + "|"
    + ";".join(f"{name}:{','.join(cls.__slots__)}" for name, cls in model.GROUPS.items())
)

LOCATION = FIELDS.index("location")
TELEHEALTH = FIELDS.index("telehealth")
TELE_STATES = FIELDS.index("telehealth_states")
# Inside the location group: (street, city, state, zip, lat, lon).
STATE, LAT, LON = 2, 4, 5


def to_rows(programs: Iterable[Program]) -> list[Row]:
    """Rows for *programs*, holding the programmes' own values.

    Equal texts and lists are one object already when the validator's fast path
    made them (see ``FastChecks._shared``), so a block writes each once; sharing
    them here again cost a national directory 85 ms.
    """
    rows = []
    append = rows.append
    for program in programs:
        row = list(_VALUES(program))
        for column, parts_of in _GROUP_PARTS:
            row[column] = parts_of(row[column])
        append(tuple(row))
    return rows


#: Every field of a Program, in row order, in one call.
_VALUES = attrgetter(*FIELDS)
#: (column, every part in one call) of each group (two parts or more: a tuple each).
_GROUP_PARTS = tuple((column, attrgetter(*cls.__slots__)) for column, cls, _size in _GROUPS)


def all_fit(found: tuple[Any, ...]) -> bool:
    """Whether every row has the model's shape (their values are vouched for by the MAC).

    Column by column, with ``map`` rather than a loop over rows: a block of 64
    rows is checked in a few microseconds.
    """
    if not set(map(type, found)) <= {tuple} or not set(map(len, found)) <= {len(FIELDS)}:
        return False
    for column, _cls, size in _GROUPS:
        parts = list(map(itemgetter(column), found))
        if not set(map(type, parts)) <= {tuple} or not set(map(len, parts)) <= {size}:
            return False
    return True


def build(row: Row) -> Program:
    """The Program of a row of the model's shape (see :func:`all_fit`)."""
    values = list(row)
    for column, cls, _size in _GROUPS:
        values[column] = cls(*values[column])  # type: ignore[misc]
    return Program(*values)
