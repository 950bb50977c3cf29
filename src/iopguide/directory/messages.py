"""Saying in words what a directory file holds, for the validator's messages."""

from __future__ import annotations

import datetime as _dt

from iopguide import vocabulary as V
from iopguide.i18n import N_, _
from iopguide.text import clean, shorten

#: Longer vocabularies are described instead of listed in full in a message.
MAX_LISTED = 30


def quote(value: object, limit: int = 60) -> str:
    """A value from the file, safe to put in a message."""
    return "'" + clean(shorten(str(value), limit)) + "'"


def describe(value: object) -> str:
    """What was found, in words (never the repr of a whole nested structure)."""
    if value is None:
        return _("nothing")
    if value is True or value is False:
        return "true" if value else "false"  # YAML's own words
    if isinstance(value, str):
        return quote(value) if value.strip() else _("empty text")
    if isinstance(value, dict):
        return _("a mapping (key: value pairs)")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, (int, float)):
        return quote(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _("the date {date}").format(date=value.isoformat())
    return _("a value of another kind")


def _number_reading(raw: str) -> str:
    """Why YAML read *raw* as a number, as a template with {raw} and {number}."""
    digits = raw.lstrip("+-")
    if ":" in raw:
        return _(
            "YAML reads {raw} as the number {number} "
            "(YAML 1.1 reads numbers separated by ':' in base 60)"
        )
    if digits[:1] == "0" and digits[1:2] not in ("", ".", "x", "b"):
        return _(
            "YAML reads {raw} as the number {number} "
            "(a leading 0 makes YAML read it as an octal number)"
        )
    if "_" in raw:
        return _("YAML reads {raw} as the number {number} (YAML ignores '_' in numbers)")
    return _("YAML reads {raw} as the number {number}")


def yaml_reading(value: object, raw: str) -> tuple[str, str]:
    """(clause, hint) for a plain scalar YAML read as something other than text.

    The clause completes "Expected text, but {reading}." (see Reporter.as_text).
    """
    shown = clean(shorten(raw, 40))
    if raw:
        hint = _('Put the value in quotes: "{raw}".').format(raw=shown)
    else:
        hint = _("Write a value, or leave the line out.")
    if value is None:
        if not raw:
            return _("is empty"), hint
        return (
            _("YAML reads {raw} as 'no value' (null)").format(raw=shown),
            _('Write the value; if you mean the text {raw}, put it in quotes: "{raw}".').format(
                raw=shown
            ),
        )
    if value is True or value is False:
        if value:
            reading = _("YAML reads {raw} as true (a yes/no value), not as text")
        else:
            reading = _("YAML reads {raw} as false (a yes/no value), not as text")
        return reading.format(raw=shown), hint
    if isinstance(value, (int, float)):
        number = clean(shorten(str(value), 40))
        return _number_reading(raw).format(raw=shown, number=number), hint
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _("YAML reads {raw} as a date").format(raw=shown), hint
    return _("YAML reads {raw} as something other than text").format(raw=shown), hint


#: Each vocabulary as the phrase "a <name>", keyed by Vocabulary.name, so a sentence
#: like "'x' is not a level of care." is translated whole (articles differ by language).
A_KIND: dict[str, str] = {
    "facility type": N_("a facility type"),
    "schedule": N_("a schedule"),
    "service": N_("a service"),
    "therapeutic approach": N_("a therapeutic approach"),
    "accreditation": N_("an accreditation"),
    "level of care": N_("a level of care"),
    "condition": N_("a condition"),
    "payment type": N_("a payment type"),
    "age group": N_("an age group"),
    "language": N_("a language"),
    "special group": N_("a special group"),
    "state": N_("a state"),
}


#: "at least one <name>", keyed by Vocabulary.name (for "List at least one ...").
AT_LEAST_ONE: dict[str, str] = {
    "facility type": N_("at least one facility type"),
    "schedule": N_("at least one schedule"),
    "service": N_("at least one service"),
    "therapeutic approach": N_("at least one therapeutic approach"),
    "accreditation": N_("at least one accreditation"),
    "level of care": N_("at least one level of care"),
    "condition": N_("at least one condition"),
    "payment type": N_("at least one payment type"),
    "age group": N_("at least one age group"),
    "language": N_("at least one language"),
    "special group": N_("at least one special group"),
    "state": N_("at least one state"),
}


def at_least_one(noun: str) -> str:
    """ "at least one <noun>" in the reader's language (a known vocabulary) or English."""
    phrase = AT_LEAST_ONE.get(noun)
    return _(phrase) if phrase is not None else "at least one " + noun


def article(noun: str) -> str:
    """ "a <noun>" in the reader's language (a known vocabulary) or English."""
    phrase = A_KIND.get(noun)
    if phrase is not None:
        return _(phrase)
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def valid_list(vocab: V.Vocabulary) -> str:
    if vocab is V.STATES:
        return _("a two-letter state code (KY) or a state name (Kentucky)")
    ids = vocab.ids
    if len(ids) > MAX_LISTED:
        return ", ".join(ids[:MAX_LISTED]) + ", ..."
    return ", ".join(ids)
