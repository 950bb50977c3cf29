"""The program directory as plain, immutable values.

A ``Program`` only ever holds validated data: ids from :mod:`iopguide.vocabulary`
in vocabulary order, text as the file gave it (cleaning happens at display
time), and ``None`` for what the file did not say.

Every class is a :class:`~iopguide.record.Record` (slotted, written by hand:
creating dataclasses costs a search milliseconds, see that module). Programs and
their parts are read-only by convention but not hashable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from iopguide.record import FrozenRecord, Record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any


class Location(Record):
    __slots__ = ("street", "city", "state", "zip", "lat", "lon")

    def __init__(
        self,
        street: str | None = None,
        city: str | None = None,
        state: str | None = None,  # two-letter postal code
        zip: str | None = None,  # five digits, as text
        lat: float | None = None,
        lon: float | None = None,
    ) -> None:
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.lat = lat
        self.lon = lon

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


class Schedule(Record):
    __slots__ = ("days_per_week", "hours_per_day", "times")

    def __init__(
        self,
        days_per_week: int | None = None,
        hours_per_day: float | None = None,
        times: tuple[str, ...] = (),  # SCHEDULE_TIMES ids
    ) -> None:
        self.days_per_week = days_per_week
        self.hours_per_day = hours_per_day
        self.times = times

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


class Contact(Record):
    __slots__ = ("phone", "intake_phone", "website")

    def __init__(
        self,
        phone: str | None = None,
        intake_phone: str | None = None,
        website: str | None = None,
    ) -> None:
        self.phone = phone
        self.intake_phone = intake_phone
        self.website = website

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


#: The groups of a Program's fields, each a Record of its own.
GROUPS: dict[str, type[Record]] = {"location": Location, "schedule": Schedule, "contact": Contact}


class Program(Record):
    """One programme; its fields mirror directory/schema.py, in the same order."""

    __slots__ = (
        "id",
        "name",
        "organization",
        "levels",
        "conditions",
        "payment",
        "insurance_plans",
        "ages",
        "languages",
        "special_groups",
        "serves_only",
        "location",
        "telehealth",
        "telehealth_states",
        "schedule",
        "services",
        "approaches",
        "accreditation",
        "facility_types",
        "contact",
        "notes",
        "last_verified",
        "source",
        "line",
    )

    def __init__(
        self,
        id: str,
        name: str,
        organization: str | None = None,
        levels: tuple[str, ...] = (),
        conditions: tuple[str, ...] = (),
        payment: tuple[str, ...] = (),
        insurance_plans: tuple[str, ...] = (),  # named plans, free text
        ages: tuple[str, ...] = (),
        languages: tuple[str, ...] = (),
        special_groups: tuple[str, ...] = (),
        serves_only: tuple[str, ...] = (),  # restrictions such as "Veterans only", free text
        location: Location | None = None,  # None: a Location of its own, empty
        telehealth: bool = False,
        telehealth_states: tuple[str, ...] = (),
        schedule: Schedule | None = None,
        services: tuple[str, ...] = (),
        approaches: tuple[str, ...] = (),
        accreditation: tuple[str, ...] = (),
        facility_types: tuple[str, ...] = (),  # FACILITY_TYPES ids
        contact: Contact | None = None,
        notes: str | None = None,
        last_verified: str | None = None,  # ISO date, YYYY-MM-DD
        source: str | None = None,
        line: int | None = None,  # where the program starts in its file, for messages
    ) -> None:
        self.id = id
        self.name = name
        self.organization = organization
        self.levels = levels
        self.conditions = conditions
        self.payment = payment
        self.insurance_plans = insurance_plans
        self.ages = ages
        self.languages = languages
        self.special_groups = special_groups
        self.serves_only = serves_only
        self.location = Location() if location is None else location
        self.telehealth = telehealth
        self.telehealth_states = telehealth_states
        self.schedule = Schedule() if schedule is None else schedule
        self.services = services
        self.approaches = approaches
        self.accreditation = accreditation
        self.facility_types = facility_types
        self.contact = Contact() if contact is None else contact
        self.notes = notes
        self.last_verified = last_verified
        self.source = source
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        """The program in directory-file shape (what ``directory import`` writes)."""
        return _file_shape(self)


def _file_shape(value: Any) -> dict[str, Any]:
    """Every field but ``line``, in field order: tuples as lists, parts as mappings."""
    shaped: dict[str, Any] = {}
    for name in value.__slots__:
        if name != "line":
            item = getattr(value, name)
            if type(item) is tuple:
                item = list(item)
            elif isinstance(item, Record):
                item = _file_shape(item)
            shaped[name] = item
    return shaped


class Region(FrozenRecord):
    """Where a search near a ZIP can find programmes: a box around it, or telehealth in its state.

    A coarse, cheap test on raw values, so a directory read from its index
    decodes and builds only the programmes that could match (the search still
    measures each one). The box is made a little too big on purpose: it must
    hold every point within the radius, rounding included (see :meth:`around`).
    """

    __slots__ = ("lat_lo", "lat_hi", "lon_lo", "lon_hi", "state")

    def __init__(
        self,
        lat_lo: float,
        lat_hi: float,
        lon_lo: float,  # -inf and inf: every longitude (near a pole or the 180th meridian)
        lon_hi: float,
        state: str,  # the person's state: telehealth programmes serving it count (elsewhere)
    ) -> None:
        self.lat_lo = lat_lo
        self.lat_hi = lat_hi
        self.lon_lo = lon_lo
        self.lon_hi = lon_hi
        self.state = state

    @classmethod
    def around(cls, lat: float, lon: float, radius: float, state: str) -> Region:
        """The box holding every point *radius* miles (or a little more) from (lat, lon)."""
        # A degree of latitude is at least 68.7 miles; distances are rounded to 0.1 mile;
        # 2% and 0.01 degrees more cover the curvature of a cap and float error.
        half = (radius + 0.1) / 68.7 * 1.02 + 0.01
        lat_lo, lat_hi = lat - half, lat + half
        widest = max(abs(lat_lo), abs(lat_hi))
        if widest >= 89.0:
            return cls(lat_lo, lat_hi, -math.inf, math.inf, state)
        wide = half / math.cos(math.radians(widest))
        if wide >= 180.0 or not -180.0 <= lon - wide <= lon + wide <= 180.0:
            return cls(lat_lo, lat_hi, -math.inf, math.inf, state)
        return cls(lat_lo, lat_hi, lon - wide, lon + wide, state)

    def holds(self, lat: float, lon: float) -> bool:
        return self.lat_lo <= lat <= self.lat_hi and self.lon_lo <= lon <= self.lon_hi

    def may_reach(
        self,
        lat: float | None,
        lon: float | None,
        state: str | None,
        telehealth: bool,
        tele_states: tuple[str, ...],
    ) -> bool:
        """In the box, without coordinates (placed at its ZIP later), or telehealth here."""
        if lat is None or lon is None or self.holds(lat, lon):
            return True
        return telehealth and (
            self.state in tele_states or (not tele_states and state == self.state)
        )


class DirectoryInfo(FrozenRecord):
    __slots__ = ("name", "source", "sample", "updated", "path", "builtin")

    def __init__(
        self,
        name: str,
        source: str | None = None,
        sample: bool = False,
        updated: str | None = None,  # ISO date
        path: str | None = None,  # where it was loaded from; None for the built-in one
        builtin: bool = False,
    ) -> None:
        self.name = name
        self.source = source
        self.sample = sample
        self.updated = updated
        self.path = path
        self.builtin = builtin

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "sample": self.sample,
            "updated": self.updated,
            "path": self.path,
        }


class Directory(FrozenRecord):
    __slots__ = ("info", "programs")

    def __init__(
        self,
        info: DirectoryInfo,
        programs: Sequence[Program],  # a tuple, or a sequence read lazily from the index
    ) -> None:
        self.info = info
        self.programs = programs

    def get(self, program_id: str) -> Program | None:
        find = getattr(self.programs, "find", None)
        if find is not None:  # a directory from its index: no need to build every program
            return find(program_id)
        for program in self.programs:
            if program.id == program_id:
                return program
        return None

    def ids(self) -> list[str]:
        """Every programme's id (for did-you-mean), without building the programmes.

        In no set order: an index gives them sorted, a directory in memory in file order.
        """
        ids = getattr(self.programs, "ids", None)
        return ids() if ids is not None else [p.id for p in self.programs]

    def offering(
        self, levels: Iterable[str] | None, region: Region | None = None
    ) -> Sequence[Program]:
        """The programs offering any of *levels* (None: any level), in directory order.

        Given a *region*, only those that may reach it. A directory read from its
        index answers from the index and builds only those programs (see
        :mod:`.index_read`).
        """
        wanted = None if levels is None else frozenset(levels)
        select = getattr(self.programs, "offering", None)
        if select is not None:
            return select(wanted, region)
        return offering(self.programs, wanted, region)

    def records(self) -> frozenset[str]:
        """Which of the facts some listings leave out any listing here records.

        ``"plans"`` (named insurance plans) and ``"schedules"`` (times of day):
        SAMHSA's directory records neither, so a search must not filter on them.
        """
        recorded = getattr(self.programs, "recorded", None)
        return recorded if recorded is not None else recorded_facts(self.programs)


def offering(
    programs: Iterable[Program], wanted: frozenset[str] | None, region: Region | None
) -> list[Program]:
    """See :meth:`Directory.offering` (for programmes in memory)."""
    from iopguide.directory.fit import index_keys

    return [
        p
        for p in programs
        if (wanted is None or not wanted.isdisjoint(index_keys(p)))
        and (
            region is None
            or region.may_reach(
                p.location.lat, p.location.lon, p.location.state, p.telehealth, p.telehealth_states
            )
        )
    ]


def recorded_facts(programs: Iterable[Program]) -> frozenset[str]:
    """See :meth:`Directory.records`."""
    plans = schedules = False
    for p in programs:
        plans = plans or bool(p.insurance_plans)
        schedules = schedules or bool(p.schedule.times)
        if plans and schedules:
            break
    return frozenset(name for name, has in (("plans", plans), ("schedules", schedules)) if has)
