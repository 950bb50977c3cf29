"""The program directory as plain, immutable values.

A ``Program`` only ever holds validated data: ids from :mod:`iopguide.vocabulary`
in vocabulary order, text as the file gave it (cleaning happens at display
time), and ``None`` for what the file did not say.

Programs and their parts are read-only by convention but not ``frozen``:
building 21,000 frozen dataclasses costs about 18 times as much as plain
slotted ones (measured here: 0.29 s against 0.016 s), and a national
directory is rebuilt from the cache on every search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Location:
    street: str | None = None
    city: str | None = None
    state: str | None = None  # two-letter postal code
    zip: str | None = None  # five digits, as text
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


@dataclass(slots=True)
class Schedule:
    days_per_week: int | None = None
    hours_per_day: float | None = None
    times: tuple[str, ...] = ()  # SCHEDULE_TIMES ids

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


@dataclass(slots=True)
class Contact:
    phone: str | None = None
    intake_phone: str | None = None
    website: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _file_shape(self)


@dataclass(slots=True)
class Program:
    id: str
    name: str
    organization: str | None = None
    levels: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    payment: tuple[str, ...] = ()
    insurance_plans: tuple[str, ...] = ()  # named plans, free text
    ages: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    special_groups: tuple[str, ...] = ()
    serves_only: tuple[str, ...] = ()  # restrictions such as "Veterans only", free text
    location: Location = field(default_factory=Location)
    telehealth: bool = False
    telehealth_states: tuple[str, ...] = ()
    schedule: Schedule = field(default_factory=Schedule)
    services: tuple[str, ...] = ()
    approaches: tuple[str, ...] = ()
    accreditation: tuple[str, ...] = ()
    facility_types: tuple[str, ...] = ()  # FACILITY_TYPES ids
    contact: Contact = field(default_factory=Contact)
    notes: str | None = None
    last_verified: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None
    line: int | None = None  # where the program starts in its file, for messages

    def to_dict(self) -> dict[str, Any]:
        """The program in directory-file shape (what ``directory import`` writes)."""
        return _file_shape(self)


def _file_shape(value: Any) -> dict[str, Any]:
    """Every field but ``line``, in field order: tuples as lists, parts as mappings."""
    shaped: dict[str, Any] = {}
    for name in value.__dataclass_fields__:
        if name != "line":
            item = getattr(value, name)
            if type(item) is tuple:
                item = list(item)
            elif hasattr(item, "__dataclass_fields__"):
                item = _file_shape(item)
            shaped[name] = item
    return shaped


@dataclass(frozen=True, slots=True)
class Region:
    """Where a search near a ZIP can find programmes: a latitude band, or telehealth in a state.

    A coarse, cheap test on raw values, so a directory read back from the cache
    builds only the programmes that could match (the search still measures).
    """

    lat: float
    lat_window: float  # degrees either side
    state: str  # the person's state: telehealth programmes serving it count (elsewhere)

    def may_reach(
        self, lat: float | None, state: str | None, telehealth: bool, tele_states: tuple[str, ...]
    ) -> bool:
        if lat is None or abs(lat - self.lat) <= self.lat_window:
            return True
        return telehealth and (
            self.state in tele_states or (not tele_states and state == self.state)
        )


@dataclass(frozen=True, slots=True)
class DirectoryInfo:
    name: str
    source: str | None = None
    sample: bool = False
    updated: str | None = None  # ISO date
    path: str | None = None  # where it was loaded from; None for the built-in one
    builtin: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "sample": self.sample,
            "updated": self.updated,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class Directory:
    info: DirectoryInfo
    programs: Sequence[Program]  # a tuple, or a lazily built sequence from the cache

    def get(self, program_id: str) -> Program | None:
        find = getattr(self.programs, "find", None)
        if find is not None:  # a directory from the cache: no need to build every program
            return find(program_id)
        for program in self.programs:
            if program.id == program_id:
                return program
        return None

    def offering(self, levels: Iterable[str], region: Region | None = None) -> Sequence[Program]:
        """The programs offering any of *levels* (or ``fit.ASK_IOP``), in directory order.

        A directory read back from the cache answers from its level index and
        builds only those programs (5,500 IOP listings of 19,000 nationally, and
        2,700 that may run one) - and, given a *region*, only those that may reach it.
        """
        from iopguide.directory.fit import index_keys

        wanted = frozenset(levels)
        programs = self.programs
        select = getattr(programs, "offering", None)
        if select is not None:
            return select(wanted, region)
        return [
            p
            for p in programs
            if not wanted.isdisjoint(index_keys(p))
            and (
                region is None
                or region.may_reach(
                    p.location.lat, p.location.state, p.telehealth, p.telehealth_states
                )
            )
        ]
