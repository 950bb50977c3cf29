"""Facilities as they are read, merged into programmes with stable ids (and ZIP centres)."""

from __future__ import annotations

import hashlib

from iopguide.directory.geo import zip_centre
from iopguide.directory.importers.code_sets import TERM_NUMBER, by_field, field_numbers
from iopguide.directory.importers.codes import name_restrictions
from iopguide.directory.importers.coordinates import coordinates, in_us
from iopguide.directory.importers.counts import (
    CAVEAT_CONDITION_FROM_EDITION,
    CAVEAT_OUTSIDE_US,
    CAVEAT_UNKNOWN_ZIP,
    CAVEAT_ZIP_CENTRE_OUTSIDE,
    EDITION_CONDITIONS,
    SKIP_NO_CONDITION,
    SKIP_NO_LEVEL,
    SKIP_OTP_NO_SERVICES,
    ImportStats,
)
from iopguide.directory.importers.fields import ascii_words, match_text
from iopguide.directory.model import Contact, Location, Program


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
    """One listing as read, before merging. Its vocabulary ids are numbers in *terms*
    (see :mod:`.code_sets`, which applies a row's codes)."""

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
        "sources",
        "state",
        "street",
        "telehealth",
        "terms",
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
        self.terms: set[int] = set()
        self.telehealth = False
        self.serves_only: list[str] = []
        self.notes: list[str] = []
        self.sources = [source]
        self.editions = {edition}
        self.last_verified = last_verified

    def merge(self, other: Facility) -> None:
        self.terms |= other.terms
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
            **by_field(self.terms),
        )


_LEVELS = field_numbers("levels")
_CONDITIONS = field_numbers("conditions")


def facility_key(name: str, street: str, zip5: str) -> str:
    return "|".join((match_text(name), match_text(street), zip5))


def _slug(text: str, limit: int = 40) -> str:
    words = ascii_words(text)
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
            if facility.terms.isdisjoint(_LEVELS):
                # The directory format needs a level of care; inventing one would mislead.
                otp_only = facility.editions == {"OTP"}
                stats.skipped[SKIP_OTP_NO_SERVICES if otp_only else SKIP_NO_LEVEL] += 1
                continue
            if facility.terms.isdisjoint(_CONDITIONS):
                implied = {
                    TERM_NUMBER["conditions", EDITION_CONDITIONS[e]]
                    for e in facility.editions
                    if e in EDITION_CONDITIONS
                }
                if not implied:
                    stats.skipped[SKIP_NO_CONDITION] += 1
                    continue
                facility.terms |= implied
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
