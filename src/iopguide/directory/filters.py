"""What a person asks ``find`` for: typed values checked and normalised into :class:`Filters`.

Aliases and any capitalisation are accepted; an unknown value is a UsageError
that names the flag, suggests the closest value and lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iopguide.directory import DEFAULT_RADIUS_MILES
from iopguide.directory.geo import ZipCentre, normalise_zip, zip_centre
from iopguide.errors import UsageError
from iopguide.text import clean, shorten
from iopguide.vocabulary import (
    AGE_GROUPS,
    CONDITIONS,
    LANGUAGES,
    LEVELS,
    PAYMENT,
    SCHEDULE_TIMES,
    STATES,
    Vocabulary,
    normalise,
)

DEFAULT_LEVELS = ("iop",)
ANY_LEVEL = ("any", "all", "cualquiera", "todos", "todas")  # --level words for every level
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
    if any(normalise(v) in ANY_LEVEL for v in raw_levels):
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
    if not 0 <= radius < float("inf"):  # also refuses NaN
        raise UsageError(
            f"--radius must be a number of miles, zero or more; it is {radius}.",
            hint="For example --radius 25.",
        )

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
