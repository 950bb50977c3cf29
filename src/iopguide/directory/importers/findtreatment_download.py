"""FindTreatment.gov's "download results" files (.csv or .xlsx).

SAMHSA names them ``FindTreament_Facility_listing_YYYY_MM_DD_HHMMSS`` (sic). A few
title rows sit above one wide header: the National Directory's name and address
columns, ``website, latitude, longitude, type_facility``, then one column per service
code (``OIT``, ``MD`` ...) holding 1 where the facility offers it. The codes are the
National Directory's; the file carries no legend, so :mod:`.codes` is the legend, and a
code column it does not know is reported (never dropped silently).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from iopguide.directory.importers import codes as code_tables
from iopguide.directory.importers.code_sets import edition_codes
from iopguide.directory.importers.common import (
    CAVEAT_OUTSIDE_US,
    Collector,
    Facility,
    ImportStats,
    ProgressCallback,
    shown_name,
    text_or_none,
    valid_website,
)
from iopguide.directory.importers.coordinates import coordinates
from iopguide.directory.importers.rows import data_rows, facility_from
from iopguide.directory.importers.tables import (
    Table,
    at,
    column_key,
    find_table,
    first_row_shown,
    read_sheets,
)
from iopguide.errors import DataError, Problem

TITLE = "FindTreatment.gov download"
REQUIRED_COLUMNS = (
    "name1",
    "street1",
    "city",
    "state",
    "zip",
    "latitude",
    "longitude",
    "type_facility",
)
TEXT_COLUMNS = (
    *REQUIRED_COLUMNS,
    "name2",
    "street2",
    "phone",
    "intake1",
    "intake2",
    "intake1a",
    "intake2a",
    "hotline1",
    "website",
    "frid",
    "county",
    "zip4",
    "miles",
    "service_code_info",
)
_TEXT_KEYS = frozenset(column_key(c) for c in TEXT_COLUMNS)
_REQUIRED_KEYS = tuple(column_key(c) for c in REQUIRED_COLUMNS)
_YES = frozenset({"1", "TRUE", "Y", "YES", "X"})
_NAME_DATE = re.compile(r"(20\d{2})_(\d{2})_(\d{2})")


def read_download(
    path: Path,
    stats: ImportStats,
    collector: Collector,
    on_progress: ProgressCallback | None = None,
) -> tuple[str, int]:
    """Add the facilities of one download to *collector*; (source title, rows read)."""
    table = _facility_table(path)
    match = _NAME_DATE.search(path.stem)
    title = TITLE + (f" of {match.group(1)}-{match.group(2)}-{match.group(3)}" if match else "")
    name = shown_name(path)
    source = f"{title} ({name})"
    get = {key: table.index(key) for key in _TEXT_KEYS}
    code_columns = _code_columns(table, stats)
    before = stats.read
    for row in data_rows(table, _REQUIRED_KEYS, stats, name, on_progress):
        present = [code for index, code in code_columns if at(row, index).upper() in _YES]
        facility = _facility(row, get, source, stats)
        if facility is None:
            continue
        # The substance-use edition's age codes are not trusted (codes.for_edition).
        edition = next(iter(facility.editions))
        for code in edition_codes(edition).apply(facility, present):
            stats.unknown_codes[f"{code} (a column of the download iopguide does not know)"] += 1
        collector.add(facility, name)
    return title, stats.read - before


def _facility_table(path: Path) -> Table:
    found: list[str] = []
    for name, rows in read_sheets(path):
        table = find_table(name, rows, _REQUIRED_KEYS)
        if table is not None:
            return table
        found.append(f"sheet {name!r}: {first_row_shown(rows)}")
    problems = [
        Problem(
            str(path),
            f"no header row with the FindTreatment.gov download columns: "
            f"{', '.join(REQUIRED_COLUMNS)} (then one column per service code).",
            hint="Give the file as downloaded from FindTreatment.gov ('download results'), "
            "or a National Directory workbook with source samhsa.",
        )
    ]
    problems.extend(Problem(str(path), f"found {what}") for what in found)
    raise DataError(problems, summary=f"{path.name} is not a FindTreatment.gov download.")


def _code_columns(table: Table, stats: ImportStats) -> list[tuple[int, str]]:
    """(column, code) for every column after the text columns; names as the codes."""
    columns: list[tuple[int, str]] = []
    ignored: list[str] = []
    for index, key in enumerate(table.header):
        if not key or key in _TEXT_KEYS:
            continue
        code = table.shown[index].strip().upper()
        if code in code_tables.CODES or re.fullmatch(r"[A-Z0-9~]{1,8}", code):
            columns.append((index, code))
        else:
            ignored.append(table.shown[index])
    if ignored:
        stats.notes.append(
            f"columns not used: {', '.join(ignored[:12])}"
            + (f" and {len(ignored) - 12} more" if len(ignored) > 12 else "")
        )
    return columns


def _facility(
    row: Sequence[object], get: dict[str, int | None], source: str, stats: ImportStats
) -> Facility | None:
    def value(key: str) -> str:
        return at(row, get.get(key))

    facility = facility_from(
        value,
        stats,
        source=source,
        edition=(text_or_none(value("typefacility")) or "?").upper(),
        last_verified=None,  # the download date is when it was saved, not when checked
    )
    if facility is None:
        return None
    facility.website = valid_website(value("website"))
    lat, lon = value("latitude"), value("longitude")
    placed = coordinates(lat, lon)
    if placed is not None:
        facility.lat, facility.lon = placed
    elif lat or lon:
        stats.caveats[CAVEAT_OUTSIDE_US] += 1
    return facility
