"""The careful path: every field kind checked with a message for whatever is wrong.

Driven by the tables in :mod:`iopguide.directory.schema`; what a kind accepts
is what :mod:`iopguide.directory.fast` accepts (tests compare the two).
"""

from __future__ import annotations

import math

from iopguide import vocabulary as V
from iopguide.directory.geo import normalise_zip
from iopguide.directory.messages import article, at_least_one, describe, quote, valid_list
from iopguide.directory.reader import REFUSED, Mapping, Sequence
from iopguide.directory.report import Reporter
from iopguide.directory.schema import PAIRED, WEBSITE, Field, check_order
from iopguide.i18n import _
from iopguide.text import clean, shorten


class CarefulChecks(Reporter):
    def check_field(self, mapping: dict, f: Field, prefix: str, line: int | None) -> object:
        """The value of *f* in *mapping*, reporting any problem (then the value is None)."""
        return _KINDS[f.kind](self, mapping, f, prefix + f.name, line)

    def _text(self, mapping: dict, f: Field, field: str, line: int | None) -> str | None:
        return self.text(mapping, f.name, field, line, required=f.required)

    def _terms(self, mapping: dict, f: Field, field: str, line: int | None) -> tuple[str, ...]:
        return self.vocab_list(mapping, f.name, field, f.vocabulary, line, required=f.required)  # type: ignore[arg-type]

    def _texts(self, mapping: dict, f: Field, field: str, line: int | None) -> tuple[str, ...]:
        return self.text_list(mapping, f.name, field, line)

    def _flag(self, mapping: dict, f: Field, field: str, line: int | None) -> bool:
        return self.boolean(mapping, f.name, field, line)

    def _date(self, mapping: dict, f: Field, field: str, line: int | None) -> str | None:
        return self.date(mapping, f.name, field, line)

    def _state(self, mapping: dict, f: Field, field: str, line: int | None) -> str | None:
        if f.name not in mapping:
            return None
        found = self.vocab_list(mapping, f.name, field, V.STATES, line)
        if len(found) > 1:
            self.problem("A location has one state.", self.key_line(mapping, f.name, line), field)
        return found[0] if found else None

    def _number(self, mapping: dict, f: Field, field: str, line: int | None) -> float | None:
        if f.name not in mapping:
            return None
        number, nline = self.number(mapping, f.name, field, line)
        if number is None:
            return None
        low, high = f.bounds or (-math.inf, math.inf)
        fits = (low < number if f.above else low <= number) and number <= high
        if f.kind == "whole":
            fits = fits and number == int(number)
        if not fits:
            self.problem(f.outside.format(value=number), nline, field)
            return None
        return int(number) if f.kind == "whole" else number

    def _website(self, mapping: dict, f: Field, field: str, line: int | None) -> str | None:
        url = self.text(mapping, f.name, field, line)
        if url is None or WEBSITE.fullmatch(url):
            return url
        if "://" not in url and "." in url and " " not in url and ":" not in url:
            hint = _("Write the full address, starting with https:// (or http://), e.g. {url}")
            hint = hint.format(url="https://" + clean(shorten(url, 50)))
        else:
            hint = _("Write the full address, starting with https:// (or http://)")
        self.problem(
            _("{value} is not a web address starting with http:// or https://.").format(
                value=quote(url)
            ),
            self.key_line(mapping, f.name, line),
            field,
            hint + ".",
        )
        return None

    def _group(self, entry: dict, f: Field, field: str, pline: int | None) -> object:
        known = tuple(p.name for p in f.parts)
        found = self.sub_mapping(
            entry, f.name, known, _("a {field} field").format(field=f.name), pline
        )
        if found is None:
            return f.model()  # type: ignore[misc]
        mapping, line = found
        values = {
            p.name: self.check_field(mapping, p, field + ".", line) for p in check_order(f.parts)
        }
        first, second = PAIRED
        if first in known and _given(mapping, first) != _given(mapping, second):
            present, missing = (first, second) if _given(mapping, first) else (second, first)
            self.problem(
                _("The {field} has '{present}' but no '{missing}'; give both or neither.").format(
                    field=f.name, present=present, missing=missing
                ),
                self.key_line(mapping, present, line),
                f"{field}.{missing}",
            )
        return f.model(**values)  # type: ignore[misc]

    # -- the rules of each kind, with their messages --

    def text(
        self,
        mapping: dict,
        key: str,
        field: str,
        default_line: int | None,
        *,
        required: bool = False,
    ) -> str | None:
        if key not in mapping:
            if required:
                self.problem(
                    _("The required field '{key}' is missing.").format(key=key),
                    default_line,
                    field,
                )
            return None
        value, raw = self._get(mapping, key)
        if value is REFUSED:
            return None
        line = self.key_line(mapping, key, default_line)
        if value is None:
            if not required:
                return None
            if not raw:  # "name:" with nothing after it (a written ~ or null is explained below)
                self.problem(_("'{key}' is empty; it is required.").format(key=key), line, field)
                return None
        result = self.as_text(value, raw, field, line)
        if result is None:
            return None
        result = result.strip()
        if not result:
            if required:
                self.problem(_("'{key}' is empty; it is required.").format(key=key), line, field)
            return None
        return result

    def _items(
        self, mapping: dict, key: str, field: str, default_line: int | None
    ) -> list[tuple[object, str | None, int | None]] | None:
        """The items of a list field as (value, raw, line); a single value counts as one item."""
        value, raw = self._get(mapping, key)
        line = self.key_line(mapping, key, default_line)
        if value is REFUSED:
            return None
        if value is None:
            return []
        if isinstance(value, list):
            if type(value) is Sequence:
                lines = value.item_lines
                raws = value.raw
                return [(item, raws.get(i), lines[i]) for i, item in enumerate(value)]
            return [(item, None, line) for item in value]
        if isinstance(value, dict):
            self.problem(
                _("'{key}' must be a list (e.g. [a, b]) or a single value; found {found}.").format(
                    key=key, found=describe(value)
                ),
                line,
                field,
            )
            return None
        return [(value, raw, line)]

    def vocab_list(
        self,
        mapping: dict,
        key: str,
        field: str,
        vocab: V.Vocabulary,
        default_line: int | None,
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        if key not in mapping:
            if required:
                self.problem(
                    _("The required field '{key}' is missing.").format(key=key),
                    default_line,
                    field,
                    _("List {at_least_one}: {values}.").format(
                        at_least_one=at_least_one(vocab.name), values=valid_list(vocab)
                    ),
                )
            return ()
        items = self._items(mapping, key, field, default_line)
        if items is None:
            return ()
        memo = self._memo.get(id(vocab))
        if memo is None:
            memo = self._memo[id(vocab)] = {}
        found: list[str] = []
        for value, raw, line in items:
            if value is REFUSED:
                continue
            if type(value) is str:
                term = memo.get(value, False)
                if term is False:
                    term = memo[value] = vocab.resolve(value)
                if term is not None:
                    found.append(term)
                    continue
                self.unknown_term(value, vocab, line, field)
                continue
            text = self.as_text(value, raw, field, line, article(vocab.name))
            if text is not None:
                term = vocab.resolve(text)
                if term is not None:
                    found.append(term)
                else:
                    self.unknown_term(text, vocab, line, field)
        if not found:
            if required and not items:
                self.problem(
                    _("'{key}' is empty; list {at_least_one}.").format(
                        key=key, at_least_one=at_least_one(vocab.name)
                    ),
                    self.key_line(mapping, key, default_line),
                    field,
                    _("Valid: {values}.").format(values=valid_list(vocab)),
                )
            return ()
        order = self._order.get(id(vocab))
        if order is None:
            order = self._order[id(vocab)] = {term_id: i for i, term_id in enumerate(vocab.ids)}
        if len(found) == 1:
            return (found[0],)
        return tuple(sorted(set(found), key=order.__getitem__))

    def text_list(
        self, mapping: dict, key: str, field: str, default_line: int | None
    ) -> tuple[str, ...]:
        if key not in mapping:
            return ()
        items = self._items(mapping, key, field, default_line)
        if not items:
            return ()
        result: list[str] = []
        for value, raw, line in items:
            if value is REFUSED:
                continue
            text = self.as_text(value, raw, field, line)
            if text is not None and text.strip():
                result.append(text.strip())
        return tuple(result)

    def boolean(self, mapping: dict, key: str, field: str, default_line: int | None) -> bool:
        if key not in mapping:
            return False
        value, _raw = self._get(mapping, key)
        if value is True or value is False:
            return value
        if value is None or value is REFUSED:
            return False
        if type(value) is str and value.strip().lower() in ("true", "yes", "false", "no"):
            return value.strip().lower() in ("true", "yes")
        self.problem(
            _("'{key}' must be true or false; found {found}.").format(
                key=key, found=describe(value)
            ),
            self.key_line(mapping, key, default_line),
            field,
        )
        return False

    def number(
        self, mapping: dict, key: str, field: str, default_line: int | None
    ) -> tuple[float | None, int | None]:
        """(number, line) for a numeric field; (None, line) after a problem or when absent."""
        line = self.key_line(mapping, key, default_line)
        value, raw = self._get(mapping, key)
        if value is None or value is REFUSED:
            return None, line
        number: float | None = None
        try:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number = float(value)
            elif type(value) is str:
                number = float(value.strip())
        except (ValueError, OverflowError):
            number = None
        if number is None or not math.isfinite(number):
            found = describe(value) if raw is None else quote(raw)
            self.problem(
                _("'{key}' must be a number; found {found}.").format(key=key, found=found),
                line,
                field,
            )
            return None, line
        return number, line

    def sub_mapping(
        self, entry: dict, key: str, known: tuple[str, ...], what: str, pline: int | None
    ) -> tuple[dict, int | None] | None:
        if key not in entry:
            return None
        value = entry[key]
        if value is None or value is REFUSED:
            return None
        line = self.key_line(entry, key, pline)
        if not isinstance(value, dict):
            self.problem(
                _("'{key}' must be a mapping of {fields}; found {found}.").format(
                    key=key, fields=", ".join(known), found=describe(value)
                ),
                line,
                key,
            )
            return None
        mline = value.line if type(value) is Mapping else line
        self.unknown_keys(value, known, what, mline, key + ".")
        return value, mline

    # -- nested parts of a program --

    def _zip(self, loc: dict, f: Field, field: str, line: int | None) -> str | None:
        if f.name not in loc:
            return None
        value, raw = self._get(loc, f.name)
        if value is None or value is REFUSED:
            return None
        zline = self.key_line(loc, f.name, line)
        text = self.as_text(value, raw, field, zline, _("a ZIP code as text"))
        if text is None:
            return None
        zip5 = normalise_zip(text)
        if zip5 is None:
            hint = _('Write 5 digits in quotes, e.g. zip: "40202" (or ZIP+4: "40202-1234").')
            if raw is not None and text.isdigit() and len(text) < 5:
                hint = _(
                    "A ZIP code has 5 digits; if it starts with 0, write it in quotes, e.g. "
                    'zip: "{zip}".'
                ).format(zip=text.zfill(5))
            self.problem(
                _("{value} is not a ZIP code.").format(value=quote(text)), zline, field, hint
            )
        return zip5


def _given(mapping: dict, key: str) -> bool:
    return mapping.get(key) is not None


_KINDS = {
    "text": CarefulChecks._text,
    "terms": CarefulChecks._terms,
    "states": CarefulChecks._terms,
    "texts": CarefulChecks._texts,
    "flag": CarefulChecks._flag,
    "date": CarefulChecks._date,
    "state": CarefulChecks._state,
    "zip": CarefulChecks._zip,
    "number": CarefulChecks._number,
    "whole": CarefulChecks._number,
    "website": CarefulChecks._website,
    "group": CarefulChecks._group,
}
