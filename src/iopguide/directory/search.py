"""Find programs: filters in, ranked matches out, best fit first.

Within one filter, several values match any of them; different filters must all
match. Every match carries the reasons it matched, in plain words, so the
person can see *why* a program is on the list. (What a person typed becomes
:class:`Filters` in :mod:`.filters`; the fit order is :mod:`.fit`.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from iopguide.directory import fit, noted
from iopguide.directory.filters import DEFAULT_LEVELS, Filters, parse_filters
from iopguide.directory.geo import ZipCentre, haversine_miles, zip_centre
from iopguide.directory.model import Directory, Program, Region
from iopguide.directory.notes import Note
from iopguide.directory.widening import (
    NOT_RECORDED_PLANS,
    NOT_RECORDED_SCHEDULES,
    Blocker,
    blockers_of,
    unrecorded,
)
from iopguide.i18n import N_, _
from iopguide.vocabulary import (
    AGE_GROUPS,
    LANGUAGES,
    LEVELS,
    PAYMENT,
    SCHEDULE_TIMES,
    Vocabulary,
)

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

#: How a programme in the results can be reached.
IN_PERSON = "in_person"
TELEHEALTH = "telehealth"


@dataclass(frozen=True, slots=True)
class Match:
    program: Program
    distance_miles: float | None
    reasons: tuple[str, ...]
    reach: str = IN_PERSON  # IN_PERSON, or TELEHEALTH beyond the radius / outside the state
    level_match: str | None = fit.LISTED  # LISTED, ASK, or None when any level was asked
    condition_match: str | None = None  # fit.SPECIFIC, GENERAL, CO_OCCURRING; None: not asked
    rank: tuple[int, int] = (1, 0)  # fit.rank: lower is a better fit
    note: Note | None = None  # your note on this programme (shown beside, never merged in)


@dataclass(frozen=True, slots=True)
class SearchResult:
    filters: Filters
    matches: tuple[Match, ...]
    searched: int
    blockers: tuple[Blocker, ...] = field(default=())  # only for an empty result
    #: Programmes outside the radius (or state) offering telehealth there, left out
    #: of ``matches`` unless ``--telehealth`` asked for exactly those.
    telehealth_elsewhere: int = 0
    #: Filters this directory records nothing for (plans, schedules): not applied.
    not_recorded: tuple[str, ...] = ()
    #: Programmes that matched but your notes mark closed (or not to refer to): left out.
    hidden_by_notes: int = 0

    @property
    def total(self) -> int:
        return len(self.matches)

    @property
    def none_listed(self) -> bool:
        """Results, but none whose listing names the level: all are "may run one: ask"."""
        return bool(self.matches) and all(m.level_match == fit.ASK for m in self.matches)


# --------------------------------------------------------------------------- matching

# A check looks at one program and returns the reasons it passes, or None if it fails.
Check = Callable[[Program], "list[str] | None"]


def _labels(vocab: Vocabulary, ids: Iterable[str]) -> str:
    return ", ".join(vocab.labels(ids))


class _Seen:
    """What the checks learn about each programme on the way: distance, reach, fit."""

    __slots__ = ("conditions", "distances", "levels", "notes", "reach")

    def __init__(self, notes: noted.NoteMap | None = None) -> None:
        self.notes: noted.NoteMap = notes or {}  # your notes by programme id
        self.distances: dict[str, float | None] = {}
        self.reach: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.conditions: dict[str, str] = {}


def _level_check(filters: Filters, seen: _Seen) -> Check:
    wanted = filters.levels

    def check(p: Program) -> list[str] | None:
        match, hits, from_note = noted.level_match(p, wanted, seen.notes.get(p.id))
        if match is None:
            return None
        seen.levels[p.id] = match
        if match == fit.ASK:
            return [_("May run an IOP: ask (SAMHSA's mental-health listings cannot record IOP)")]
        reasons = [from_note] if from_note else []
        if hits:
            reasons.append(
                _("Offers {levels}").format(levels=", ".join(LEVELS.short(h) for h in hits))
            )
        return reasons

    return check


def _condition_check(filters: Filters, seen: _Seen) -> Check:
    wanted = filters.conditions

    def check(p: Program) -> list[str] | None:
        match = fit.condition_match(p, wanted)
        if match is None:
            return None
        seen.conditions[p.id] = match.kind
        return [match.reason]

    return check


def _payment_check(filters: Filters, seen: _Seen) -> Check:
    wanted_plans = [plan.casefold() for plan in filters.plans]

    def check(p: Program) -> list[str] | None:
        reasons = []
        types = [t for t in filters.payment if t in p.payment]
        if types:
            reasons.append(_("Accepts {payment}").format(payment=_labels(PAYMENT, types)))
        if p.insurance_plans:  # most listings name none: skip the plans x listings loop
            for plan in wanted_plans:
                named = [n for n in p.insurance_plans if plan in n.casefold()]
                if named:
                    reasons.append(_("Lists the plan {plan}").format(plan=named[0]))
        if wanted_plans:
            reasons += noted.plans_noted(seen.notes.get(p.id), filters.plans)
        return reasons or None

    return check


def _serves_state(p: Program, state: str) -> bool:
    return p.telehealth and (
        state in p.telehealth_states or (not p.telehealth_states and p.location.state == state)
    )


def _distance_check(filters: Filters, seen: _Seen) -> Check:
    """Within the radius (in person), or else telehealth in the person's state."""
    origin = filters.origin
    assert origin is not None
    distances, reach = seen.distances, seen.reach
    # One degree of latitude is about 69 miles: skip the trigonometry for programmes
    # that are obviously too far (their distance is still worked out if they match).
    lat_window = _lat_window(filters.radius)

    def check(p: Program) -> list[str] | None:
        lat = p.location.lat
        near = lat is None or abs(lat - origin.lat) <= lat_window
        miles = distances[p.id] = program_distance(p, origin) if near else None
        if miles is not None and miles <= filters.radius:
            return [_("{miles} miles from {zip}").format(miles=f"{miles:.1f}", zip=origin.zip)]
        if _serves_state(p, origin.state):
            if miles is None:
                distances[p.id] = program_distance(p, origin)
            reach[p.id] = TELEHEALTH
            return [_("Telehealth in {states}").format(states=origin.state)]
        return None

    return check


def _state_check(filters: Filters, seen: _Seen) -> Check:
    wanted = set(filters.states)

    def check(p: Program) -> list[str] | None:
        if p.location.state in wanted:
            return [_("In {place}").format(place=p.location.state)]
        served = [s for s in filters.states if _serves_state(p, s)]
        if not served:
            return None
        seen.reach[p.id] = TELEHEALTH
        return [_("Telehealth in {states}").format(states=", ".join(served))]

    return check


def _city_check(filters: Filters) -> Check:
    wanted = {c.casefold() for c in filters.cities}

    def check(p: Program) -> list[str] | None:
        city = p.location.city
        return (
            [_("In {place}").format(place=city)]
            if city and " ".join(city.split()).casefold() in wanted
            else None
        )

    return check


def _telehealth_check(filters: Filters, seen: _Seen) -> Check:
    """``--telehealth``: beyond the radius or state but serving it online; anywhere otherwise."""
    located = filters.origin is not None or bool(filters.states)

    def check(p: Program) -> list[str] | None:
        if not p.telehealth:
            return None
        if located:
            # "Telehealth in KY" is already a reason; the view marks it "ask whether ...".
            return [] if seen.reach.get(p.id) == TELEHEALTH else None
        return [_("Offers telehealth")]

    return check


def _age_check(filters: Filters) -> Check:
    """The ages a listing gives must include one asked for; a listing without ages is kept."""
    wanted = filters.age_groups

    def check(p: Program) -> list[str] | None:
        if not p.ages:
            return [_("Ages not listed: ask")]
        hits = [w for w in wanted if w in p.ages]
        return [_("Serves {ages}").format(ages=_labels(AGE_GROUPS, hits).lower())] if hits else None

    return check


def _any_of(
    attribute: Callable[[Program], tuple[str, ...]],
    wanted: tuple[str, ...],
    vocab: Vocabulary,
    reason: str,
) -> Check:
    """Any of *wanted* in the listing's *attribute*; *reason* is an ``N_`` text with {values}."""

    def check(p: Program) -> list[str] | None:
        have = attribute(p)
        hits = [w for w in wanted if w in have]
        return [_(reason).format(values=_labels(vocab, hits).lower())] if hits else None

    return check


def _schedule_check(filters: Filters, seen: _Seen) -> Check:
    """The times the listing records, and those your note adds (said as from the note)."""
    listed = _any_of(
        lambda p: p.schedule.times, filters.schedules, SCHEDULE_TIMES, N_("Open {values}")
    )

    def check(p: Program) -> list[str] | None:
        found = listed(p)
        note = seen.notes.get(p.id)
        if found is not None or note is None:
            return found
        hits = [t for t in filters.schedules if t in note.schedule]
        if not hits:
            return None
        return [noted.from_note(_labels(SCHEDULE_TIMES, hits), note)]

    return check


def _checks(filters: Filters, seen: _Seen) -> list[tuple[str, Check]]:
    """The active filters as (flag, check) pairs, cheapest and most selective first."""
    checks: list[tuple[str, Check]] = []
    if filters.levels:
        checks.append(("--level", _level_check(filters, seen)))
    if filters.origin is not None:
        checks.append(("--zip/--radius", _distance_check(filters, seen)))
    if filters.states:
        checks.append(("--state", _state_check(filters, seen)))
    if filters.cities:
        checks.append(("--city", _city_check(filters)))
    if filters.conditions:
        checks.append(("--condition", _condition_check(filters, seen)))
    if filters.payment or filters.plans:
        checks.append(("--insurance", _payment_check(filters, seen)))
    if filters.telehealth:
        checks.append(("--telehealth", _telehealth_check(filters, seen)))
    if filters.age_groups:
        checks.append(("--age-group", _age_check(filters)))
    if filters.languages:
        checks.append(
            (
                "--language",
                _any_of(lambda p: p.languages, filters.languages, LANGUAGES, N_("Speaks {values}")),
            )
        )
    if filters.schedules:
        checks.append(("--schedule", _schedule_check(filters, seen)))
    return checks


def program_distance(program: Program, origin: ZipCentre) -> float | None:
    """Miles from *origin*; a program without coordinates is placed at its ZIP's centre."""
    loc = program.location
    lat, lon = loc.lat, loc.lon
    if lat is None or lon is None:
        centre = zip_centre(loc.zip) if loc.zip else None
        if centre is None:
            return None
        lat, lon = centre.lat, centre.lon
    return round(haversine_miles(origin.lat, origin.lon, lat, lon), 1)


def _pool(directory: Directory, filters: Filters) -> Sequence[Program]:
    if not filters.levels:
        return directory.programs
    keys = (*filters.levels, fit.ASK_IOP) if "iop" in filters.levels else filters.levels
    origin = filters.origin
    region = Region(origin.lat, _lat_window(filters.radius), origin.state) if origin else None
    return directory.offering(keys, region)


def _lat_window(radius: float) -> float:
    """Degrees of latitude that surely hold every point within *radius* miles (69 mi a degree)."""
    return radius / 69.0 + 0.5


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
    filters, not_recorded = unrecorded(pool, filters)
    seen = _Seen(notes)
    checks = [*_checks(filters, seen), *noted.where_unrecorded(asked, not_recorded, notes)]

    matches: list[Match] = []
    elsewhere = hidden = 0
    for program in pool:
        reasons: list[str] = []
        for _flag, check in checks:
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
