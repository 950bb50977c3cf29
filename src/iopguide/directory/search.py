"""Find programs: filters in, ranked matches out, best fit first.

Within one filter, several values match any of them; different filters must all
match. Every match carries the reasons it matched, in plain words, so the
person can see *why* a program is on the list. (What a person typed becomes
:class:`Filters` in :mod:`.filters`; the fit order is :mod:`.fit`.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from iopguide.directory import fit
from iopguide.directory.filters import DEFAULT_LEVELS, Filters, parse_filters
from iopguide.directory.geo import ZipCentre, haversine_miles, zip_centre
from iopguide.directory.model import Directory, Program, Region
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

#: Filters a directory may have no data for (``SearchResult.not_recorded``).
NOT_RECORDED_PLANS = "insurance_plans"
NOT_RECORDED_SCHEDULES = "schedules"


@dataclass(frozen=True, slots=True)
class Match:
    program: Program
    distance_miles: float | None
    reasons: tuple[str, ...]
    reach: str = IN_PERSON  # IN_PERSON, or TELEHEALTH beyond the radius / outside the state
    level_match: str | None = fit.LISTED  # LISTED, ASK, or None when any level was asked
    condition_match: str | None = None  # fit.SPECIFIC, GENERAL, CO_OCCURRING; None: not asked
    rank: tuple[int, int] = (1, 0)  # fit.rank: lower is a better fit


@dataclass(frozen=True, slots=True)
class Blocker:
    """How much one filter narrowed an empty search, to suggest what to widen."""

    filter: str  # the command-line flag, e.g. "--level"
    removed: int  # programs this filter rules out on its own
    without_it: int  # programs that would match if only this filter were dropped


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


class _Notes:
    """What the checks learn about each programme on the way: distance, reach, fit."""

    __slots__ = ("conditions", "distances", "levels", "reach")

    def __init__(self) -> None:
        self.distances: dict[str, float | None] = {}
        self.reach: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.conditions: dict[str, str] = {}


def _level_check(filters: Filters, notes: _Notes) -> Check:
    wanted = filters.levels

    def check(p: Program) -> list[str] | None:
        match = fit.level_match(p, wanted)
        if match is None:
            return None
        notes.levels[p.id] = match
        if match == fit.ASK:
            return [_("May run an IOP: ask (SAMHSA's mental-health listings cannot record IOP)")]
        hits = [lvl for lvl in p.levels if lvl in wanted]
        return [_("Offers {levels}").format(levels=", ".join(LEVELS.short(h) for h in hits))]

    return check


def _condition_check(filters: Filters, notes: _Notes) -> Check:
    wanted = filters.conditions

    def check(p: Program) -> list[str] | None:
        match = fit.condition_match(p, wanted)
        if match is None:
            return None
        notes.conditions[p.id] = match.kind
        return [match.reason]

    return check


def _payment_check(filters: Filters) -> Check:
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
        return reasons or None

    return check


def _serves_state(p: Program, state: str) -> bool:
    return p.telehealth and (
        state in p.telehealth_states or (not p.telehealth_states and p.location.state == state)
    )


def _distance_check(filters: Filters, notes: _Notes) -> Check:
    """Within the radius (in person), or else telehealth in the person's state."""
    origin = filters.origin
    assert origin is not None
    distances, reach = notes.distances, notes.reach
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


def _state_check(filters: Filters, notes: _Notes) -> Check:
    wanted = set(filters.states)

    def check(p: Program) -> list[str] | None:
        if p.location.state in wanted:
            return [_("In {place}").format(place=p.location.state)]
        served = [s for s in filters.states if _serves_state(p, s)]
        if not served:
            return None
        notes.reach[p.id] = TELEHEALTH
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


def _telehealth_check(filters: Filters, notes: _Notes) -> Check:
    """``--telehealth``: beyond the radius or state but serving it online; anywhere otherwise."""
    located = filters.origin is not None or bool(filters.states)

    def check(p: Program) -> list[str] | None:
        if not p.telehealth:
            return None
        if located:
            # "Telehealth in KY" is already a reason; the view marks it "ask whether ...".
            return [] if notes.reach.get(p.id) == TELEHEALTH else None
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


def _checks(filters: Filters, notes: _Notes) -> list[tuple[str, Check]]:
    """The active filters as (flag, check) pairs, cheapest and most selective first."""
    checks: list[tuple[str, Check]] = []
    if filters.levels:
        checks.append(("--level", _level_check(filters, notes)))
    if filters.origin is not None:
        checks.append(("--zip/--radius", _distance_check(filters, notes)))
    if filters.states:
        checks.append(("--state", _state_check(filters, notes)))
    if filters.cities:
        checks.append(("--city", _city_check(filters)))
    if filters.conditions:
        checks.append(("--condition", _condition_check(filters, notes)))
    if filters.payment or filters.plans:
        checks.append(("--insurance", _payment_check(filters)))
    if filters.telehealth:
        checks.append(("--telehealth", _telehealth_check(filters, notes)))
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
        checks.append(
            (
                "--schedule",
                _any_of(
                    lambda p: p.schedule.times,
                    filters.schedules,
                    SCHEDULE_TIMES,
                    N_("Open {values}"),
                ),
            )
        )
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


def _unrecorded(pool: Sequence[Program], filters: Filters) -> tuple[Filters, tuple[str, ...]]:
    """Drop the plan and schedule filters when no listing searched records plans or schedules.

    SAMHSA's directory names no insurance plans and no schedules: a search for
    "aetna" or "evening" would rule everything out and look like no programme
    exists. Such a filter is reported as unanswerable (ask the programme) instead.
    """
    missing: list[str] = []
    if filters.plans and not any(p.insurance_plans for p in pool):
        missing.append(NOT_RECORDED_PLANS)
        filters = replace(filters, plans=())
    if filters.schedules and not any(p.schedule.times for p in pool):
        missing.append(NOT_RECORDED_SCHEDULES)
        filters = replace(filters, schedules=())
    return filters, tuple(missing)


def search(directory: Directory, filters: Filters) -> SearchResult:
    """Every programme that passes all filters, best fit first, then nearest, then by name.

    Programmes reached only by telehealth (beyond the radius or outside the state)
    are counted in ``telehealth_elsewhere`` and left out, unless ``--telehealth``
    asked for exactly them.
    """
    asked = filters
    pool = _pool(directory, filters)
    filters, not_recorded = _unrecorded(pool, filters)
    notes = _Notes()
    checks = _checks(filters, notes)

    matches: list[Match] = []
    elsewhere = 0
    for program in pool:
        reasons: list[str] = []
        for _flag, check in checks:
            passed = check(program)
            if passed is None:
                break
            reasons.extend(passed)
        else:
            pid = program.id
            reach = notes.reach.get(pid, IN_PERSON)
            if reach == TELEHEALTH and not filters.telehealth:
                elsewhere += 1
                continue
            level = notes.levels.get(pid) if filters.levels else None
            condition = notes.conditions.get(pid)
            matches.append(
                Match(
                    program,
                    notes.distances.get(pid),
                    tuple(reasons),
                    reach,
                    level,
                    condition,
                    fit.rank(level or fit.LISTED, condition),
                )
            )

    def order(match: Match) -> tuple[tuple[int, int], float, str]:
        far = match.distance_miles if match.distance_miles is not None else float("inf")
        return (match.rank, far if filters.origin else 0.0, match.program.name.casefold())

    matches.sort(key=order)
    blockers = _blockers(directory, checks) if not matches else ()
    return SearchResult(
        asked, tuple(matches), len(directory.programs), blockers, elsewhere, not_recorded
    )


def _blockers(directory: Directory, checks: list[tuple[str, Check]]) -> tuple[Blocker, ...]:
    """For an empty result: how many programs each filter removes, and what dropping it gives."""
    removed = dict.fromkeys((flag for flag, _ in checks), 0)
    without = dict.fromkeys(removed, 0)
    for program in directory.programs:
        failed = [flag for flag, check in checks if check(program) is None]
        for flag in failed:
            removed[flag] += 1
        if len(failed) == 1:
            without[failed[0]] += 1
    ranked = sorted(removed, key=lambda f: (-removed[f], -without[f]))
    return tuple(Blocker(flag, removed[flag], without[flag]) for flag in ranked)
