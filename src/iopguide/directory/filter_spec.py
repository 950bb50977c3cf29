"""What ``find`` looks for (:class:`Filters`) and the shape of one filter's entry.

The entries themselves, one per filter, are the table in :mod:`.filter_table`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from iopguide.directory import DEFAULT_RADIUS_MILES
from iopguide.directory.filters import DEFAULT_LEVELS
from iopguide.record import FrozenRecord

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any

    from iopguide.directory.geo import ZipCentre


class Filters(FrozenRecord):
    """What to look for; every field holds vocabulary ids (plans and cities are free text)."""

    __slots__ = (
        "conditions",
        "payment",
        "plans",
        "origin",
        "radius",
        "states",
        "cities",
        "levels",
        "telehealth",
        "age_groups",
        "languages",
        "schedules",
    )

    def __init__(
        self,
        conditions: tuple[str, ...] = (),
        payment: tuple[str, ...] = (),
        plans: tuple[str, ...] = (),
        origin: ZipCentre | None = None,
        radius: float = DEFAULT_RADIUS_MILES,
        states: tuple[str, ...] = (),
        cities: tuple[str, ...] = (),
        levels: tuple[str, ...] = DEFAULT_LEVELS,  # empty means any level
        telehealth: bool = False,
        age_groups: tuple[str, ...] = (),
        languages: tuple[str, ...] = (),
        schedules: tuple[str, ...] = (),
    ) -> None:
        self.conditions = conditions
        self.payment = payment
        self.plans = plans
        self.origin = origin
        self.radius = radius
        self.states = states
        self.cities = cities
        self.levels = levels
        self.telehealth = telehealth
        self.age_groups = age_groups
        self.languages = languages
        self.schedules = schedules

    def to_dict(self) -> dict[str, object]:
        """The JSON ``filters`` object: each filter's keys, in table order."""
        from iopguide.directory.filter_table import FILTERS

        found: dict[str, object] = {}
        for spec in FILTERS:
            found.update(spec.json(self))
        return found


class Option(FrozenRecord):
    """One command-line option of a filter."""

    __slots__ = ("param", "flags", "help", "kind")

    def __init__(self, param: str, flags: tuple[str, ...], help: str, kind: str = "list") -> None:
        self.param = param  # the keyword of parse_filters and run_find, and cli.find's parameter
        self.flags = flags  # the long flag first
        self.help = help  # --help's text (translated by cli_help)
        self.kind = kind  # how entry.py's fast path reads it: list, text, miles or flag


Words = Callable[["Filters", str], str]


class Filter(FrozenRecord):
    """One filter of ``find``: see the module's docstring for who reads which field."""

    __slots__ = (
        "id",
        "options",
        "vocabulary",
        "parse",
        "active",
        "json",
        "command",
        "words",
        "widen",
        "where",
        "location",
    )

    def __init__(
        self,
        id: str,
        options: tuple[Option, ...],
        vocabulary: str | None,
        parse: Callable[[Mapping[str, Any]], dict[str, Any]],
        active: Callable[[Filters], bool],
        json: Callable[[Filters], dict[str, object]],
        command: Callable[[Filters], list[str]],
        #: Its part of the search in words, given the words so far (when active). A "where"
        #: filter starts the description from the levels' words, the first active one wins.
        words: Words,
        widen: str | None = None,  # N_ advice when it ruled out the most (None: the general one)
        where: bool = False,  # starts the description (see words)
        location: bool = False,  # where the person is: suggested to widen after the others
    ) -> None:
        self.id = id  # the search check's id (checks.CHECKS) and Blocker.filter
        self.options = options
        self.vocabulary = vocabulary  # the vocabulary its values resolve through (None: text)
        self.parse = parse  # option values -> Filters fields
        self.active = active  # whether the search checks it
        self.json = json  # its keys in Filters.to_dict
        self.command = command  # its part of an `iopguide find` line (when active)
        self.words = words
        self.widen = widen
        self.where = where
        self.location = location

    @property
    def label(self) -> str:
        """How advice names it: ``--zip/--radius``."""
        return "/".join(option.flags[0] for option in self.options)
