"""Checking the values of a notes file, each problem with its line, field and what is valid.

The reading half is :mod:`.notes`; this walks what :mod:`.reader` made of the
file, as :mod:`.validate` does for a directory file.
"""

from __future__ import annotations

import contextlib
import datetime
from typing import Any

from iopguide.directory.notes import MAX_TEXT, NOTE_KEYS, Note, did_you_mean
from iopguide.errors import Problem
from iopguide.i18n import _
from iopguide.text import clean, shorten
from iopguide.vocabulary import SCHEDULE_TIMES

_YES = {"yes": True, "y": True, "true": True, "sí": True, "si": True}
_NO = {"no": False, "n": False, "false": False}


class Checker:
    """Walks the values a notes file holds, collecting every problem with its line."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}  # where each note starts

    def say(self, message: str, line: int | None, pid: str | None = None, **kw: Any) -> None:
        self.problems.append(Problem(self.filename, message, line, pid, **kw))

    def file(self, root: object, line: int | None) -> dict[str, Note]:
        from iopguide.directory.reader import REFUSED

        if root is None:  # an empty file: no notes yet
            return {}
        if not isinstance(root, dict):
            self.say(
                _("A notes file is a mapping with one key, 'notes'."),
                line or 1,
                hint=_("Start the file with 'notes:' and put one entry per program id under it."),
            )
            return {}
        lines = getattr(root, "key_lines", {})
        for key in root:
            if key != "notes":
                self.say(
                    _("{key!r} is not a key iopguide knows in a notes file.").format(
                        key=clean(shorten(str(key)))
                    )
                    + did_you_mean(str(key), ["notes"]),
                    lines.get(key, line),
                    hint=_("The file has one key, 'notes'."),
                )
        entries = root.get("notes")
        if entries is None or entries is REFUSED:
            return {}
        if not isinstance(entries, dict):
            self.say(
                _("'notes' must hold one entry per program id."),
                lines.get("notes", line),
                field="notes",
                hint=_("For example:  notes:  then  lamplight-sample-iop:  indented under it."),
            )
            return {}
        id_lines = getattr(entries, "key_lines", {})
        found: dict[str, Note] = {}
        for key, value in entries.items():
            line_of = id_lines.get(key, lines.get("notes"))
            note = self.entry(key, value, line_of)
            if note is not None:
                found[note.id] = note
                if line_of is not None:
                    self.lines[note.id] = line_of
        return found

    def entry(self, key: object, value: object, line: int | None) -> Note | None:
        from iopguide.directory.reader import REFUSED

        pid = clean(key).strip() if isinstance(key, str) else ""
        if not isinstance(key, str) or not pid or len(pid) > MAX_TEXT["id"]:
            if not type(key).__name__.startswith("_"):  # a bad key the reader reported
                self.say(
                    _("{key!r} is not a program id.").format(key=clean(shorten(str(key)))),
                    line,
                    hint=_("Use the id 'iopguide find' shows, for example lamplight-sample-iop."),
                )
            return None
        if value is REFUSED:
            return None
        if not isinstance(value, dict):
            self.say(
                _(
                    "The note for {id} must be a mapping of fields, starting with learned_on."
                ).format(id=pid),
                line,
                pid,
                hint=_("Valid fields: {fields}.").format(fields=", ".join(NOTE_KEYS)),
            )
            return None
        lines = getattr(value, "key_lines", {})
        raw = getattr(value, "raw", {})
        for name in value:
            if name not in NOTE_KEYS:
                self.say(
                    _("{key!r} is not a field of a note.").format(key=clean(shorten(str(name))))
                    + did_you_mean(str(name), NOTE_KEYS),
                    lines.get(name, line),
                    pid,
                    hint=_("Valid fields: {fields}.").format(fields=", ".join(NOTE_KEYS)),
                )
        count = len(self.problems)
        fields = _Fields(self, pid, value, lines, raw, line)
        learned = fields.date("learned_on")
        note = Note(
            id=pid,
            learned_on=learned or datetime.date.min,
            runs_iop=fields.yes_no("runs_iop"),
            schedule=fields.schedule(),
            phone=fields.text("phone"),
            wait=fields.text("wait"),
            plans=fields.texts("plans", MAX_TEXT["plan"]),
            closed=bool(fields.yes_no("closed")),
            note=fields.text("note", single_line=False),
        )
        return note if len(self.problems) == count and learned is not None else None


class _Fields:
    """The fields of one note, each checked against what it may hold."""

    def __init__(
        self,
        checker: Checker,
        pid: str,
        values: dict[str, object],
        lines: dict[object, int],
        raw: dict[object, str],
        line: int | None,
    ) -> None:
        from iopguide.directory.reader import REFUSED

        # A value the reader refused (a tag, an alias) is reported already: treat it as absent.
        values = {k: v for k, v in values.items() if v is not REFUSED}
        self.checker, self.pid, self.values = checker, pid, values
        self.lines, self.raw, self.line = lines, raw, line

    def _bad(self, name: str, message: str, hint: str) -> None:
        self.checker.say(message, self.lines.get(name, self.line), self.pid, field=name, hint=hint)

    def _shown(self, name: str) -> str:
        value = self.raw.get(name, self.values.get(name))
        return clean(shorten(str(value), 40))

    def date(self, name: str) -> datetime.date | None:
        value = self.values.get(name)
        if value is None:
            self.checker.say(
                _("The note for {id} has no learned_on: the date you learned it.").format(
                    id=self.pid
                ),
                self.line,
                self.pid,
                field=name,
                hint=_("Add a line such as  learned_on: 2026-11-20"),
            )
            return None
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = datetime.date.fromisoformat(value.strip())
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            self._bad(
                name,
                _("{value!r} is not a real date.").format(value=self._shown(name)),
                _("Write the date as YYYY-MM-DD, for example 2026-11-20."),
            )
            return None
        if value > datetime.date.today() + datetime.timedelta(days=1):
            self._bad(
                name,
                _("{value} is in the future.").format(value=value.isoformat()),
                _("Give the day you learned it, today or earlier."),
            )
            return None
        return value

    def yes_no(self, name: str) -> bool | None:
        value = self.values.get(name)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            word = value.strip().lower()
            if word in _YES or word in _NO:
                return _YES.get(word, False)
        self._bad(
            name,
            _("{value!r} is not yes or no.").format(value=self._shown(name)),
            _("Write yes or no (or leave the line out)."),
        )
        return None

    def text(self, name: str, *, single_line: bool = True) -> str | None:
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._bad(name, _("This must be text."), _("Write it on the same line, as text."))
            return None
        text = clean(self.raw.get(name, str(value)), single_line=single_line).strip()
        if len(text) > MAX_TEXT[name]:
            self._bad(
                name,
                _("This is {length} characters long, more than {limit}.").format(
                    length=len(text), limit=MAX_TEXT[name]
                ),
                _("Shorten it; a note is a reminder, not a record."),
            )
            return None
        return text or None

    def _items(self, name: str) -> list[tuple[object, int | None]]:
        value = self.values.get(name)
        if value is None:
            return []
        line = self.lines.get(name, self.line)
        if isinstance(value, list):
            item_lines = getattr(value, "item_lines", [])
            return [
                (item, item_lines[i] if i < len(item_lines) else line)
                for i, item in enumerate(value)
            ]
        return [(value, line)]

    def texts(self, name: str, limit: int) -> tuple[str, ...]:
        found: list[str] = []
        for item, line in self._items(name):
            text = clean(item).strip() if isinstance(item, (str, int)) else ""
            if not text or isinstance(item, bool) or len(text) > limit:
                self.checker.say(
                    _("Each entry must be a name, up to {limit} characters.").format(limit=limit),
                    line,
                    self.pid,
                    field=name,
                    hint=_("For example:  plans: [Anthem Blue Cross, Medicaid]"),
                )
            elif text not in found:
                found.append(text)
        return tuple(found)

    def schedule(self) -> tuple[str, ...]:
        found: list[str] = []
        for item, line in self._items("schedule"):
            term = SCHEDULE_TIMES.resolve(item) if isinstance(item, str) else None
            if term is None:
                shown = clean(shorten(str(item), 40))
                close = SCHEDULE_TIMES.suggest(item) if isinstance(item, str) else []
                message = _("{value!r} is not a schedule iopguide knows.").format(value=shown)
                if close:
                    message += _(" Did you mean {choice!r}?").format(choice=close[0])
                self.checker.say(
                    message,
                    line,
                    self.pid,
                    field="schedule",
                    hint=_("Valid values: {values}.").format(values=", ".join(SCHEDULE_TIMES.ids)),
                )
            elif term not in found:
                found.append(term)
        return SCHEDULE_TIMES.sort(found)
