"""The programme schema: every field of a directory file once, and what may be in it.

The tables below drive the validator (both its fast and its careful path), the
cache rows, ``Program.to_dict`` (through the model, which the tables must
mirror: checked below), the importers' vocabulary sets and the field tables of
docs/directory-format.md (tests/test_directory_format_doc.py compares them).
Adding a programme field: an entry here, an attribute in ``model.py``, and -
if people should see it - a row in ``ui/result_words.program_rows``.

A field's *kind* names one rule, checked by ``directory/fast.py`` and
``directory/careful.py``: ``id`` (a slug), ``text``, ``terms`` (a list of
vocabulary ids), ``states`` (the same, for telehealth), ``state`` (one state),
``texts`` (a list of free text), ``flag`` (true/false), ``date``, ``zip``,
``number`` (with *bounds*), ``whole`` (a whole number within *bounds*),
``website`` and ``group`` (a nested mapping of *parts*).
"""

from __future__ import annotations

import re

from iopguide import vocabulary as V
from iopguide.directory.model import Contact, Location, Program, Schedule
from iopguide.i18n import N_
from iopguide.record import FrozenRecord


class Field(FrozenRecord):
    """One field of a programme (or of a group inside one): its rules, docs and label."""

    __slots__ = (
        "name",
        "kind",
        "vocabulary",
        "required",
        "bounds",
        "doc",
        "shape",
        "above",
        "outside",
        "parts",
        "model",
        "label",
    )

    def __init__(
        self,
        name: str,
        kind: str,
        vocabulary: V.Vocabulary | None = None,
        required: bool = False,
        bounds: tuple[float, float] | None = None,  # inclusive, except the low end when *above*
        doc: str = "",  # the "meaning" cell of its row in docs/directory-format.md
        shape: str = "",  # the "type" cell of that row
        above: bool = False,  # the value must be more than bounds[0], not equal to it
        outside: str = "",  # the message for a number outside *bounds* ({value:g} is the number)
        parts: tuple[Field, ...] = (),  # a group's fields
        model: type | None = None,  # a group's model class
        label: str = "",  # its row's label in ``show`` (marked with N_, translated there)
    ) -> None:
        self.name = name
        self.kind = kind
        self.vocabulary = vocabulary
        self.required = required
        self.bounds = bounds
        self.doc = doc
        self.shape = shape
        self.above = above
        self.outside = outside
        self.parts = parts
        self.model = model
        self.label = label


def _terms(name: str, vocabulary: V.Vocabulary, shape: str, doc: str, **kw: object) -> Field:
    return Field(name, "terms", vocabulary, shape=f"list of {shape}", doc=doc, **kw)  # type: ignore[arg-type]


def _text(name: str, doc: str, label: str = "") -> Field:
    return Field(name, "text", shape="text", doc=doc, label=label)


LOCATION = (
    _text("street", "Street address."),
    _text("city", "City (matched by `find --city`)."),
    Field(
        "state",
        "state",
        V.STATES,
        shape="[state](#states-locationstate-telehealth_states)",
        doc="Two-letter code (`KY`) or full name (`Kentucky`); stored as the code.",
    ),
    Field(
        "zip",
        "zip",
        shape="text",
        doc='5 digits or ZIP+4 (`"40202"`, `"40202-1234"`); **quote it**. Stored as the 5 digits.',
    ),
    Field("lat", "number", bounds=(-90, 90), outside="Latitude {value:g} is outside -90 to 90."),
    Field(
        "lon", "number", bounds=(-180, 180), outside="Longitude {value:g} is outside -180 to 180."
    ),
)
#: Given together or not at all (the docs describe them in one row).
PAIRED = ("lat", "lon")
PAIR_DOC = (
    "| `lat`, `lon` | numbers | Latitude (-90 to 90) and longitude (-180 to 180). Give both or "
    "neither. Without them, distance is measured from the centre of the ZIP code. |"
)

SCHEDULE = (
    Field(
        "days_per_week",
        "whole",
        bounds=(1, 7),
        shape="whole number 1-7",
        doc="Days a week the program meets.",
        outside="days_per_week must be a whole number from 1 to 7; found {value:g}.",
    ),
    Field(
        "hours_per_day",
        "number",
        bounds=(0, 24),
        above=True,
        shape="number, more than 0 and at most 24",
        doc="Hours each day (`2.5` is fine).",
        outside="hours_per_day must be more than 0 and at most 24; found {value:g}.",
    ),
    _terms(
        "times",
        V.SCHEDULE_TIMES,
        "[schedule times](#schedule-times-scheduletimes)",
        "`morning`, `afternoon`, `evening`, `weekend` (`find --schedule`).",
    ),
)

CONTACT = (
    _text("phone", "Main number; **quote it**.", label=N_("Phone")),
    _text("intake_phone", "Number for admissions, if different.", label=N_("Intake phone")),
    Field(
        "website",
        "website",
        shape="text",
        doc="A full address starting with `https://` or `http://`.",
        label=N_("Website"),
    ),
)

_IOP_ASK = (
    "What kind of place it is (SAMHSA's facility-type codes). A mental-health listing that "
    "cannot record IOP but offers outpatient care at a community mental-health centre or a "
    'hospital, or beside partial hospitalization, is shown by an IOP search as "may run an '
    'IOP: ask" ([finding-programs.md](finding-programs.md)).'
)
_VERIFIED = (
    'When someone last checked the listing; shown in results as "Checked …". For a listing '
    "whose `source` names a SAMHSA National Directory edition it is the edition's date, and "
    'results say "Listed in SAMHSA\'s National Directory, 2022 edition" instead.'
)

#: A programme's fields, in the order of ``model.Program`` (and of the cache rows).
PROGRAM = (
    Field(
        "id",
        "id",
        required=True,
        shape="slug",
        doc="Unique in the file and stable over time (`iopguide show ID` uses it): lowercase "
        "letters, digits and single hyphens, at most 120 characters, e.g. "
        "`example-riverside-iop`.",
    ),
    Field("name", "text", required=True, shape="text", doc="The program's name."),
    _text("organization", "Who runs it."),
    _terms(
        "levels",
        V.LEVELS,
        "[levels of care](#levels-of-care-levels)",
        "Levels the program offers.",
        required=True,
        label=N_("Levels of care"),
    ),
    _terms(
        "conditions",
        V.CONDITIONS,
        "[conditions](#conditions-conditions)",
        "What it treats. Use `mental_health` or `substance_use` for programs that treat "
        "broadly; a search for depression, anxiety, bipolar, trauma, eating disorders, "
        "self-harm or psychosis also finds programs listing `mental_health` (and says so).",
        required=True,
        label=N_("Treats"),
    ),
    _terms(
        "payment",
        V.PAYMENT,
        "[payment types](#payment-payment)",
        "Ways to pay that are accepted.",
        label=N_("Payment"),
    ),
    Field(
        "insurance_plans",
        "texts",
        shape="list of text",
        doc='Named plans, free text (`"Example Health Plan"`); `find --insurance` matches any '
        "part of a name, ignoring case.",
        label=N_("Insurance plans"),
    ),
    _terms(
        "ages", V.AGE_GROUPS, "[age groups](#age-groups-ages)", "Ages served.", label=N_("Ages")
    ),
    _terms(
        "languages",
        V.LANGUAGES,
        "[languages](#languages-languages)",
        "Languages treatment is offered in.",
        label=N_("Languages"),
    ),
    _terms(
        "special_groups",
        V.SPECIAL_GROUPS,
        "[special groups](#special-groups-special_groups)",
        "Groups the program has tailored services for.",
        label=N_("Groups"),
    ),
    Field(
        "serves_only",
        "texts",
        shape="list of text",
        doc='Restrictions on who may attend (`"Veterans only"`, `"Women 18 and older"`); shown '
        "with the program.",
    ),
    Field(
        "location",
        "group",
        shape="mapping, below",
        doc="Where it is.",
        parts=LOCATION,
        model=Location,
    ),
    Field(
        "telehealth",
        "flag",
        shape="true / false",
        doc="Whether it offers treatment by video or phone.",
    ),
    Field(
        "telehealth_states",
        "states",
        V.STATES,
        shape="list of [states](#states-locationstate-telehealth_states)",
        doc="States a telehealth program serves. A telehealth program with no list serves its "
        "own `location.state`. A search near a ZIP finds telehealth programs that serve that "
        "ZIP's state.",
    ),
    Field(
        "schedule",
        "group",
        shape="mapping, below",
        doc="When it meets.",
        parts=SCHEDULE,
        model=Schedule,
    ),
    _terms(
        "services",
        V.SERVICES,
        "[services](#services-services)",
        "What it provides.",
        label=N_("Services"),
    ),
    _terms(
        "approaches",
        V.APPROACHES,
        "[approaches](#therapeutic-approaches-approaches)",
        "Therapeutic approaches used.",
        label=N_("Approaches"),
    ),
    _terms(
        "accreditation",
        V.ACCREDITATION,
        "[accreditations](#accreditation-accreditation)",
        "Accreditation and licensing.",
        label=N_("Accreditation"),
    ),
    _terms(
        "facility_types",
        V.FACILITY_TYPES,
        "[facility types](#facility-types-facility_types)",
        _IOP_ASK,
        label=N_("Type of facility"),
    ),
    Field(
        "contact",
        "group",
        shape="mapping, below",
        doc="How to reach it.",
        parts=CONTACT,
        model=Contact,
    ),
    _text("notes", "Anything else a person should know.", label=N_("Notes")),
    Field("last_verified", "date", shape="date `YYYY-MM-DD`", doc=_VERIFIED),
    _text("source", "Where this listing came from."),
)

GROUPS = tuple(f for f in PROGRAM if f.kind == "group")
PROGRAM_FIELDS = tuple(f.name for f in PROGRAM)
BY_NAME = {f.name: f for f in PROGRAM}
#: Programme fields whose ids an importer collects from published codes.
LIST_FIELDS = tuple(f.name for f in PROGRAM if f.kind == "terms")
#: Every vocabulary by the directory field that uses it.
BY_FIELD: dict[str, V.Vocabulary] = {
    f.name: f.vocabulary
    for f in (*PROGRAM, *SCHEDULE)
    if f.kind == "terms" and f.vocabulary is not None
}

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: http(s), a host with at least one letter or digit, then anything without spaces.
WEBSITE = re.compile(r"https?://[^\s/?#]*[A-Za-z0-9][^\s/?#]*(?:[/?#]\S*)?", re.IGNORECASE)
MAX_ID_LENGTH = 120

#: The order the careful path checks a mapping's fields in, and so the order of
#: problems found on one line (as before the table: names, lists, flags, groups).
_RANK = {
    kind: rank
    for rank, kind in enumerate(
        [
            "id",
            "text",
            "state",
            "zip",
            "whole",
            "number",
            "terms",
            "texts",
            "flag",
            "states",
            "date",
            "website",
            "group",
        ]
    )
}


def check_order(table: tuple[Field, ...]) -> tuple[Field, ...]:
    return tuple(sorted(table, key=lambda f: _RANK[f.kind]))


def doc_rows(table: tuple[Field, ...], *, required_column: bool) -> list[str]:
    """The rows docs/directory-format.md must have for *table* (tests compare them)."""
    rows = []
    for f in table:
        if f.name in PAIRED:
            if f.name == PAIRED[0]:
                rows.append(PAIR_DOC)
            continue
        cells = [f"`{f.name}`", f.shape]
        if required_column:
            need = "no (false)" if f.kind == "flag" else "no"
            if f.required:
                need = "**yes**, at least one" if f.kind == "terms" else "**yes**"
            cells.append(need)
        cells.append(f.doc)
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _mirrors_the_model() -> None:
    """The tables and the model must name the same fields in the same order."""
    for table, cls in ((PROGRAM, Program), *((g.parts, g.model) for g in GROUPS)):
        names = [name for name in cls.__slots__ if name != "line"]
        if names != [f.name for f in table]:  # pragma: no cover - a programming error
            raise RuntimeError(f"schema.py and model.py disagree on {cls}'s fields")


_mirrors_the_model()
