"""The validator's bookkeeping: where a value is, and reporting a problem with it.

Also the value checks whose messages are shared (text, vocabulary terms, dates).
"""

from __future__ import annotations

import datetime as _dt
import difflib

from iopguide import vocabulary as V
from iopguide.directory.messages import article, describe, quote, valid_list, yaml_reading
from iopguide.directory.reader import REFUSED, BadKey, Mapping
from iopguide.directory.schema import ISO_DATE
from iopguide.errors import Problem
from iopguide.i18n import _
from iopguide.text import clean, shorten


class Reporter:
    """Collects problems for one file; per-program state kept on self."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.program_count = 0
        self.program_id: str | None = None
        self.program_line: int | None = None
        # Caches that keep validation cheap per program: the text of a vocabulary value
        # -> its id (or None), per vocabulary; and each vocabulary's order.
        self._memo: dict[int, dict[str, str | None]] = {}
        self._order: dict[int, dict[str, int]] = {}
        self._shared: dict[object, object] = {}  # the fast path's texts, by value

    # -- reporting --

    def problem(
        self, message: str, line: int | None, field: str | None = None, hint: str | None = None
    ) -> None:
        self.problems.append(
            Problem(
                file=self.filename,
                message=message,
                line=line,
                program_id=self.program_id,
                field=field,
                hint=hint,
            )
        )

    def key_line(self, mapping: object, key: str, default: int | None = None) -> int | None:
        if type(mapping) is Mapping:
            return mapping.key_lines.get(key, default)
        return default

    def unknown_keys(
        self,
        mapping: dict,
        known: tuple[str, ...],
        what: str,
        default_line: int | None,
        prefix: str = "",
    ) -> None:
        for key, value in mapping.items():
            if key in known or value is REFUSED or type(key) is BadKey:
                continue
            line = self.key_line(mapping, key, default_line)
            text = str(key)
            if text == "<<":
                self.problem(
                    _("Merge keys ('<<') are not allowed in a directory file."),
                    line,
                    prefix + text,
                    _("Write every field out in full."),
                )
                continue
            close = difflib.get_close_matches(text.lower(), known, n=1, cutoff=0.6)
            if close:
                template = _("{value} is not {what}. Did you mean '{suggestion}'?")
            else:
                template = _("{value} is not {what}.")
            message = template.format(
                value=quote(text), what=what, suggestion=close[0] if close else ""
            )
            hint = _("Valid: {values}.").format(values=", ".join(known))
            self.problem(message, line, prefix + clean(shorten(text, 60)), hint)

    def _get(self, mapping: dict, key: str) -> tuple[object, str | None]:
        value = mapping[key]
        raw = mapping.raw.get(key) if type(mapping) is Mapping else None
        return value, raw

    def as_text(
        self, value: object, raw: str | None, field: str, line: int | None, what: str = ""
    ) -> str | None:
        """*value* as text, or None after reporting why it is not text."""
        if type(value) is str:
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if raw is None and type(value) is int:  # JSON number where text is expected
                return str(value)
            if raw is not None and str(value) == raw:  # 40202 reads back as 40202
                return raw
        if type(value) is _dt.date and raw is not None and value.isoformat() == raw:
            return raw
        if raw is not None:
            reading, hint = yaml_reading(value, raw)
            message = _("Expected {what}, but {reading}.").format(
                what=what or _("text"), reading=reading
            )
            self.problem(message, line, field, hint)
        else:
            message = _("Expected {what}; found {found}.").format(
                what=what or _("text"), found=describe(value)
            )
            self.problem(message, line, field)
        return None

    def unknown_term(self, text: str, vocab: V.Vocabulary, line: int | None, field: str) -> None:
        if not text.strip():
            self.problem(
                _("An empty value is not {a_kind}.").format(a_kind=article(vocab.name)),
                line,
                field,
                _("Valid: {values}.").format(values=valid_list(vocab)),
            )
            return
        close = vocab.suggest(text, n=1)
        if close:
            template = _("{value} is not {a_kind}. Did you mean '{suggestion}'? Valid: {values}.")
        else:
            template = _("{value} is not {a_kind}. Valid: {values}.")
        message = template.format(
            value=quote(text),
            a_kind=article(vocab.name),
            suggestion=close[0] if close else "",
            values=valid_list(vocab),
        )
        self.problem(message, line, field)

    def date(self, mapping: dict, key: str, field: str, default_line: int | None) -> str | None:
        if key not in mapping:
            return None
        value, _raw = self._get(mapping, key)
        if value is None or value is REFUSED:
            return None
        line = self.key_line(mapping, key, default_line)
        hint = _("Write the date as YYYY-MM-DD, e.g. 2026-11-01.")
        if type(value) is _dt.date:
            return value.isoformat()
        if type(value) is str:
            text = value.strip()
            if ISO_DATE.fullmatch(text):
                try:
                    return _dt.date.fromisoformat(text).isoformat()
                except ValueError:
                    self.problem(
                        _("{value} is not a real date.").format(value=quote(text)),
                        line,
                        field,
                        hint,
                    )
                    return None
        if isinstance(value, _dt.datetime):
            self.problem(
                _("'{key}' must be a date without a time; found {found}.").format(
                    key=key, found=value.isoformat()
                ),
                line,
                field,
                hint,
            )
            return None
        self.problem(
            _("'{key}' must be a date (YYYY-MM-DD); found {found}.").format(
                key=key, found=describe(value)
            ),
            line,
            field,
            hint,
        )
        return None
