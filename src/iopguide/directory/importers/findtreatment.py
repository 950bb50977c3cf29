"""FindTreatment.gov locator API pages (JSON); its downloads are in :mod:`.findtreatment_download`.

A page is ``{page, totalPages, recordCount, rows}``; each row has the National
Directory's name and address columns plus ``frid``, ``website``, ``latitude``,
``longitude``, ``typeFacility`` or ``type_facility`` (SA, MH or OTP; keys are matched
without regard to case or underscores) and ``services`` (null for some OTPs): a list of
``{f1: category label, f2: category code, f3: "value; value; ..."}`` with the
services spelled out in words. Words are resolved to the same codes as the
workbooks (:func:`.codes.code_for_words`) and from there to the vocabulary.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from iopguide.directory.importers.codes import Code, code_for_words, restriction_words
from iopguide.directory.importers.common import (
    CAVEAT_NO_ZIP,
    CAVEAT_OUTSIDE_US,
    SKIP_NO_NAME,
    SKIP_NOT_A_RECORD,
    CodeSet,
    Collector,
    Facility,
    ImportResult,
    ImportStats,
    ProgressCallback,
    facility_names,
    shown_name,
    spreadsheet_zip,
    text_or_none,
    valid_state,
    valid_website,
)
from iopguide.directory.importers.coordinates import coordinates
from iopguide.directory.importers.tables import check_input, column_key, short
from iopguide.directory.model import DirectoryInfo
from iopguide.errors import DataError, Problem
from iopguide.text import clean

ENVELOPE_KEYS = ("page", "totalPages", "recordCount", "rows")
MAX_FILE_BYTES = 200 * 1024 * 1024
#: A real page has a dozen objects and lists per facility; 200 MB of ``{},`` would be 66
#: million dicts (4 GB). Counting brackets and commas in the bytes (strings included, so
#: never an under-count) bounds what json.loads builds to a few hundred MB.
MAX_CONTAINERS = 5_000_000
MAX_ITEMS = 20_000_000
SOURCE_TITLE = "FindTreatment.gov locator (SAMHSA)"
#: An API page carries no date of its own, and the file's modification time is when it
#: was saved, not when SAMHSA last checked the listing: last_verified is left empty.
NO_DATE_NOTE = "FindTreatment.gov pages and downloads carry no date: last_verified is left empty"
_ONLY = re.compile(r"\bonly\b", re.IGNORECASE)


def import_findtreatment(
    files: Sequence[Path], *, on_progress: ProgressCallback | None = None
) -> ImportResult:
    """Read FindTreatment.gov API pages into one merged directory."""
    stats = ImportStats()
    collector = Collector(stats)
    names: list[str] = []
    for path in files:
        name = shown_name(path)
        if path.suffix.lower() != ".json" and path.is_file():
            from iopguide.directory.importers.findtreatment_download import read_download

            title, count = read_download(path, stats, collector, on_progress)
            stats.files.append((name, title, count))
            names.append(name)
            continue
        envelope = _read_page(path)
        rows = envelope["rows"]
        page = envelope.get("page")
        pages = envelope.get("totalPages")
        where = f", page {page} of {pages}" if page is not None and pages is not None else ""
        source = f"{SOURCE_TITLE}{where} ({name})"
        before = stats.read
        for number, row in enumerate(rows, start=1):
            if on_progress is not None and number % 200 == 0:
                on_progress(name, number, len(rows))
            stats.read += 1
            facility = _facility(row, source, stats)
            if facility is not None:
                collector.add(facility, name)
        if on_progress is not None:
            on_progress(name, len(rows), len(rows))
        stats.files.append((name, SOURCE_TITLE + where, stats.read - before))
        names.append(name)
    programs = collector.programs()
    if stats.undated:
        stats.notes.append(f"{NO_DATE_NOTE} (find shows 'Checked unknown').")
    info = DirectoryInfo(
        name="FindTreatment.gov listings (imported)",
        source=f"{SOURCE_TITLE} API pages or downloads: {', '.join(names)}. "
        "Coordinates as published; "
        f"ZIP-code centres where missing. {NO_DATE_NOTE}.",
        sample=False,
        updated=date.today().isoformat(),
    )
    return ImportResult(info, programs, stats)


def _read_page(path: Path) -> dict[str, Any]:
    check_input(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DataError([Problem(str(path), "is larger than 200 MB; split it into pages")])
    try:
        raw = path.read_bytes()
        _check_size(path, raw)
        data = json.loads(raw)
    except RecursionError:
        raise DataError(
            [
                Problem(
                    str(path),
                    "is nested too deeply to be an API page (brackets inside "
                    "brackets, thousands deep)",
                    hint="Save the API response exactly as it was returned.",
                )
            ],
            summary=f"{path.name} is not a FindTreatment.gov API page.",
        ) from None
    except (UnicodeDecodeError, ValueError) as err:
        raise DataError(
            [
                Problem(
                    str(path),
                    f"is not valid JSON: {short(err)}",
                    hint="Save the API response exactly as it was returned.",
                )
            ],
            summary=f"{path.name} is not a FindTreatment.gov API page.",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        if isinstance(data, dict):  # name a few keys: a hostile page may have millions
            keys = [clean(str(k)[:80]) for k in list(data)[:10]]
            more = f" and {len(data) - 10} more" if len(data) > 10 else ""
            found = ", ".join(keys) + more
        else:
            found = type(data).__name__
        raise DataError(
            [
                Problem(
                    str(path),
                    f"expected a JSON object with {', '.join(ENVELOPE_KEYS)} "
                    f"(rows a list of facilities); found: {found or 'an empty object'}",
                )
            ],
            summary=f"{path.name} is not a FindTreatment.gov API page.",
        )
    return data


def _check_size(path: Path, raw: bytes) -> None:
    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_CONTAINERS or raw.count(b",") > MAX_ITEMS:
        raise DataError(
            [
                Problem(
                    str(path),
                    f"holds more than {MAX_CONTAINERS:,} objects and lists or "
                    f"{MAX_ITEMS:,} values: far more than API pages hold",
                    hint="Save the API response page by page, exactly as returned.",
                )
            ],
            summary=f"{path.name} is too large to be a FindTreatment.gov API page.",
        )


def _facility(record: object, source: str, stats: ImportStats) -> Facility | None:
    if not isinstance(record, dict):
        stats.skipped[SKIP_NOT_A_RECORD] += 1
        return None
    # API versions spell keys differently (typeFacility, type_facility): match by key.
    row = {column_key(k): v for k, v in record.items()}
    name1, name2 = text_or_none(row.get("name1")), text_or_none(row.get("name2"))
    if not name1:
        stats.skipped[SKIP_NO_NAME] += 1
        return None
    zip5 = spreadsheet_zip(str(row.get("zip") or ""))
    if zip5 is None:
        stats.caveats[CAVEAT_NO_ZIP] += 1
    street1, street2 = text_or_none(row.get("street1")), text_or_none(row.get("street2"))
    name, organization = facility_names(name1, name2)
    facility = Facility(
        name=name,
        organization=organization,
        street=", ".join(s for s in (street1, street2) if s) or None,
        city=text_or_none(row.get("city")),
        state=valid_state(text_or_none(row.get("state")), stats),
        zip5=zip5,
        match_street=street1,
        source=source,
        edition=(text_or_none(row.get("typefacility")) or "?").upper(),
        last_verified=None,  # the API page carries no date: see NO_DATE_NOTE
    )
    facility.phone = text_or_none(row.get("phone"))
    facility.intake_phone = text_or_none(row.get("intake1"))
    facility.website = valid_website(row.get("website"))
    lat, lon = row.get("latitude"), row.get("longitude")
    placed = coordinates(lat, lon)
    if placed is not None:
        facility.lat, facility.lon = placed
    elif lat not in (None, "") or lon not in (None, ""):
        stats.caveats[CAVEAT_OUTSIDE_US] += 1
    table, present = _service_codes(row.get("services"), stats)
    CodeSet(table).apply(facility, present)
    return facility


def _service_codes(services: object, stats: ImportStats) -> tuple[dict[str, Code], list[str]]:
    """The codes a record's services name (a table of their own) and the list of them."""
    table: dict[str, Code] = {}
    present: list[str] = []
    for entry in services if isinstance(services, list) else ():
        if not isinstance(entry, dict):
            continue
        category = str(entry.get("f2") or "").strip()
        for phrase in str(entry.get("f3") or "").split(";"):
            phrase = phrase.strip()
            if not phrase:
                continue
            code = code_for_words(phrase, category)
            if code is None and category == "EXCL" and _ONLY.search(phrase):
                code = Code(f"~{phrase}", "EXCL", phrase, serves_only=restriction_words(phrase))
            if code is None:
                stats.unknown_codes[f"{text_or_none(phrase)} ({category or 'no category'})"] += 1
                continue
            table[code.code] = code
            present.append(code.code)
    return table, present
