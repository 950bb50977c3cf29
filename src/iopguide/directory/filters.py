"""How the values typed for ``find``'s filters are parsed (the table is :mod:`.filter_table`).

The vocabularies are imported when a value is parsed (``--help`` needs none).
Aliases and any capitalisation are accepted; an unknown value is a UsageError
that names the flag, suggests the closest value and lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from iopguide.errors import UsageError
from iopguide.text import clean, shorten

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:
    from iopguide.directory.geo import ZipCentre
    from iopguide.vocabulary import Vocabulary

DEFAULT_LEVELS = ("iop",)
ANY_LEVEL = ("any", "all", "cualquiera", "todos", "todas")  # --level words for every level
MIN_PLAN_NAME = 3  # characters


def split(values: Iterable[str] | None) -> list[str]:
    """``["depression,anxiety", "ptsd"]`` -> ``["depression", "anxiety", "ptsd"]``."""
    parts: list[str] = []
    for value in values or ():
        parts.extend(p.strip() for p in value.split(",") if p.strip())
    return parts


def resolve_terms(values: Iterable[str] | None, vocab: Vocabulary, flag: str) -> tuple[str, ...]:
    """Every value as *vocab*'s id, once each, in the vocabulary's order."""
    ids: list[str] = []
    for raw in split(values):
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


def parse_levels(values: Iterable[str] | None) -> tuple[str, ...]:
    """Level ids; ``()`` for "any" (every level); IOP when none is given."""
    from iopguide.vocabulary import LEVELS, normalise

    raw_levels = split(values)
    if any(normalise(v) in ANY_LEVEL for v in raw_levels):
        return ()
    if raw_levels:
        return resolve_terms(raw_levels, LEVELS, "--level")
    return DEFAULT_LEVELS


def parse_insurance(values: Iterable[str] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(payment type ids, plan names): a value that is no payment type is a plan's name."""
    from iopguide.vocabulary import PAYMENT, normalise

    payment: list[str] = []
    plans: list[str] = []
    for raw in split(values):
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
    return PAYMENT.sort(payment), tuple(dict.fromkeys(plans))


def parse_zip(zip_code: str | None) -> ZipCentre | None:
    """The centre of the ZIP code typed, or None when none was."""
    if zip_code is None:
        return None
    from iopguide.directory.geo import normalise_zip, zip_centre

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
    return origin


def check_radius(radius: float) -> float:
    if not 0 <= radius < float("inf"):  # also refuses NaN
        raise UsageError(
            f"--radius must be a number of miles, zero or more; it is {radius}.",
            hint="For example --radius 25.",
        )
    return radius


def parse_cities(values: Iterable[str] | None) -> tuple[str, ...]:
    """City names as typed, spaces tidied, once each (matched without case)."""
    return tuple(dict.fromkeys(" ".join(c.split()) for c in split(values)))
