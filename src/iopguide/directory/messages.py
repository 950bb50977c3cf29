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
        return "nothing"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value) if value.strip() else "empty text"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return quote(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"the date {value.isoformat()}"
    return "a value of another kind"


def yaml_reading(value: object, raw: str) -> tuple[str, str]:
    """(message, hint) for a plain scalar YAML read as something other than text."""
    shown = clean(shorten(raw, 40))
    hint = (
        f'Put the value in quotes: "{shown}".' if raw else "Write a value, or leave the line out."
    )
    if value is None:
        if not raw:
            return "is empty", hint
        return (
            f"YAML reads {shown} as 'no value' (null)",
            f'Write the value; if you mean the text {shown}, put it in quotes: "{shown}".',
        )
    if value is True or value is False:
        word = "true" if value else "false"
        return f"YAML reads {shown} as {word} (a yes/no value), not as text", hint
    if isinstance(value, (int, float)):
        reason = ""
        digits = raw.lstrip("+-")
        if ":" in raw:
            reason = " (YAML 1.1 reads numbers separated by ':' in base 60)"
        elif digits[:1] == "0" and digits[1:2] not in ("", ".", "x", "b"):
            reason = " (a leading 0 makes YAML read it as an octal number)"
        elif "_" in raw:
            reason = " (YAML ignores '_' in numbers)"
        number = clean(shorten(str(value), 40))
        return f"YAML reads {shown} as the number {number}{reason}", hint
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"YAML reads {shown} as a date", hint
    return f"YAML reads {shown} as something other than text", hint


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
