"""Find programs: filters in, ranked matches out, best fit first.

Within one filter, several values match any of them; different filters must all
match. Every match carries the reasons it matched, in plain words, so the
person can see *why* a program is on the list. (What a person typed becomes
:class:`Filters` through :mod:`.filter_table`; each filter's check is in
:mod:`.checks`; the fit order is :mod:`.fit`.)
"""

from __future__ import annotations

from collections.abc import Sequence

from iopguide.directory import fit, noted
from iopguide.directory.checks import (
    IN_PERSON,
    TELEHEALTH,
    Seen,
    checks_for,
    program_distance,
)
from iopguide.directory.filter_table import Filters, parse_filters
from iopguide.directory.filters import DEFAULT_LEVELS
from iopguide.directory.model import Directory, Program, Region
from iopguide.directory.widening import (
    NOT_RECORDED_PLANS,
    NOT_RECORDED_SCHEDULES,
    Blocker,
    blockers_of,
    unrecorded,
)
from iopguide.record import FrozenRecord

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:  # notes.py is read only when there is a notes file
    from iopguide.directory.notes import Note

# parse_filters and Filters are part of the search's public API (callers import them here).
__all__ = [
    "DEFAULT_LEVELS",
    "IN_PERSON",
    "NOT_RECORDED_PLANS",
    "NOT_RECORDED_SCHEDULES",
    "TELEHEALTH",
    "Blocker",
    "Filters",
    "Match",
    "SearchResult",
    "parse_filters",
    "program_distance",
    "search",
]


class Match(FrozenRecord):
    __slots__ = (
        "program",
        "distance_miles",
        "reasons",
        "reach",
        "level_match",
        "condition_match",
        "rank",
        "note",
    )

    def __init__(
        self,
        program: Program,
        distance_miles: float | None,
        reasons: tuple[str, ...],
        reach: str = IN_PERSON,  # IN_PERSON, or TELEHEALTH beyond the radius / outside the state
        level_match: str | None = fit.LISTED,  # LISTED, ASK, or None when any level was asked
        condition_match: str | None = None,  # fit.SPECIFIC, GENERAL, CO_OCCURRING; None: not asked
        rank: tuple[int, int] = (1, 0),  # fit.rank: lower is a better fit
        note: Note | None = None,  # your note on this programme (shown beside, never merged in)
    ) -> None:
        self.program = program
        self.distance_miles = distance_miles
        self.reasons = reasons
        self.reach = reach
        self.level_match = level_match
        self.condition_match = condition_match
        self.rank = rank
        self.note = note


class SearchResult(FrozenRecord):
    __slots__ = (
        "filters",
        "matches",
        "searched",
        "blockers",
        "telehealth_elsewhere",
        "not_recorded",
        "hidden_by_notes",
    )

    def __init__(
        self,
        filters: Filters,
        matches: tuple[Match, ...],
        searched: int,
        blockers: tuple[Blocker, ...] = (),  # only for an empty result
        #: Programmes outside the radius (or state) offering telehealth there, left out
        #: of ``matches`` unless ``--telehealth`` asked for exactly those.
        telehealth_elsewhere: int = 0,
        #: Filters this directory records nothing for (plans, schedules): not applied.
        not_recorded: tuple[str, ...] = (),
        #: Programmes that matched but your notes mark closed (or not to refer to): left out.
        hidden_by_notes: int = 0,
    ) -> None:
        self.filters = filters
        self.matches = matches
        self.searched = searched
        self.blockers = blockers
        self.telehealth_elsewhere = telehealth_elsewhere
        self.not_recorded = not_recorded
        self.hidden_by_notes = hidden_by_notes

    @property
    def total(self) -> int:
        return len(self.matches)

    @property
    def none_listed(self) -> bool:
        """Results, but none whose listing names the level: all are "may run one: ask"."""
        return bool(self.matches) and all(m.level_match == fit.ASK for m in self.matches)


def _pool(directory: Directory, filters: Filters) -> Sequence[Program]:
    """The programmes worth checking: near the person (or serving them online), at the levels."""
    keys = filters.levels
    if "iop" in keys:
        keys = (*keys, fit.ASK_IOP)
    origin = filters.origin
    if origin is not None:
        region = Region.around(origin.lat, origin.lon, filters.radius, origin.state)
        return directory.offering(keys or None, region)
    return directory.offering(keys) if keys else directory.programs


def search(
    directory: Directory, filters: Filters, notes: noted.NoteMap | None = None
) -> SearchResult:
    """Every programme that passes all filters, best fit first, then nearest, then by name.

    Programmes reached only by telehealth (beyond the radius or outside the state)
    are counted in ``telehealth_elsewhere`` and left out, unless ``--telehealth``
    asked for exactly them. *notes* (your notes by programme id, see :mod:`.noted`)
    are consulted beside each listing; ones marked closed are counted and left out.
    """
    asked = filters
    notes = notes or {}
    pool = noted.with_noted_iops(_pool(directory, filters), directory, notes, filters.levels)
    filters, not_recorded = unrecorded(directory, filters)
    seen = Seen(notes)
    checks = [*checks_for(filters, seen), *noted.where_unrecorded(asked, not_recorded, notes)]

    matches: list[Match] = []
    elsewhere = hidden = 0
    for program in pool:
        reasons: list[str] = []
        for _id, check in checks:
            passed = check(program)
            if passed is None:
                break
            reasons.extend(passed)
        else:
            pid = program.id
            note = notes.get(pid)
            if note is not None and note.closed:
                hidden += 1
                continue
            reach = seen.reach.get(pid, IN_PERSON)
            if reach == TELEHEALTH and not filters.telehealth:
                elsewhere += 1
                continue
            level = seen.levels.get(pid) if filters.levels else None
            condition = seen.conditions.get(pid)
            matches.append(
                Match(
                    program,
                    seen.distances.get(pid),
                    tuple(reasons),
                    reach,
                    level,
                    condition,
                    fit.rank(level or fit.LISTED, condition),
                    note,
                )
            )

    def order(match: Match) -> tuple[tuple[int, int], float, str]:
        far = match.distance_miles if match.distance_miles is not None else float("inf")
        return (match.rank, far if filters.origin else 0.0, match.program.name.casefold())

    matches.sort(key=order)
    blockers = blockers_of(directory, checks) if not matches else ()
    return SearchResult(
        asked, tuple(matches), len(directory.programs), blockers, elsewhere, not_recorded, hidden
    )
