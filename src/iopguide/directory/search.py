"""Find programs: turn what a person typed into filters, and filters into ranked matches.

Within one filter, several values match any of them; different filters must all
match. Every match carries the reasons it matched, in plain words, so the
person can see *why* a program is on the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from iopguide.directory import DEFAULT_RADIUS_MILES
from iopguide.directory.geo import ZipCentre, haversine_miles, normalise_zip, zip_centre
from iopguide.directory.model import Directory, Program
from iopguide.errors import UsageError
from iopguide.text import clean, shorten
from iopguide.vocabulary import (
    AGE_GROUPS,
    CONDITIONS,
    LANGUAGES,
    LEVELS,
    MENTAL_HEALTH_SPECIFIC,
    PAYMENT,
    SCHEDULE_TIMES,
    STATES,
    Vocabulary,
    broader_conditions,
    normalise,
)

DEFAULT_LEVELS = ("iop",)
MIN_PLAN_NAME = 3  # characters


@dataclass(frozen=True, slots=True)
class Filters:
    """What to look for; every field holds vocabulary ids (plans and cities are free text)."""

    conditions: tuple[str, ...] = ()
    payment: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()
    origin: ZipCentre | None = None
    radius: float = DEFAULT_RADIUS_MILES
    states: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    levels: tuple[str, ...] = DEFAULT_LEVELS  # empty means any level
    telehealth: bool = False
    age_groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    schedules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "conditions": list(self.conditions),
            "payment": list(self.payment),
            "insurance_plans": list(self.plans),
            "zip": self.origin.zip if self.origin else None,
            "radius_miles": self.radius if self.origin else None,
            "states": list(self.states),
            "cities": list(self.cities),
            "levels": list(self.levels) or ["any"],
            "telehealth": self.telehealth,
            "age_groups": list(self.age_groups),
            "languages": list(self.languages),
            "schedules": list(self.schedules),
        }


@dataclass(frozen=True, slots=True)
class Match:
    program: Program
    distance_miles: float | None
    reasons: tuple[str, ...]


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

    @property
    def total(self) -> int:
        return len(self.matches)


# --------------------------------------------------------------------------- parsing


def _split(values: Iterable[str] | None) -> list[str]:
    """``["depression,anxiety", "ptsd"]`` -> ``["depression", "anxiety", "ptsd"]``."""
    parts: list[str] = []
    for value in values or ():
        parts.extend(p.strip() for p in value.split(",") if p.strip())
    return parts


def _resolve_all(values: Iterable[str] | None, vocab: Vocabulary, flag: str) -> tuple[str, ...]:
    ids: list[str] = []
    for raw in _split(values):
        term = vocab.resolve(raw)
        if term is None:
            raise _unknown_value(raw, vocab, flag)
        if term not in ids:
            ids.append(term)
    return vocab.sort(ids)


def _unknown_value(raw: str, vocab: Vocabulary, flag: str) -> UsageError:
    suggestions = vocab.suggest(raw)
    message = f"{flag}: {shorten(clean(raw))!r} is not a {vocab.name} iopguide knows."
    if suggestions:
        message += " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return UsageError(message, hint="Valid values: " + ", ".join(vocab.ids))


def parse_filters(
    *,
    conditions: Sequence[str] | None = None,
    insurance: Sequence[str] | None = None,
    zip_code: str | None = None,
    radius: float = DEFAULT_RADIUS_MILES,
    states: Sequence[str] | None = None,
    cities: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    telehealth: bool = False,
    age_groups: Sequence[str] | None = None,
    languages: Sequence[str] | None = None,
    schedules: Sequence[str] | None = None,
) -> Filters:
    """Check and normalise what a person typed; raise UsageError naming what is wrong."""
    raw_levels = _split(levels)
    if any(normalise(v) in ("any", "all") for v in raw_levels):
        level_ids: tuple[str, ...] = ()
    elif raw_levels:
        level_ids = _resolve_all(raw_levels, LEVELS, "--level")
    else:
        level_ids = DEFAULT_LEVELS

    payment: list[str] = []
    plans: list[str] = []
    for raw in _split(insurance):
        term = PAYMENT.resolve(raw)
        if term is not None:
            payment.append(term)
            continue
        close = PAYMENT.suggest(raw)
        if close and normalise(raw) not in ("", "other"):
            # "medicad" is a typo, not an insurance plan called "medicad".
            raise _unknown_value(raw, PAYMENT, "--insurance")
        plan = " ".join(raw.split())
        if len(plan) < MIN_PLAN_NAME:
            # "e" would match every plan with an e in its name.
            raise UsageError(
                f"--insurance: {clean(plan)!r} is too short to be an insurance plan's name.",
                hint="Give a payment type (" + ", ".join(PAYMENT.ids) + ") or a plan's name.",
            )
        plans.append(plan)

    origin = None
    if zip_code is not None:
        zip5 = normalise_zip(zip_code)
        if zip5 is None:
            raise UsageError(
                f"--zip: {clean(shorten(zip_code.strip(), 20))!r} is not a ZIP code.",
                hint="Use a 5-digit US ZIP code, for example --zip 40202.",
            )
        origin = zip_centre(zip5)
        if origin is None:
            raise UsageError(
                f"--zip: {zip5} is not a ZIP code iopguide knows.",
                hint="Check the number, or search by --state instead.",
            )
    if radius < 0:
        raise UsageError("--radius must be zero or more miles.")

    return Filters(
        conditions=_resolve_all(conditions, CONDITIONS, "--condition"),
        payment=PAYMENT.sort(payment),
        plans=tuple(dict.fromkeys(plans)),
        origin=origin,
        radius=radius,
        states=_resolve_all(states, STATES, "--state"),
        cities=tuple(dict.fromkeys(" ".join(c.split()) for c in _split(cities))),
        levels=level_ids,
        telehealth=telehealth,
        age_groups=_resolve_all(age_groups, AGE_GROUPS, "--age-group"),
        languages=_resolve_all(languages, LANGUAGES, "--language"),
        schedules=_resolve_all(schedules, SCHEDULE_TIMES, "--schedule"),
    )


# --------------------------------------------------------------------------- matching

# A check looks at one program and returns the reasons it passes, or None if it fails.
Check = Callable[[Program], "list[str] | None"]


def _labels(vocab: Vocabulary, ids: Iterable[str]) -> str:
    return ", ".join(vocab.labels(ids))


def _level_check(filters: Filters) -> Check:
    wanted = set(filters.levels)

    def check(p: Program) -> list[str] | None:
        hits = [lvl for lvl in p.levels if lvl in wanted]
        return [f"Offers {', '.join(LEVELS.short(h) for h in hits)}"] if hits else None

    return check


def _condition_check(filters: Filters) -> Check:
    def check(p: Program) -> list[str] | None:
        specific = [c for c in filters.conditions if c in p.conditions]
        if specific:
            return [f"Treats {_labels(CONDITIONS, specific)}"]
        if "mental_health" in filters.conditions:
            listed = [c for c in p.conditions if c in MENTAL_HEALTH_SPECIFIC]
            if listed:
                return [f"Treats {_labels(CONDITIONS, listed)}"]
        for wanted in filters.conditions:
            for broader in broader_conditions(wanted):
                if broader in p.conditions:
                    what = (
                        "mental health in general"
                        if broader == "mental_health"
                        else ("co-occurring mental health and substance use")
                    )
                    names = _labels(CONDITIONS, [wanted])
                    return [f"Treats {what} (not listed for {names} specifically)"]
        return None

    return check


def _payment_check(filters: Filters) -> Check:
    wanted_plans = [plan.casefold() for plan in filters.plans]

    def check(p: Program) -> list[str] | None:
        reasons = []
        types = [t for t in filters.payment if t in p.payment]
        if types:
            reasons.append(f"Accepts {_labels(PAYMENT, types)}")
        if p.insurance_plans:  # most listings name none: skip the plans x listings loop
            for plan in wanted_plans:
                named = [n for n in p.insurance_plans if plan in n.casefold()]
                if named:
                    reasons.append(f"Lists the plan {named[0]}")
        return reasons or None

    return check


def _serves_state(p: Program, state: str) -> bool:
    return p.telehealth and (
        state in p.telehealth_states or (not p.telehealth_states and p.location.state == state)
    )


def _distance_check(filters: Filters, distances: dict[str, float | None]) -> Check:
    """Within the radius, or telehealth in the person's state. Fills *distances* as it goes."""
    origin = filters.origin
    assert origin is not None
    # One degree of latitude is about 69 miles: skip the trigonometry for programmes
    # that are obviously too far (their distance is still worked out if they match).
    lat_window = filters.radius / 69.0 + 0.5

    def check(p: Program) -> list[str] | None:
        lat = p.location.lat
        near = lat is None or abs(lat - origin.lat) <= lat_window
        miles = distances[p.id] = program_distance(p, origin) if near else None
        if miles is not None and miles <= filters.radius:
            return [f"{miles:.1f} miles from {origin.zip}"]
        if _serves_state(p, origin.state):
            if miles is None:
                distances[p.id] = program_distance(p, origin)
            return [f"Telehealth in {origin.state}"]
        return None

    return check


def _state_check(filters: Filters) -> Check:
    wanted = set(filters.states)

    def check(p: Program) -> list[str] | None:
        if p.location.state in wanted:
            return [f"In {p.location.state}"]
        served = [s for s in filters.states if _serves_state(p, s)]
        return [f"Telehealth in {', '.join(served)}"] if served else None

    return check


def _city_check(filters: Filters) -> Check:
    wanted = {c.casefold() for c in filters.cities}

    def check(p: Program) -> list[str] | None:
        city = p.location.city
        return [f"In {city}"] if city and " ".join(city.split()).casefold() in wanted else None

    return check


def _telehealth_check(filters: Filters) -> Check:
    places = [filters.origin.state] if filters.origin else list(filters.states)

    def check(p: Program) -> list[str] | None:
        if not p.telehealth:
            return None
        if not places:
            return ["Offers telehealth"]
        served = [s for s in places if _serves_state(p, s)]
        return [f"Telehealth in {', '.join(served)}"] if served else None

    return check


def _any_of(
    attribute: Callable[[Program], tuple[str, ...]],
    wanted: tuple[str, ...],
    vocab: Vocabulary,
    verb: str,
) -> Check:
    def check(p: Program) -> list[str] | None:
        have = attribute(p)
        hits = [w for w in wanted if w in have]
        return [f"{verb} {_labels(vocab, hits).lower()}"] if hits else None

    return check


def _checks(filters: Filters, distances: dict[str, float | None]) -> list[tuple[str, Check]]:
    """The active filters as (flag, check) pairs, cheapest and most selective first."""
    checks: list[tuple[str, Check]] = []
    if filters.levels:
        checks.append(("--level", _level_check(filters)))
    if filters.origin is not None:
        checks.append(("--zip/--radius", _distance_check(filters, distances)))
    if filters.states:
        checks.append(("--state", _state_check(filters)))
    if filters.cities:
        checks.append(("--city", _city_check(filters)))
    if filters.conditions:
        checks.append(("--condition", _condition_check(filters)))
    if filters.payment or filters.plans:
        checks.append(("--insurance", _payment_check(filters)))
    if filters.telehealth:
        checks.append(("--telehealth", _telehealth_check(filters)))
    if filters.age_groups:
        checks.append(
            ("--age-group", _any_of(lambda p: p.ages, filters.age_groups, AGE_GROUPS, "Serves"))
        )
    if filters.languages:
        checks.append(
            ("--language", _any_of(lambda p: p.languages, filters.languages, LANGUAGES, "Speaks"))
        )
    if filters.schedules:
        checks.append(
            (
                "--schedule",
                _any_of(lambda p: p.schedule.times, filters.schedules, SCHEDULE_TIMES, "Open"),
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


def search(directory: Directory, filters: Filters) -> SearchResult:
    """Every program that passes all filters, nearest first (when a ZIP is given), then by name."""
    distances: dict[str, float | None] = {}  # filled by the distance check, when there is one
    checks = _checks(filters, distances)

    pool = directory.offering(filters.levels) if filters.levels else directory.programs
    matches: list[Match] = []
    for program in pool:
        reasons: list[str] = []
        for _flag, check in checks:
            passed = check(program)
            if passed is None:
                break
            reasons.extend(passed)
        else:
            matches.append(Match(program, distances.get(program.id), tuple(reasons)))

    def order(match: Match) -> tuple[float, str]:
        far = match.distance_miles if match.distance_miles is not None else float("inf")
        return (far if filters.origin else 0.0, match.program.name.casefold())

    matches.sort(key=order)
    blockers = _blockers(directory, checks) if not matches else ()
    return SearchResult(filters, tuple(matches), len(directory.programs), blockers)


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
