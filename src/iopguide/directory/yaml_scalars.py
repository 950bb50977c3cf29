"""YAML 1.1 implicit typing of plain scalars, exactly as PyYAML's SafeLoader does it.

So a message can say what YAML did with a value ("YAML reads 01234 as 668").
"""

from __future__ import annotations

import datetime as _dt
import re

_BOOL_NULL: dict[str, object] = {
    **{w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")},
    **{w: None for w in ("~", "null", "Null", "NULL", "")},
}
#: The words YAML 1.1 reads as true, false or null (``~`` and the empty text too).
TYPED_WORDS = frozenset(_BOOL_NULL)
#: First characters of a plain scalar that YAML 1.1 might read as something other than text.
SPECIAL_FIRST = frozenset([*"yYnNtTfFoO~-+0123456789.<=", ""])
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+
        |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])
        -(?P<month>[0-9][0-9]?)
        -(?P<day>[0-9][0-9]?)
        (?:(?:[Tt]|[ \t]+)
        (?P<hour>[0-9][0-9]?)
        :(?P<minute>[0-9][0-9])
        :(?P<second>[0-9][0-9])
        (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
        (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.X,
)
_TIMESTAMP_SHAPE = re.compile(
    r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$"
)


def resolve_plain(text: str) -> object:
    """What YAML 1.1 (PyYAML's SafeLoader) makes of an unquoted scalar.

    Returns *text* itself when YAML reads it as text. Where PyYAML itself would
    fail (a date that does not exist, a number too long to convert) the text is
    kept, so the validator can say what is wrong with it.
    """
    if text in _BOOL_NULL:
        return _BOOL_NULL[text]
    first = text[0]
    if first in "-+0123456789.":
        if _FLOAT.match(text):
            return _yaml_float(text)
        if first != "." and _INT.match(text):
            return _yaml_int(text)
        if first in "0123456789" and _TIMESTAMP_SHAPE.match(text):
            return _yaml_timestamp(text)
    return text


def _yaml_int(text: str) -> object:
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    try:
        if value == "0":
            return 0
        if value.startswith("0b"):
            return sign * int(value[2:], 2)
        if value.startswith("0x"):
            return sign * int(value[2:], 16)
        if value[0] == "0":
            return sign * int(value, 8)
        if ":" in value:
            total, base = 0, 1
            for part in reversed(value.split(":")):
                total += int(part) * base
                base *= 60
            return sign * total
        return sign * int(value)
    except ValueError:  # "0b_", or more digits than int() accepts
        return text


def _yaml_float(text: str) -> object:
    value = text.replace("_", "").lower()
    sign = -1.0 if value[0] == "-" else 1.0
    if value[0] in "+-":
        value = value[1:]
    try:
        if value == ".inf":
            return sign * float("inf")
        if value == ".nan":
            return float("nan")
        if ":" in value:
            total, base = 0.0, 1.0
            for part in reversed(value.split(":")):
                total += float(part) * base
                base *= 60
            return sign * total
        return sign * float(value)
    except ValueError:
        return text


def _yaml_timestamp(text: str) -> object:
    match = _TIMESTAMP.match(text)
    if match is None:
        return text
    v = match.groupdict()
    try:
        if not v["hour"]:
            return _dt.date(int(v["year"]), int(v["month"]), int(v["day"]))
        fraction = int((v["fraction"] or "")[:6].ljust(6, "0"))
        tzinfo = None
        if v["tz_sign"]:
            delta = _dt.timedelta(hours=int(v["tz_hour"]), minutes=int(v["tz_minute"] or 0))
            tzinfo = _dt.timezone(-delta if v["tz_sign"] == "-" else delta)
        elif v["tz"]:
            tzinfo = _dt.timezone.utc
        return _dt.datetime(
            int(v["year"]),
            int(v["month"]),
            int(v["day"]),
            int(v["hour"]),
            int(v["minute"]),
            int(v["second"]),
            fraction,
            tzinfo=tzinfo,
        )
    except ValueError:  # 2026-02-30: PyYAML raises; we keep the text and say so later
        return text
