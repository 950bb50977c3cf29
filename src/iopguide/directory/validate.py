"""Check the plain values of a directory file and build a :class:`Directory`.

Every problem is collected -- file, line, program id, field, what was found and
what would be valid -- and reported at once, so a person fixes a file in one
pass. Nothing is dropped silently: an unknown key is a problem with a
did-you-mean, never ignored.

The values come from :mod:`iopguide.directory.reader`: its ``Mapping`` and
``Sequence`` carry line numbers and the raw text of plain scalars that YAML
read as something other than text. Plain ``dict`` / ``list`` values (from the
JSON fast path) validate the same way, only without line numbers.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from collections.abc import Sequence as _SequenceABC
from dataclasses import dataclass, field

from iopguide import vocabulary as V
from iopguide.directory.model import Contact, Directory, DirectoryInfo, Location, Program, Schedule
from iopguide.directory.reader import REFUSED, Mapping, Sequence, _BadKey
from iopguide.errors import DataError, Problem
from iopguide.text import clean, shorten

TOP_FIELDS = ("directory", "programs")
HEADER_FIELDS = ("name", "source", "sample", "updated")
PROGRAM_FIELDS = (
    "id",
    "name",
    "organization",
    "levels",
    "conditions",
    "payment",
    "insurance_plans",
    "ages",
    "languages",
    "special_groups",
    "serves_only",
    "location",
    "telehealth",
    "telehealth_states",
    "schedule",
    "services",
    "approaches",
    "accreditation",
    "facility_types",
    "contact",
    "notes",
    "last_verified",
    "source",
)
LOCATION_FIELDS = ("street", "city", "state", "zip", "lat", "lon")
SCHEDULE_FIELDS = ("days_per_week", "hours_per_day", "times")
CONTACT_FIELDS = ("phone", "intake_phone", "website")
PROGRAM_FIELD_SET = frozenset(PROGRAM_FIELDS)
LOCATION_FIELD_SET = frozenset(LOCATION_FIELDS)
SCHEDULE_FIELD_SET = frozenset(SCHEDULE_FIELDS)
CONTACT_FIELD_SET = frozenset(CONTACT_FIELDS)

#: Program fields whose values come from a vocabulary (field -> vocabulary).
PROGRAM_VOCAB_FIELDS: dict[str, V.Vocabulary] = {
    "levels": V.LEVELS,
    "conditions": V.CONDITIONS,
    "payment": V.PAYMENT,
    "ages": V.AGE_GROUPS,
    "languages": V.LANGUAGES,
    "special_groups": V.SPECIAL_GROUPS,
    "services": V.SERVICES,
    "approaches": V.APPROACHES,
    "accreditation": V.ACCREDITATION,
    "facility_types": V.FACILITY_TYPES,
}
REQUIRED_LISTS = frozenset({"levels", "conditions"})
TEXT_LIST_FIELDS = frozenset({"insurance_plans", "serves_only"})
TEXT_FIELDS = frozenset({"organization", "notes", "source"})

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ZIP = re.compile(r"([0-9]{5})(?:-[0-9]{4})?")
#: http(s), a host with at least one letter or digit, then anything without spaces.
WEBSITE = re.compile(r"https?://[^\s/?#]*[A-Za-z0-9][^\s/?#]*(?:[/?#]\S*)?", re.IGNORECASE)
MAX_ID_LENGTH = 120
#: Longer vocabularies are described instead of listed in full in a message.
MAX_LISTED = 30


@dataclass(slots=True)
class Validation:
    """The outcome of checking a file: a directory when valid, and every problem found."""

    directory: Directory | None
    problems: list[Problem] = field(default_factory=list)
    program_count: int = 0

    @property
    def valid(self) -> bool:
        return not self.problems


def validate_values(
    root: object,
    filename: str,
    *,
    root_line: int | None = None,
    path: str | None = None,
    builtin: bool = False,
    problems: _SequenceABC[Problem] = (),
) -> Validation:
    """Check *root* (what the reader produced) and build the directory if it is valid.

    *problems* are the reader's own (duplicate keys, aliases ...); they are
    reported with the validator's, sorted by line.
    """
    checker = _Checker(filename)
    checker.problems.extend(problems)
    directory = checker.check_root(root, root_line, path=path, builtin=builtin)
    found = checker.problems
    if found:
        found.sort(key=lambda p: (p.line is None, p.line or 0))
        directory = None
    return Validation(directory=directory, problems=found, program_count=checker.program_count)


def validate(root: object, filename: str, **kwargs: object) -> Directory:
    """Like :func:`validate_values`, but raise DataError listing every problem."""
    result = validate_values(root, filename, **kwargs)  # type: ignore[arg-type]
    if result.directory is None:
        raise DataError(result.problems)
    return result.directory


# --- describing values in messages ---------------------------------------------------


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


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _valid_list(vocab: V.Vocabulary) -> str:
    if vocab is V.STATES:
        return "a two-letter state code (KY) or a state name (Kentucky)"
    ids = vocab.ids
    if len(ids) > MAX_LISTED:
        return ", ".join(ids[:MAX_LISTED]) + ", ..."
    return ", ".join(ids)


# --- the checker -------------------------------------------------------------------------


class _Checker:
    """Walks the values once, collecting problems; per-program state kept on self."""

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

    # -- top level --

    def check_root(
        self, root: object, root_line: int | None, *, path: str | None, builtin: bool
    ) -> Directory | None:
        hint = (
            "A directory file is a mapping with a 'directory:' header and a 'programs:' list; "
            "see docs/directory-format.md."
        )
        if root is REFUSED:
            return None
        if not isinstance(root, dict):
            if isinstance(root, list):
                message = "The file starts with a list, not with a 'directory:' header."
                if root and all(isinstance(item, dict) for item in root):
                    hint = (
                        "Put the list under 'programs:' and add a 'directory:' header above it; "
                        "see docs/directory-format.md."
                    )
            else:
                message = f"The file holds a single value ({describe(root)}), not a directory."
            self.problem(message, root_line or 1, hint=hint)
            return None
        self.unknown_keys(root, TOP_FIELDS, "a top-level section", 1)

        header = root.get("directory")
        info: DirectoryInfo | None = None
        if "directory" not in root:
            self.problem(
                "The file has no 'directory:' header (name, source, sample, updated).",
                root_line or 1,
                "directory",
                hint,
            )
        elif header is not REFUSED:
            info = self.check_header(
                header, self.key_line(root, "directory", root_line), path, builtin
            )

        programs: tuple[Program, ...] = ()
        if "programs" not in root:
            self.problem("The file has no 'programs:' list.", root_line or 1, "programs", hint)
        else:
            programs = self.check_programs(
                root["programs"], self.key_line(root, "programs", root_line)
            )
        if self.problems or info is None:
            return None
        return Directory(info=info, programs=programs)

    def unknown_keys(
        self,
        mapping: dict,
        known: tuple[str, ...],
        what: str,
        default_line: int | None,
        prefix: str = "",
    ) -> None:
        for key, value in mapping.items():
            if key in known or value is REFUSED or type(key) is _BadKey:
                continue
            line = self.key_line(mapping, key, default_line)
            text = str(key)
            if text == "<<":
                self.problem(
                    "Merge keys ('<<') are not allowed in a directory file.",
                    line,
                    prefix + text,
                    "Write every field out in full.",
                )
                continue
            close = difflib.get_close_matches(text.lower(), known, n=1, cutoff=0.6)
            message = f"{quote(text)} is not {what}."
            if close:
                message += f" Did you mean '{close[0]}'?"
            self.problem(
                message, line, prefix + clean(shorten(text, 60)), "Valid: " + ", ".join(known) + "."
            )

    def check_header(
        self, header: object, line: int | None, path: str | None, builtin: bool
    ) -> DirectoryInfo | None:
        if not isinstance(header, dict):
            self.problem(
                f"'directory' must be a mapping with name, source, sample and updated; found "
                f"{describe(header)}.",
                line,
                "directory",
            )
            return None
        start = len(self.problems)
        hline = header.line if type(header) is Mapping else line
        self.unknown_keys(
            header, HEADER_FIELDS, "a field of the directory header", hline, "directory."
        )
        name = self.text(header, "name", "directory.name", hline, required=True)
        source = self.text(header, "source", "directory.source", hline)
        sample = self.boolean(header, "sample", "directory.sample", hline)
        updated = self.date(header, "updated", "directory.updated", hline)
        if len(self.problems) > start or name is None:
            return None
        return DirectoryInfo(
            name=name, source=source, sample=sample, updated=updated, path=path, builtin=builtin
        )

    def check_programs(self, programs: object, line: int | None) -> tuple[Program, ...]:
        if programs is REFUSED:
            return ()
        if programs is None:
            programs = []
        if not isinstance(programs, list):
            self.problem(
                f"'programs' must be a list of programs (each starting with '- id: ...'); found "
                f"{describe(programs)}.",
                line,
                "programs",
            )
            return ()
        self.program_count = len(programs)
        item_lines = programs.item_lines if type(programs) is Sequence else None
        seen: dict[str, tuple[int | None, int]] = {}
        built: list[Program] = []
        fast = self.fast_program
        for index, entry in enumerate(programs):
            entry_line = item_lines[index] if item_lines is not None else line
            self.program_id = None
            if entry is REFUSED:
                continue
            if not isinstance(entry, dict):
                self.program_line = entry_line
                self.problem(
                    f"Program #{index + 1} in 'programs' is {describe(entry)}, not a program "
                    f"(a mapping starting with 'id:').",
                    entry_line,
                )
                continue
            program = fast(entry, entry_line)
            if program is not None:
                pid = program.id
                if pid not in seen:
                    if type(entry) is Mapping:
                        seen[pid] = (entry.key_lines.get("id", program.line), index)
                    else:
                        seen[pid] = (program.line, index)
                    built.append(program)
                    continue
            # Something is unusual (or a duplicate id): the careful path says what.
            program = self.check_program(entry, index, entry_line, seen)
            if program is not None:
                built.append(program)
        self.program_id = None
        return tuple(built)

    # -- the fast path --

    def _terms(self, value: object, vocab: V.Vocabulary) -> tuple[str, ...] | None:
        """Vocabulary ids for a clean list (or single text) value; None when anything is odd."""
        memo = self._memo.get(id(vocab))
        if memo is None:
            memo = self._memo[id(vocab)] = {}
        if type(value) is str:
            term = memo.get(value)
            if term is None:
                term = vocab.resolve(value)
                if term is None:
                    return None
                memo[value] = term
            return (term,)
        if not isinstance(value, list):
            return None
        found = []
        for item in value:
            if type(item) is not str:
                return None
            term = memo.get(item)
            if term is None:
                term = vocab.resolve(item)
                if term is None:
                    return None
                memo[item] = term
            found.append(term)
        if len(found) < 2:
            return tuple(found)
        order = self._order.get(id(vocab))
        if order is None:
            order = self._order[id(vocab)] = {term_id: i for i, term_id in enumerate(vocab.ids)}
        return tuple(sorted(set(found), key=order.__getitem__))

    def fast_program(self, entry: dict, entry_line: int | None) -> Program | None:
        """The program when every field is plainly right; None sends it to the careful path.

        Most programs in a big directory are clean. This path checks the same rules
        as :meth:`check_program` but only ever accepts, never reports: on anything
        unusual it gives up, and the careful path finds and explains the problem. It
        must accept nothing that the careful path would refuse, and build the same
        Program (tests compare the two).
        """
        if not entry.keys() <= PROGRAM_FIELD_SET:
            return None
        get = entry.get
        program_id = get("id")
        if type(program_id) is not str or len(program_id) > MAX_ID_LENGTH:
            return None
        if not SLUG.fullmatch(program_id):
            return None
        name = get("name")
        if type(name) is not str:
            return None
        name = name.strip()
        if not name:
            return None
        values: dict[str, object] = {}
        for key in TEXT_FIELDS:
            value = get(key)
            if value is not None:
                if type(value) is not str:
                    return None
                value = value.strip() or None
            values[key] = value
        terms = self._terms
        for key, vocab in PROGRAM_VOCAB_FIELDS.items():
            value = get(key)
            if value is None:
                if key in REQUIRED_LISTS:
                    return None
                values[key] = ()
                continue
            found = terms(value, vocab)
            if found is None or (not found and key in REQUIRED_LISTS):
                return None
            values[key] = found
        for key in TEXT_LIST_FIELDS:
            value = get(key)
            if value is None:
                values[key] = ()
                continue
            if type(value) is str:
                value = [value]
            elif not isinstance(value, list):
                return None
            texts = []
            for item in value:
                if type(item) is not str:
                    return None
                item = item.strip()
                if item:
                    texts.append(item)
            values[key] = tuple(texts)
        telehealth = get("telehealth")
        if telehealth is None:
            telehealth = False
        elif telehealth is not True and telehealth is not False:
            return None
        values["telehealth"] = telehealth
        states = get("telehealth_states")
        if states is None:
            values["telehealth_states"] = ()
        else:
            found = terms(states, V.STATES)
            if found is None:
                return None
            values["telehealth_states"] = found
        verified = get("last_verified")
        if verified is not None:
            if type(verified) is _dt.date:
                verified = verified.isoformat()
            elif type(verified) is str and ISO_DATE.fullmatch(verified.strip()):
                try:
                    verified = _dt.date.fromisoformat(verified.strip()).isoformat()
                except ValueError:
                    return None
            else:
                return None
        values["last_verified"] = verified

        location = get("location")
        if location is None:
            location = Location()
        else:
            location = self._fast_location(location)
            if location is None:
                return None
        schedule = get("schedule")
        if schedule is None:
            schedule = Schedule()
        else:
            schedule = self._fast_schedule(schedule)
            if schedule is None:
                return None
        contact = get("contact")
        if contact is None:
            contact = Contact()
        else:
            contact = _fast_contact(contact)
            if contact is None:
                return None
        return Program(
            id=program_id,
            name=name,
            location=location,
            schedule=schedule,
            contact=contact,
            line=entry.line if type(entry) is Mapping else entry_line,
            **values,  # type: ignore[arg-type]
        )

    def _fast_location(self, loc: object) -> Location | None:
        if not isinstance(loc, dict) or not loc.keys() <= LOCATION_FIELD_SET:
            return None
        get = loc.get
        street = get("street")
        city = get("city")
        if street is not None:
            if type(street) is not str:
                return None
            street = street.strip() or None
        if city is not None:
            if type(city) is not str:
                return None
            city = city.strip() or None
        state = get("state")
        if state is not None:
            found = self._terms(state, V.STATES)
            if not found or len(found) > 1:
                return None
            state = found[0]
        zip_code = get("zip")
        if zip_code is not None:
            if type(zip_code) is not str:
                return None
            match = ZIP.fullmatch(zip_code.strip())
            if match is None:
                return None
            zip_code = match.group(1)
        lat = get("lat")
        lon = get("lon")
        if lat is not None or lon is not None:
            if type(lat) not in _NUMBER_TYPES or type(lon) not in _NUMBER_TYPES:
                return None
            try:
                lat = float(lat)
                lon = float(lon)
            except OverflowError:  # an integer too big for a float
                return None
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):  # also refuses NaN
                return None
        return Location(street=street, city=city, state=state, zip=zip_code, lat=lat, lon=lon)

    def _fast_schedule(self, sched: object) -> Schedule | None:
        if not isinstance(sched, dict) or not sched.keys() <= SCHEDULE_FIELD_SET:
            return None
        get = sched.get
        days = get("days_per_week")
        if days is not None and (type(days) is not int or not 1 <= days <= 7):
            return None
        hours = get("hours_per_day")
        if hours is not None:
            if type(hours) not in _NUMBER_TYPES:
                return None
            try:
                hours = float(hours)
            except OverflowError:
                return None
            if not 0.0 < hours <= 24.0:  # also refuses NaN
                return None
        times = get("times")
        if times is None:
            times = ()
        else:
            times = self._terms(times, V.SCHEDULE_TIMES)
            if times is None:
                return None
        return Schedule(days_per_week=days, hours_per_day=hours, times=times)

    # -- one program --

    def check_program(
        self,
        entry: dict,
        index: int,
        entry_line: int | None,
        seen: dict[str, tuple[int | None, int]],
    ) -> Program | None:
        start = len(self.problems)
        pline = entry.line if type(entry) is Mapping else entry_line
        self.program_line = pline

        program_id = self.program_id_of(entry, pline)
        if program_id is not None:
            self.program_id = program_id
            id_line = self.key_line(entry, "id", pline)
            first = seen.get(program_id)
            if first is not None:
                first_line, first_index = first
                where = (
                    f"line {first_line}"
                    if first_line is not None
                    else f"program #{first_index + 1}"
                )
                self.problem(
                    f"The id {quote(program_id)} is used twice: first at {where}.",
                    id_line,
                    "id",
                    "Every program needs its own id; rename one of them.",
                )
            else:
                seen[program_id] = (id_line, index)

        self.unknown_keys(entry, PROGRAM_FIELDS, "a field of a program", pline)
        name = self.text(entry, "name", "name", pline, required=True)
        values: dict[str, object] = {}
        for key in TEXT_FIELDS:
            values[key] = self.text(entry, key, key, pline)
        for key, vocab in PROGRAM_VOCAB_FIELDS.items():
            values[key] = self.vocab_list(
                entry, key, key, vocab, pline, required=key in REQUIRED_LISTS
            )
        for key in TEXT_LIST_FIELDS:
            values[key] = self.text_list(entry, key, key, pline)
        values["telehealth"] = self.boolean(entry, "telehealth", "telehealth", pline)
        values["telehealth_states"] = self.vocab_list(
            entry, "telehealth_states", "telehealth_states", V.STATES, pline
        )
        values["last_verified"] = self.date(entry, "last_verified", "last_verified", pline)
        location = self.location(entry, pline)
        schedule = self.schedule(entry, pline)
        contact = self.contact(entry, pline)

        if len(self.problems) > start or program_id is None or name is None:
            return None
        return Program(
            id=program_id,
            name=name,
            location=location or Location(),
            schedule=schedule or Schedule(),
            contact=contact or Contact(),
            line=pline,
            **values,  # type: ignore[arg-type]
        )

    def program_id_of(self, entry: dict, pline: int | None) -> str | None:
        if "id" not in entry:
            self.problem(
                "This program has no 'id'.",
                pline,
                "id",
                "Add a unique id made of lowercase letters, digits and hyphens, "
                "e.g. 'id: harbor-light-iop'.",
            )
            return None
        raw_id = self.text(entry, "id", "id", pline, required=True)
        if raw_id is None:
            return None
        line = self.key_line(entry, "id", pline)
        if len(raw_id) > MAX_ID_LENGTH or not SLUG.fullmatch(raw_id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", raw_id.lower()).strip("-")[:MAX_ID_LENGTH]
            hint = "Use lowercase letters, digits and single hyphens"
            hint += f", e.g. '{suggestion}'." if suggestion else "."
            self.problem(
                f"The id {quote(raw_id)} is not a valid id (lowercase letters, digits and "
                f"hyphens, at most {MAX_ID_LENGTH} characters).",
                line,
                "id",
                hint,
            )
            self.program_id = clean(shorten(raw_id, 60))
            return None
        return raw_id

    # -- field kinds --

    def _get(self, mapping: dict, key: str) -> tuple[object, str | None]:
        value = mapping[key]
        raw = mapping.raw.get(key) if type(mapping) is Mapping else None
        return value, raw

    def as_text(
        self, value: object, raw: str | None, field: str, line: int | None, what: str = "text"
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
            message, hint = yaml_reading(value, raw)
            self.problem(f"Expected {what}, but {message}.", line, field, hint)
        else:
            self.problem(f"Expected {what}; found {describe(value)}.", line, field)
        return None

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
                self.problem(f"The required field '{key}' is missing.", default_line, field)
            return None
        value, raw = self._get(mapping, key)
        if value is REFUSED:
            return None
        line = self.key_line(mapping, key, default_line)
        if value is None:
            if not required:
                return None
            if not raw:  # "name:" with nothing after it (a written ~ or null is explained below)
                self.problem(f"'{key}' is empty; it is required.", line, field)
                return None
        result = self.as_text(value, raw, field, line)
        if result is None:
            return None
        result = result.strip()
        if not result:
            if required:
                self.problem(f"'{key}' is empty; it is required.", line, field)
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
                f"'{key}' must be a list (e.g. [a, b]) or a single value; found {describe(value)}.",
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
                    f"The required field '{key}' is missing.",
                    default_line,
                    field,
                    f"List at least one {vocab.name}: {_valid_list(vocab)}.",
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
            text = self.as_text(value, raw, field, line, f"{_article(vocab.name)}")
            if text is not None:
                term = vocab.resolve(text)
                if term is not None:
                    found.append(term)
                else:
                    self.unknown_term(text, vocab, line, field)
        if not found:
            if required and not items:
                self.problem(
                    f"'{key}' is empty; list at least one {vocab.name}.",
                    self.key_line(mapping, key, default_line),
                    field,
                    f"Valid: {_valid_list(vocab)}.",
                )
            return ()
        order = self._order.get(id(vocab))
        if order is None:
            order = self._order[id(vocab)] = {term_id: i for i, term_id in enumerate(vocab.ids)}
        if len(found) == 1:
            return (found[0],)
        return tuple(sorted(set(found), key=order.__getitem__))

    def unknown_term(self, text: str, vocab: V.Vocabulary, line: int | None, field: str) -> None:
        if not text.strip():
            self.problem(
                f"An empty value is not {_article(vocab.name)}.",
                line,
                field,
                f"Valid: {_valid_list(vocab)}.",
            )
            return
        message = f"{quote(text)} is not {_article(vocab.name)}."
        close = vocab.suggest(text, n=1)
        if close:
            message += f" Did you mean '{close[0]}'?"
        message += f" Valid: {_valid_list(vocab)}."
        self.problem(message, line, field)

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
            f"'{key}' must be true or false; found {describe(value)}.",
            self.key_line(mapping, key, default_line),
            field,
        )
        return False

    def date(self, mapping: dict, key: str, field: str, default_line: int | None) -> str | None:
        if key not in mapping:
            return None
        value, _raw = self._get(mapping, key)
        if value is None or value is REFUSED:
            return None
        line = self.key_line(mapping, key, default_line)
        hint = "Write the date as YYYY-MM-DD, e.g. 2026-11-01."
        if type(value) is _dt.date:
            return value.isoformat()
        if type(value) is str:
            text = value.strip()
            if ISO_DATE.fullmatch(text):
                try:
                    return _dt.date.fromisoformat(text).isoformat()
                except ValueError:
                    self.problem(f"{quote(text)} is not a real date.", line, field, hint)
                    return None
        if isinstance(value, _dt.datetime):
            self.problem(
                f"'{key}' must be a date without a time; found {value.isoformat()}.",
                line,
                field,
                hint,
            )
            return None
        self.problem(
            f"'{key}' must be a date (YYYY-MM-DD); found {describe(value)}.", line, field, hint
        )
        return None

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
            self.problem(f"'{key}' must be a number; found {found}.", line, field)
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
                f"'{key}' must be a mapping of {', '.join(known)}; found {describe(value)}.",
                line,
                key,
            )
            return None
        mline = value.line if type(value) is Mapping else line
        self.unknown_keys(value, known, what, mline, key + ".")
        return value, mline

    # -- nested parts of a program --

    def location(self, entry: dict, pline: int | None) -> Location | None:
        found = self.sub_mapping(entry, "location", LOCATION_FIELDS, "a location field", pline)
        if found is None:
            return None
        loc, line = found
        street = self.text(loc, "street", "location.street", line)
        city = self.text(loc, "city", "location.city", line)
        state = None
        if "state" in loc:
            state_items = self.vocab_list(loc, "state", "location.state", V.STATES, line)
            if len(state_items) > 1:
                self.problem(
                    "A location has one state.", self.key_line(loc, "state", line), "location.state"
                )
            state = state_items[0] if state_items else None
        zip_code = self.zip_code(loc, line)
        lat = lon = None
        lat_line = lon_line = line
        if "lat" in loc:
            lat, lat_line = self.number(loc, "lat", "location.lat", line)
            if lat is not None and not -90 <= lat <= 90:
                self.problem(f"Latitude {lat:g} is outside -90 to 90.", lat_line, "location.lat")
                lat = None
        if "lon" in loc:
            lon, lon_line = self.number(loc, "lon", "location.lon", line)
            if lon is not None and not -180 <= lon <= 180:
                self.problem(f"Longitude {lon:g} is outside -180 to 180.", lon_line, "location.lon")
                lon = None
        if _given(loc, "lat") != _given(loc, "lon"):
            present, missing = ("lat", "lon") if _given(loc, "lat") else ("lon", "lat")
            self.problem(
                f"The location has '{present}' but no '{missing}'; give both or neither.",
                lat_line if present == "lat" else lon_line,
                f"location.{missing}",
            )
        return Location(street=street, city=city, state=state, zip=zip_code, lat=lat, lon=lon)

    def zip_code(self, loc: dict, line: int | None) -> str | None:
        if "zip" not in loc:
            return None
        value, raw = self._get(loc, "zip")
        if value is None or value is REFUSED:
            return None
        zline = self.key_line(loc, "zip", line)
        text = self.as_text(value, raw, "location.zip", zline, "a ZIP code as text")
        if text is None:
            return None
        match = ZIP.fullmatch(text.strip())
        if match is None:
            hint = 'Write 5 digits in quotes, e.g. zip: "40202" (or ZIP+4: "40202-1234").'
            if raw is not None and text.isdigit() and len(text) < 5:
                hint = (
                    f"A ZIP code has 5 digits; if it starts with 0, write it in quotes, e.g. "
                    f'zip: "{text.zfill(5)}".'
                )
            self.problem(f"{quote(text)} is not a ZIP code.", zline, "location.zip", hint)
            return None
        return match.group(1)

    def schedule(self, entry: dict, pline: int | None) -> Schedule | None:
        found = self.sub_mapping(entry, "schedule", SCHEDULE_FIELDS, "a schedule field", pline)
        if found is None:
            return None
        sched, line = found
        days = hours = None
        if "days_per_week" in sched:
            number, dline = self.number(sched, "days_per_week", "schedule.days_per_week", line)
            if number is not None:
                if number != int(number) or not 1 <= number <= 7:
                    self.problem(
                        f"days_per_week must be a whole number from 1 to 7; found {number:g}.",
                        dline,
                        "schedule.days_per_week",
                    )
                else:
                    days = int(number)
        if "hours_per_day" in sched:
            number, hline = self.number(sched, "hours_per_day", "schedule.hours_per_day", line)
            if number is not None:
                if not 0 < number <= 24:
                    self.problem(
                        f"hours_per_day must be more than 0 and at most 24; found {number:g}.",
                        hline,
                        "schedule.hours_per_day",
                    )
                else:
                    hours = number
        times = self.vocab_list(sched, "times", "schedule.times", V.SCHEDULE_TIMES, line)
        return Schedule(days_per_week=days, hours_per_day=hours, times=times)

    def contact(self, entry: dict, pline: int | None) -> Contact | None:
        found = self.sub_mapping(entry, "contact", CONTACT_FIELDS, "a contact field", pline)
        if found is None:
            return None
        contact, line = found
        phone = self.text(contact, "phone", "contact.phone", line)
        intake = self.text(contact, "intake_phone", "contact.intake_phone", line)
        website = self.text(contact, "website", "contact.website", line)
        if website is not None:
            website = self.check_website(website, self.key_line(contact, "website", line))
        return Contact(phone=phone, intake_phone=intake, website=website)

    def check_website(self, url: str, line: int | None) -> str | None:
        if WEBSITE.fullmatch(url):
            return url
        hint = "Write the full address, starting with https:// (or http://)"
        if "://" not in url and "." in url and " " not in url and ":" not in url:
            hint += f", e.g. https://{clean(shorten(url, 50))}"
        self.problem(
            f"{quote(url)} is not a web address starting with http:// or https://.",
            line,
            "contact.website",
            hint + ".",
        )
        return None


_NUMBER_TYPES = (int, float)  # exact types: a bool is not a number here


def _fast_contact(contact: object) -> Contact | None:
    if not isinstance(contact, dict) or not contact.keys() <= CONTACT_FIELD_SET:
        return None
    get = contact.get
    texts = []
    for key in CONTACT_FIELDS:
        value = get(key)
        if value is not None:
            if type(value) is not str:
                return None
            value = value.strip() or None
        texts.append(value)
    phone, intake, website = texts
    if website is not None and not WEBSITE.fullmatch(website):
        return None
    return Contact(phone=phone, intake_phone=intake, website=website)


def _given(mapping: dict, key: str) -> bool:
    return mapping.get(key) is not None
