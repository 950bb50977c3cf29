"""A row's service codes applied to a facility, with each code's decisions taken once per table.

A facility keeps its vocabulary ids as one set of numbers: :data:`TERMS` numbers
every (field, id) pair field by field (in :data:`~iopguide.directory.schema.LIST_FIELDS`
order), each field's ids in vocabulary order. So a row's hundred or so codes are added
by one ``set.update`` and a programme's fields come out sorted by one ``sorted``
(:func:`by_field`); this runs for 21,000 rows of the 2022 workbooks. Every id a code
adds is a vocabulary id (tests/test_import_samhsa.py checks the code tables).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Mapping
from itertools import accumulate, combinations
from typing import TYPE_CHECKING

from iopguide.directory.importers.codes import CODES, ONLY_RULES, UMBRELLAS, Code, for_edition
from iopguide.directory.schema import BY_FIELD, LIST_FIELDS

if TYPE_CHECKING:
    from iopguide.directory.importers.collect import Facility

#: Every (field, vocabulary id) pair a facility can hold, in the order a programme lists them.
TERMS: tuple[tuple[str, str], ...] = tuple(
    (name, term.id) for name in LIST_FIELDS for term in BY_FIELD[name]
)
TERM_NUMBER: dict[tuple[str, str], int] = {pair: number for number, pair in enumerate(TERMS)}
_IDS = tuple(term_id for _field, term_id in TERMS)
#: For each number: its field, and the number after that field's last id.
_FIELD_END = tuple(
    (name, end)
    for name, end in zip(
        LIST_FIELDS, accumulate(len(BY_FIELD[name].terms) for name in LIST_FIELDS), strict=True
    )
    for _term in BY_FIELD[name]
)


def field_numbers(field_name: str) -> frozenset[int]:
    """The numbers of one field's ids."""
    return frozenset(n for n, (name, _id) in enumerate(TERMS) if name == field_name)


def by_field(terms: set[int]) -> dict[str, tuple[str, ...]]:
    """Each field's ids among *terms*, in vocabulary order (a field without any: ``()``)."""
    ordered = sorted(terms)
    ids = tuple(map(_IDS.__getitem__, ordered))
    fields: dict[str, tuple[str, ...]] = dict.fromkeys(LIST_FIELDS, ())
    start = 0
    while start < len(ordered):  # once per field that has ids
        name, end = _FIELD_END[ordered[start]]
        stop = bisect_left(ordered, end, start)
        fields[name] = ids[start:stop]
        start = stop
    return fields


class CodeSet:
    """One code table (code -> :class:`Code`), read once for applying rows of codes."""

    __slots__ = ("_gets", "_rules", "_special", "_table", "_watched")

    def __init__(self, table: Mapping[str, Code]) -> None:
        codes = {raw: code for raw, code in table.items() if raw != "*"}
        self._table = codes
        self._special = frozenset(
            raw for raw, code in codes.items() if code.telehealth or code.serves_only or code.note
        )
        self._rules = [rule for rule in ONLY_RULES if rule.trusted(codes)]
        #: The codes a row's decisions look at (all but its terms): a few of its hundred.
        self._watched = self._special.union(
            UMBRELLAS, *UMBRELLAS.values(), *(r.have | r.lacks for r in self._rules)
        )
        terms = {raw: tuple(TERM_NUMBER[a] for a in code.adds) for raw, code in codes.items()}
        terms["*"] = ()
        #: A row's terms by code, for each choice of umbrellas covered (their terms left out).
        self._gets = {
            covered: {**terms, **dict.fromkeys((u for u in covered if u in terms), ())}.get
            for count in range(len(UMBRELLAS) + 1)
            for covered in combinations(UMBRELLAS, count)
        }

    def apply(self, facility: Facility, present: list[str]) -> list[str]:
        """Apply one row's codes to *facility*; the codes the table does not know, in order.

        Umbrella codes (``OP``, ``FX``) count only when none of their specific codes is
        present; a single gender accepted becomes a restriction (``ONLY_RULES``).
        Restrictions and notes keep the order of the codes; ``*`` (the workbooks'
        separator) is no code. No set of the row's codes is made: only the few it
        decides by are looked for.
        """
        watched = self._watched.intersection(present)
        covered = tuple(
            u
            for u, specific in UMBRELLAS.items()
            if u in watched and not specific.isdisjoint(watched)
        )
        found = list(map(self._gets[covered], present))  # None: a code the table does not know
        facility.terms.update(*filter(None, found))
        special = self._special.intersection(watched).difference(covered)  # as if absent
        for raw in sorted(special, key=present.index) if special else ():
            code = self._table[raw]
            facility.telehealth = facility.telehealth or code.telehealth
            if code.serves_only and code.serves_only not in facility.serves_only:
                facility.serves_only.append(code.serves_only)
            if code.note and code.note not in facility.notes:
                facility.notes.append(code.note)
        for rule in self._rules:
            if rule.holds(watched) and rule.words not in facility.serves_only:
                facility.serves_only.append(rule.words)
        if None not in found:
            return []
        return [raw for raw in present if raw != "*" and raw not in self._table]


def edition_codes(edition: str) -> CodeSet:
    """:data:`~.codes.CODES` as :func:`~.codes.for_edition` trims them for *edition*.

    Built once for the substance-use edition and once for every other (only ``SA``'s
    differs): a download's edition is a cell's text, and may be anything.
    """
    return _edition_codes("SA" if edition == "SA" else None)


@functools.cache
def _edition_codes(edition: str | None) -> CodeSet:
    return CodeSet(for_edition(dict(CODES), edition))
