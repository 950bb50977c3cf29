"""The fast path: each field kind's rule as a check that only ever accepts.

Most programs in a big directory are clean. A check here gives the value when
it is plainly right and ``MISS`` on anything unusual; the careful path
(:mod:`iopguide.directory.careful`) then finds and explains the problem. A
check must accept nothing the careful path would refuse, and give the same
value (tests compare the two). The checks are closures made once per file from
the tables in :mod:`iopguide.directory.schema`, so a program costs one call per
field it gives (and a list, date or ZIP seen before in the file, one lookup).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable

from iopguide.directory.geo import normalise_zip
from iopguide.directory.schema import ISO_DATE, MAX_ID_LENGTH, PAIRED, SLUG, WEBSITE, Field

#: What a check gives for a value the careful path must look at.
MISS = object()
_NUMBER_TYPES = (int, float)  # exact types: a bool is not a number here

Check = Callable[[object], object]


class Plan:
    """How to check a mapping of the fields of one table, given only the keys it has."""

    __slots__ = ("absent", "required", "slots")

    def __init__(
        self, slots: dict[str, tuple[int, Check]], absent: list[object], required: frozenset[str]
    ) -> None:
        self.slots = slots  # field name -> (its place in table order, its check)
        self.absent = absent  # each field's value when it is not given
        self.required = required


class FastChecks:
    _memo: dict[int, dict[str, str | None]]
    _order: dict[int, dict[str, int]]
    #: Every text and list of texts accepted, by value: equal ones become one object, so
    #: a directory in memory holds each once and an index block writes each once.
    _shared: dict[object, object]

    def plan(self, table: tuple[Field, ...]) -> Plan:
        """The checks of every field of *table*, and their answers for an absent value."""
        slots: dict[str, tuple[int, Check]] = {}
        absent: list[object] = []
        for index, f in enumerate(table):
            check = self._check_for(f)
            slots[f.name] = (index, check)
            # An absent group is None: its model makes an empty one of its own (and a
            # check's answer is shared by every mapping without the field: it is immutable).
            absent.append(None if f.kind == "group" else check(None))
        required = frozenset(f.name for f in table if f.required)
        return Plan(slots, absent, required)

    def _check_for(self, f: Field) -> Check:
        kind = f.kind
        if kind in ("terms", "states", "state"):
            return self._terms_check(f)
        if kind == "group":
            return self._group_check(f)
        if kind in ("number", "whole"):
            return _number_check(f)
        check = _MAKING[kind](self._shared.setdefault) if kind in _MAKING else _SIMPLE[kind]
        if kind in _BY_TEXT:
            check = _by_text(check)
        if f.required and check(None) is not MISS:
            check = _required(check)
        return check

    def _terms_check(self, f: Field) -> Check:
        """Vocabulary ids in vocabulary order for a clean list (or single text) value."""
        vocab, required, one = f.vocabulary, f.required, f.kind == "state"
        assert vocab is not None
        memo = self._memo.setdefault(id(vocab), {})
        order = self._order.setdefault(id(vocab), {t: i for i, t in enumerate(vocab.ids)})
        known, resolve = memo.get, vocab.resolve
        # Whole values already accepted (a text, or a list's items as a tuple): most programs
        # of a big directory repeat lists that others have. Only an all-text value is kept,
        # and text equals nothing but text, so a key matches only the same texts.
        accepted: dict[object, object] = {}
        seen, share = accepted.get, self._shared.setdefault

        def check(value: object) -> object:
            if value is None:
                return None if one else MISS if required else ()
            if type(value) is str:
                key: object = value
                value = (value,)
            elif isinstance(value, list):
                key = tuple(value)
            else:
                return MISS
            try:
                found = seen(key)
            except TypeError:  # an item that is a mapping or a list
                return MISS
            if found is not None:
                return found
            found = terms(value)
            if found is not MISS:
                accepted[key] = found = share(found, found)
            return found

        def terms(value: list | tuple) -> object:
            found = []
            for item in value:
                if type(item) is not str:
                    return MISS
                term = known(item)
                if term is None:
                    term = resolve(item)
                    if term is None:
                        return MISS
                    memo[item] = term
                found.append(term)
            if len(found) > 1:
                found = sorted(set(found), key=order.__getitem__)
            if one:
                return found[0] if len(found) == 1 else MISS
            if required and not found:
                return MISS
            return tuple(found)

        return check

    def _group_check(self, f: Field) -> Check:
        plan, model = self.plan(f.parts), f.model
        names = [p.name for p in f.parts]
        first, second = (names.index(n) for n in PAIRED) if PAIRED[0] in names else (None, None)

        def check(value: object) -> object:
            if value is None:
                return model()  # type: ignore[misc]
            if not isinstance(value, dict):
                return MISS
            values = fields(plan, value)
            if values is None:
                return MISS
            if first is not None and (values[first] is None) != (values[second] is None):
                return MISS
            return model(*values)  # type: ignore[misc]

        return check


def fields(plan: Plan, mapping: dict) -> list[object] | None:
    """The value of every field of *mapping*'s table, in table order; None at the first miss.

    Only the keys *mapping* has are checked (a program gives about half its
    fields): an unknown key, a missing required field or a check's miss is a miss.
    """
    if not mapping.keys() >= plan.required:
        return None
    values = plan.absent.copy()
    slots = plan.slots
    for name, value in mapping.items():
        try:
            index, check = slots[name]
        except KeyError:  # not a field of the table
            return None
        value = check(value)
        if value is MISS:
            return None
        values[index] = value
    return values


def _id(value: object) -> object:
    if type(value) is not str or len(value) > MAX_ID_LENGTH or not SLUG.fullmatch(value):
        return MISS
    return value


Share = Callable[[object, object], object]


def _text_check(share: Share) -> Check:
    def text(value: object) -> object:
        if value is None:
            return None
        if type(value) is not str:
            return MISS
        value = value.strip()
        return share(value, value) if value else None

    return text


def _texts_check(share: Share) -> Check:
    def texts(value: object) -> object:
        if value is None:
            return ()
        if type(value) is str:
            value = [value]
        elif not isinstance(value, list):
            return MISS
        found = []
        for item in value:
            if type(item) is not str:
                return MISS
            item = item.strip()
            if item:
                found.append(share(item, item))
        found = tuple(found)
        return share(found, found)

    return texts


def _website_check(share: Share) -> Check:
    text = _text_check(share)

    def website(value: object) -> object:
        value = text(value)
        if value is None or value is MISS or WEBSITE.fullmatch(value):  # type: ignore[arg-type]
            return value
        return MISS

    return website


def _by_text(check: Check) -> Check:
    """*check* answering once for each text (a national directory repeats its dates and ZIPs)."""
    answers: dict[str, object] = {}
    known = answers.get

    def by_text(value: object) -> object:
        if type(value) is not str:  # only text: 1 == 1.0 == True would share an answer
            return check(value)
        found = known(value)
        if found is None:
            found = answers[value] = check(value)
        return found

    return by_text


def _required(check: Check) -> Check:
    def required(value: object) -> object:
        value = check(value)
        return MISS if value is None else value

    return required


def _flag(value: object) -> object:
    if value is None:
        return False
    return value if value is True or value is False else MISS


def _date(value: object) -> object:
    if value is None:
        return None
    if type(value) is _dt.date:
        return value.isoformat()
    if type(value) is str and ISO_DATE.fullmatch(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return MISS
    return MISS


def _zip(value: object) -> object:
    if value is None:
        return None
    if type(value) is not str:
        return MISS
    zip5 = normalise_zip(value)
    return MISS if zip5 is None else zip5


def _number_check(f: Field) -> Check:
    low, high = f.bounds or (-math.inf, math.inf)
    above = f.above

    if f.kind == "whole":

        def whole(value: object) -> object:
            if value is None:
                return None
            if type(value) is not int or not low <= value <= high:
                return MISS
            return value

        return whole

    def number(value: object) -> object:
        if value is None:
            return None
        if type(value) not in _NUMBER_TYPES:
            return MISS
        try:
            value = float(value)  # type: ignore[arg-type]
        except OverflowError:  # an integer too big for a float
            return MISS
        if not ((low < value) if above else (low <= value)) or not value <= high:
            return MISS  # also refuses NaN
        return value

    return number


#: Kinds whose check costs more than remembering its answer for a text.
_BY_TEXT = frozenset({"date", "zip"})
_SIMPLE: dict[str, Check] = {"id": _id, "flag": _flag, "date": _date, "zip": _zip}
#: Kinds whose check is made for a file: it shares the texts it accepts.
_MAKING: dict[str, Callable[[Share], Check]] = {
    "text": _text_check,
    "texts": _texts_check,
    "website": _website_check,
}
