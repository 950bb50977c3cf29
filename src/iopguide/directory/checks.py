"""The checks a search applies, one per filter of :mod:`.filter_table` (by its id).

A check looks at one programme and returns the reasons it passes, or None if it
fails; :func:`checks_for` gives the active filters' checks in ``SEARCH_ORDER``.
What the checks learn on the way (distance, reach, fit) is kept in :class:`Seen`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from iopguide.directory import fit, noted
from iopguide.directory.filter_table import SEARCH_ORDER, Filters, ordered
from iopguide.directory.geo import ZipCentre, haversine_miles, zip_centre
from iopguide.directory.model import Program
from iopguide.i18n import N_, _
from iopguide.i18n import current as current_language
from iopguide.vocabulary import AGE_GROUPS, LANGUAGES, LEVELS, PAYMENT, SCHEDULE_TIMES, Vocabulary

#: How a programme in the results can be reached.
IN_PERSON = "in_person"
TELEHEALTH = "telehealth"

Check = Callable[[Program], "list[str] | None"]


def _labels(vocab: Vocabulary, ids: Iterable[str]) -> str:
    return ", ".join(vocab.labels(ids))


class Seen:
    """What the checks learn about each programme on the way: distance, reach, fit."""

    __slots__ = ("conditions", "distances", "levels", "notes", "reach")

    def __init__(self, notes: noted.NoteMap | None = None) -> None:
        self.notes: noted.NoteMap = notes or {}  # your notes by programme id
        self.distances: dict[str, float | None] = {}
        self.reach: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.conditions: dict[str, str] = {}


def _level_check(filters: Filters, seen: Seen) -> Check:
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


def _condition_check(filters: Filters, seen: Seen) -> Check:
    wanted = filters.conditions

    def check(p: Program) -> list[str] | None:
        match = fit.condition_match(p, wanted)
        if match is None:
            return None
        seen.conditions[p.id] = match.kind
        return [match.reason]

    return check


def _payment_check(filters: Filters, seen: Seen) -> Check:
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


def _distance_check(filters: Filters, seen: Seen) -> Check:
    """Within the radius (in person), or else telehealth in the person's state."""
    origin = filters.origin
    assert origin is not None
    distances, reach = seen.distances, seen.reach
    # One degree of latitude is about 69 miles: skip the trigonometry for programmes
    # that are obviously too far (their distance is still worked out if they match).
    window = lat_window(filters.radius)

    def check(p: Program) -> list[str] | None:
        lat = p.location.lat
        near = lat is None or abs(lat - origin.lat) <= window
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


def _state_check(filters: Filters, seen: Seen) -> Check:
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


def _city_check(filters: Filters, seen: Seen) -> Check:
    wanted = {c.casefold() for c in filters.cities}

    def check(p: Program) -> list[str] | None:
        city = p.location.city
        return (
            [_("In {place}").format(place=city)]
            if city and " ".join(city.split()).casefold() in wanted
            else None
        )

    return check


def _telehealth_check(filters: Filters, seen: Seen) -> Check:
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


def _age_check(filters: Filters, seen: Seen) -> Check:
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
    *,
    lower: bool = True,
) -> Check:
    """Any of *wanted* in the listing's *attribute*; *reason* is an ``N_`` text with {values}.

    Labels are lower-cased inside the sentence ("Serves children"). With *lower* False
    (names: languages) they keep their capitals in English ("Speaks Spanish") and are
    lower-cased where the language writes them so ("Habla español").
    """

    def check(p: Program) -> list[str] | None:
        have = attribute(p)
        hits = [w for w in wanted if w in have]
        if not hits:
            return None
        values = _labels(vocab, hits)
        keep = not lower and current_language() == "en"
        return [_(reason).format(values=values if keep else values.lower())]

    return check


def _schedule_check(filters: Filters, seen: Seen) -> Check:
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


def _language_check(filters: Filters, seen: Seen) -> Check:
    return _any_of(
        lambda p: p.languages, filters.languages, LANGUAGES, N_("Speaks {values}"), lower=False
    )


#: Each filter's check, by the filter's id: ``factory(filters, seen) -> Check``.
CHECKS: dict[str, Callable[[Filters, Seen], Check]] = {
    "level": _level_check,
    "zip": _distance_check,
    "state": _state_check,
    "city": _city_check,
    "condition": _condition_check,
    "insurance": _payment_check,
    "telehealth": _telehealth_check,
    "age_group": _age_check,
    "language": _language_check,
    "schedule": _schedule_check,
}


def checks_for(filters: Filters, seen: Seen) -> list[tuple[str, Check]]:
    """The active filters as (filter id, check) pairs, in SEARCH_ORDER."""
    return [
        (spec.id, CHECKS[spec.id](filters, seen))
        for spec in ordered(SEARCH_ORDER)
        if spec.active(filters)
    ]


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


def lat_window(radius: float) -> float:
    """Degrees of latitude that surely hold every point within *radius* miles (69 mi a degree)."""
    return radius / 69.0 + 0.5
