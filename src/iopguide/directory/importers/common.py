"""What every importer shares: facilities as they are read, merging, ids, ZIP centres, counts.

A published row becomes a :class:`Facility` (mutable, sets of vocabulary ids);
a :class:`Collector` merges facilities that are the same place (same name,
street and ZIP once normalised), gives each a stable id and turns it into a
:class:`~iopguide.directory.model.Program`. Nothing here prints: the counts
come back in :class:`ImportStats` for the command to show.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from iopguide import vocabulary as vocab
from iopguide.directory.geo import normalise_zip, zip_centre
from iopguide.directory.importers.codes import (
    ONLY_RULES,
    UMBRELLAS,
    Code,
    name_restrictions,
)
from iopguide.directory.importers.coordinates import coordinates, in_us
from iopguide.directory.model import Contact, DirectoryInfo, Location, Program
from iopguide.directory.schema import BY_FIELD, LIST_FIELDS, WEBSITE
from iopguide.text import clean

#: A first name line ending in one of these words runs on into the second line
#: ("Counseling Center for" / "Women"): the two are one name, not "organisation - site".
_RUN_ON_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "del", "for", "in", "of", "on", "the", "to", "&"}
)


def facility_names(name1: str, name2: str | None) -> tuple[str, str | None]:
    """(name, organization) from the published ``name1`` / ``name2`` pair.

    Usually name1 is the organisation and name2 the site ("Bowery Residents
    Committee Inc" / "Fred Cooper SA Service Ctr"); when name1 was simply cut
    short (it ends in "for", "of", "-" ...), the two lines are one name.
    """
    if not name2:
        return name1, None
    last_word = name1.rsplit(None, 1)[-1].lower()
    if last_word in _RUN_ON_WORDS or name1.endswith(("-", "/", ",")):
        return f"{name1} {name2}", None
    return f"{name1} - {name2}", name1


#: Called as (label, rows done, rows in this file) while a file is processed.
ProgressCallback = Callable[[str, int, int], None]

# Skip reasons (rows not imported) and caveats (rows imported with a gap).
SKIP_BLANK = "blank row"
SKIP_NO_NAME = "no facility name"
SKIP_NOT_A_RECORD = "not a facility record"
SKIP_HEADER_AGAIN = "the header row again (files joined end to end?)"
CAVEAT_NO_ZIP = "ZIP missing or not 5 digits (imported without location)"
CAVEAT_UNKNOWN_ZIP = "ZIP not in the ZIP-centre table (imported without coordinates)"
CAVEAT_STATE = "state not a US state or territory code (left blank)"
SKIP_NO_LEVEL = "no level of care (service setting) given"
SKIP_OTP_NO_SERVICES = (
    "opioid treatment programme listed without its services (no level of care to file it under)"
)
CAVEAT_OUTSIDE_US = "published coordinates not in the US or not numbers (left out)"
CAVEAT_ZIP_CENTRE_OUTSIDE = (
    "the ZIP-centre table places the ZIP outside the US (imported without coordinates)"
)
SKIP_NO_CONDITION = "no type of care given, and the file does not say which directory it is"
CAVEAT_CONDITION_FROM_EDITION = (
    "no type of care given (condition taken from the directory it is listed in)"
)

#: The condition a listing implies when it gives no type of care: being in SAMHSA's
#: substance-use directory (or FindTreatment.gov's "SA" facilities) means treating
#: substance use, being in the mental-health one means treating mental health; an
#: opioid treatment programme (FindTreatment.gov type "OTP") treats opioid use.
EDITION_CONDITIONS = {"SA": "substance_use", "MH": "mental_health", "OTP": "substance_use"}


@dataclass
class ImportStats:
    read: int = 0  # facility rows read (not counting headers)
    imported: int = 0  # programmes written
    merged: int = 0  # rows folded into a programme already read
    merged_across_files: int = 0  # ... of which from another file (e.g. SA + MH editions)
    flagged: int = 0  # programmes with a "serves only" restriction
    # Where each programme written is placed on the map (the three add up to ``imported``):
    published_coordinates: int = 0  # coordinates as the listing published them
    zip_centres: int = 0  # placed at the centre of its ZIP code (the listing gave none)
    no_coordinates: int = 0  # no coordinates and no ZIP centre to stand in for them
    undated: int = 0  # programmes written with no last_verified date
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows
    caveats: Counter[str] = field(default_factory=Counter)  # reason -> rows imported with a gap
    unknown_codes: Counter[str] = field(default_factory=Counter)  # code or words -> rows
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # plain facts about the source, for the summary
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (name, edition, rows)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True)
class ImportResult:
    info: DirectoryInfo
    programs: tuple[Program, ...]
    stats: ImportStats


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "drive": "dr",
    "suite": "ste",
    "highway": "hwy",
    "parkway": "pkwy",
    "lane": "ln",
    "place": "pl",
    "court": "ct",
    "circle": "cir",
    "square": "sq",
    "building": "bldg",
    "floor": "fl",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "mount": "mt",
    "saint": "st",
    "center": "ctr",
    "centre": "ctr",
    "incorporated": "inc",
    "company": "co",
}


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def match_text(text: str) -> str:
    """Fold a name or street for matching: case, accents, punctuation, common abbreviations."""
    words = _ASCII_WORD.findall(_ascii(text.replace("&", " and ")))
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def spreadsheet_zip(value: str) -> str | None:
    """'40202', '40202-1234', '402021234' -> '40202'; a 3-4 digit number lost its zeros to a
    spreadsheet ('1234' -> '01234'); anything else -> None."""
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if text.isascii() and text.isdigit():
        if 3 <= len(text) <= 4:
            text = text.zfill(5)
        elif len(text) == 9:  # ZIP+4 without its hyphen
            text = text[:5]
    return normalise_zip(text) if text == text.strip() else None


def shown_name(path: Path) -> str:
    """A file's name fit to write into a directory file: a name that is not UTF-8 (its
    bytes kept by Python as surrogates) would make the JSON writer fail at the end."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def text_or_none(value: object) -> str | None:
    """Cleaned single-line text, or None when empty (or not text: NaN, true, a list...)."""
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None  # a spreadsheet's empty number cell, or JSON's NaN: not "nan"
        if value.is_integer() and abs(value) < 1e16:
            value = int(value)  # a phone or ZIP stored as a number: no ".0"
    text = clean(value).strip()
    return " ".join(text.split()) or None


class ZipCentres:
    """ZIP -> (lat, lon) from the shared ZIP-centre table, looked up once per ZIP."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[float, float] | None] = {}
        self.outside_us: set[str] = set()  # ZIPs whose table point is not in the US

    def __call__(self, zip5: str) -> tuple[float, float] | None:
        """The centre, or None - also when the table's point is not in the US (a forged
        or damaged table must not move programmes: :func:`coordinates` checks it)."""
        if zip5 not in self._known:
            centre = zip_centre(zip5)
            point = None if centre is None else coordinates(centre.lat, centre.lon)
            if centre is not None and point is None:
                self.outside_us.add(zip5)
            self._known[zip5] = point
        return self._known[zip5]


class Facility:
    """One listing as read, before merging. Sets hold vocabulary ids."""

    __slots__ = (
        "city",
        "editions",
        "intake_phone",
        "key",
        "last_verified",
        "lat",
        "lon",
        "name",
        "notes",
        "organization",
        "phone",
        "serves_only",
        "sets",
        "sources",
        "state",
        "street",
        "telehealth",
        "website",
        "zip",
    )

    def __init__(
        self,
        *,
        name: str,
        organization: str | None,
        street: str | None,
        city: str | None,
        state: str | None,
        zip5: str | None,
        match_street: str | None,
        source: str,
        edition: str,
        last_verified: str | None,
    ) -> None:
        self.name = name
        self.organization = organization
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip5
        self.key = facility_key(name, match_street or "", zip5 or "")
        self.phone: str | None = None
        self.intake_phone: str | None = None
        self.website: str | None = None
        self.lat: float | None = None
        self.lon: float | None = None
        self.sets: dict[str, set[str]] = {name_: set() for name_ in LIST_FIELDS}
        self.telehealth = False
        self.serves_only: list[str] = []
        self.notes: list[str] = []
        self.sources = [source]
        self.editions = {edition}
        self.last_verified = last_verified

    def apply_codes(self, codes: Iterable[Code]) -> None:
        sets = self.sets
        for code in codes:
            for field_name, term_id in code.adds:
                sets[field_name].add(term_id)
            if code.telehealth:
                self.telehealth = True
            if code.serves_only and code.serves_only not in self.serves_only:
                self.serves_only.append(code.serves_only)
            if code.note and code.note not in self.notes:
                self.notes.append(code.note)

    def merge(self, other: Facility) -> None:
        for field_name, ids in other.sets.items():
            self.sets[field_name] |= ids
        self.telehealth = self.telehealth or other.telehealth
        for attr in (
            "organization",
            "street",
            "city",
            "state",
            "zip",
            "phone",
            "intake_phone",
            "website",
            "lat",
            "lon",
        ):
            if getattr(self, attr) is None:
                setattr(self, attr, getattr(other, attr))
        for restriction in other.serves_only:
            if restriction not in self.serves_only:
                self.serves_only.append(restriction)
        for note in other.notes:
            if note not in self.notes:
                self.notes.append(note)
        for source in other.sources:
            if source not in self.sources:
                self.sources.append(source)
        self.editions |= other.editions
        # The older date: the merged listing is only as fresh as its oldest part.
        dates = [d for d in (self.last_verified, other.last_verified) if d]
        self.last_verified = min(dates) if dates else None

    def to_program(self, program_id: str) -> Program:
        return Program(
            id=program_id,
            name=self.name,
            organization=self.organization,
            serves_only=(*self.serves_only, *name_restrictions(self.name, self.serves_only)),
            location=Location(self.street, self.city, self.state, self.zip, self.lat, self.lon),
            telehealth=self.telehealth,
            contact=Contact(self.phone, self.intake_phone, self.website),
            notes=" ".join(self.notes) or None,
            last_verified=self.last_verified,
            source="; ".join(self.sources),
            **{name: _in_vocabulary_order(name, ids) for name, ids in self.sets.items()},
        )


_ORDER = {name: {t.id: i for i, t in enumerate(BY_FIELD[name])} for name in LIST_FIELDS}


def _in_vocabulary_order(field_name: str, ids: set[str]) -> tuple[str, ...]:
    """Like ``Vocabulary.sort``, with the order computed once (it runs 170,000 times)."""
    order = _ORDER[field_name]
    return tuple(sorted(ids, key=lambda i: order.get(i, len(order))))


def select_codes(present: list[str], table: dict[str, Code]) -> tuple[list[Code], list[str]]:
    """The codes of one row to apply, and the ones the table does not know.

    Umbrella codes (``OP``, ``FX``) count only when none of their specific codes is
    present; a single gender accepted becomes a restriction.
    """
    found: list[Code] = []
    unknown: list[str] = []
    seen = set(present)
    for raw in present:
        code = table.get(raw)
        if code is None:
            unknown.append(raw)
            continue
        specific = UMBRELLAS.get(raw)
        if specific is not None and not specific.isdisjoint(seen):
            continue
        found.append(code)
    for rule in ONLY_RULES:
        if rule.applies(seen, table):
            found.append(rule.code)
    return found, unknown


def facility_key(name: str, street: str, zip5: str) -> str:
    return "|".join((match_text(name), match_text(street), zip5))


def _slug(text: str, limit: int = 40) -> str:
    words = _ASCII_WORD.findall(_ascii(text))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "program")


def program_id(facility: Facility, digits: int = 6) -> str:
    """A stable id: name and ZIP to read, a short hash of the matching key to stay unique."""
    digest = hashlib.sha1(facility.key.encode("utf-8")).hexdigest()[:digits]
    parts = [_slug(facility.name)]
    if facility.zip:
        parts.append(facility.zip)
    parts.append(digest)
    return "-".join(parts)


class Collector:
    """Gathers facilities from every file, merging the same place into one programme."""

    def __init__(self, stats: ImportStats) -> None:
        self.stats = stats
        self._by_key: dict[str, tuple[Facility, str]] = {}
        self._zip_centres = ZipCentres()

    def add(self, facility: Facility, origin: str) -> None:
        """Add a facility read from *origin* (the file it came from)."""
        existing = self._by_key.get(facility.key)
        if existing is None:
            self._by_key[facility.key] = (facility, origin)
            return
        first, first_origin = existing
        first.merge(facility)
        self.stats.merged += 1
        if origin != first_origin:
            self.stats.merged_across_files += 1

    def programs(self) -> tuple[Program, ...]:
        """Every programme, with ids and ZIP-centre coordinates, ordered by state, city, name."""
        stats = self.stats
        facilities = [f for f, _ in self._by_key.values()]
        used: set[str] = set()
        result: list[Program] = []
        facilities.sort(key=lambda f: (f.state or "~", f.city or "", f.name.lower(), f.key))
        for facility in facilities:
            if facility.lat is not None and not in_us(facility.lat, facility.lon or 0.0):
                # Every importer checks as it reads; this is the one place all pass through.
                facility.lat = facility.lon = None
                stats.caveats[CAVEAT_OUTSIDE_US] += 1
            placed = "published" if facility.lat is not None else "none"
            if facility.lat is None and facility.zip:
                centre = self._zip_centres(facility.zip)
                if centre is None:
                    outside = facility.zip in self._zip_centres.outside_us
                    stats.caveats[CAVEAT_ZIP_CENTRE_OUTSIDE if outside else CAVEAT_UNKNOWN_ZIP] += 1
                else:
                    facility.lat, facility.lon = centre
                    placed = "zip"
            if not facility.sets["levels"]:
                # The directory format needs a level of care; inventing one would mislead.
                otp_only = facility.editions == {"OTP"}
                stats.skipped[SKIP_OTP_NO_SERVICES if otp_only else SKIP_NO_LEVEL] += 1
                continue
            if not facility.sets["conditions"]:
                implied = {
                    EDITION_CONDITIONS[e] for e in facility.editions if e in EDITION_CONDITIONS
                }
                if not implied:
                    stats.skipped[SKIP_NO_CONDITION] += 1
                    continue
                facility.sets["conditions"] |= implied
                stats.caveats[CAVEAT_CONDITION_FROM_EDITION] += 1
            pid = program_id(facility)
            digits = 6
            while pid in used:  # a hash clash between two places with the same name and ZIP
                digits += 2
                pid = program_id(facility, digits)
            used.add(pid)
            program = facility.to_program(pid)
            if program.serves_only:
                stats.flagged += 1
            if placed == "published":
                stats.published_coordinates += 1
            elif placed == "zip":
                stats.zip_centres += 1
            else:
                stats.no_coordinates += 1
            if program.last_verified is None:
                stats.undated += 1
            result.append(program)
        stats.imported = len(result)
        return tuple(result)


def valid_state(value: str | None, stats: ImportStats) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if code in vocab.STATES:
        return code
    resolved = vocab.STATES.resolve(value)
    if resolved:
        return resolved
    stats.caveats[CAVEAT_STATE] += 1
    return None


#: A published address also needs a dot in its host ("http://intranet" is not one).
_DOTTED_HOST = re.compile(r"https?://[^\s/]+\.\S", re.IGNORECASE)


def valid_website(value: object) -> str | None:
    """The validator's rule (:data:`~iopguide.directory.schema.WEBSITE`), with a dot in the
    host; a bare ``www.example.org`` gets ``http://``."""
    text = text_or_none(value)
    if not text:
        return None
    if WEBSITE.fullmatch(text):
        return text if _DOTTED_HOST.match(text) else None
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", text, re.IGNORECASE):
        return "http://" + text
    return None
    if re.match(r"^https?://[^\s/]+\.[^\s]+$", text, re.IGNORECASE):
        return text
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", text, re.IGNORECASE):
        return "http://" + text
    return None
