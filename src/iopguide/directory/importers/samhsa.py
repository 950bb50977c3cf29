"""SAMHSA's National Directory workbooks (substance use and mental health editions).

Each published ``.xlsx`` has a facility sheet (``name1, name2, street1, street2,
city, state, zip, phone, intake1, intake2, intake1a, intake2a,
service_code_info``) and a code legend (``category_code, category_name,
service_code, service_name, service_description``). Editions since 2022 differ in
file names, capitalisation, title rows above the header and which sheet holds the
legend: :mod:`.tables` finds both tables wherever they are. A CSV export of the
facility sheet works too; it has no legend, so the names in :mod:`.codes` are used.

The reader is python-calamine (Rust): on the 2022 substance-use workbook it
reads both sheets in about 0.2 s where openpyxl's read-only mode needs about
1.9 s (measured on the 2-core build machine). calamine aborts the process on a
huge sheet, so :mod:`.workbook_check` looks first (about 0.3-0.5 s more).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from iopguide.directory.importers import codes as code_tables
from iopguide.directory.importers.common import (
    CodeSet,
    Collector,
    ImportResult,
    ImportStats,
    ProgressCallback,
    shown_name,
)
from iopguide.directory.importers.rows import FACILITY_COLUMNS, data_rows, facility_from
from iopguide.directory.importers.tables import (
    HEADER_SEARCH_ROWS,
    WORKBOOK_SUFFIXES,
    Table,
    at,
    check_input,
    column_key,
    find_table,
    first_row_shown,
    read_sheets,
    texts,
)
from iopguide.directory.importers.workbook_check import read_small_entry
from iopguide.directory.model import DirectoryInfo
from iopguide.errors import DataError, Problem

REQUIRED_COLUMNS = ("name1", "street1", "city", "state", "zip", "service_code_info")
OPTIONAL_COLUMNS = ("name2", "street2", "phone", "intake1", "intake2", "intake1a", "intake2a")
REFERENCE_COLUMNS = ("category_code", "category_name", "service_code", "service_name")

EDITION_TITLES = {
    "SA": "SAMHSA National Directory of Substance Use Treatment Facilities",
    "MH": "SAMHSA National Directory of Mental Health Treatment Facilities",
    None: "SAMHSA National Directory of Treatment Facilities",
}


@dataclass
class SourceFile:
    """One input file, read: its facility table and what it says about itself."""

    path: Path
    table: Table
    reference: dict[str, code_tables.ReferenceEntry] | None
    created: str | None  # ISO date the workbook was produced (its own metadata)


def import_samhsa(
    files: Sequence[Path], *, on_progress: ProgressCallback | None = None
) -> ImportResult:
    """Read National Directory workbooks (or CSV exports) into one merged directory."""
    stats = ImportStats()
    collector = Collector(stats)
    editions: list[tuple[str | None, str | None, str]] = []  # (edition, year, file name)
    for path in files:
        source = read_source(path)
        edition, year = _edition_and_year(source)
        title = EDITION_TITLES[edition] + (f", {year}" if year else "")
        last_verified = source.created or (f"{year}-01-01" if year else None)
        table, warnings = _code_table(source)
        table = code_tables.for_edition(table, edition)
        name = shown_name(path)
        stats.warnings.extend(f"{name}: {w}" for w in warnings)
        rows_before = stats.read
        _read_rows(
            source, table, title, edition or "?", last_verified, collector, stats, on_progress
        )
        stats.files.append((name, title, stats.read - rows_before))
        editions.append((edition, year, name))
    programs = collector.programs()
    return ImportResult(_directory_info(editions), programs, stats)


# --- reading files -----------------------------------------------------------------------


def read_source(path: Path) -> SourceFile:
    """Read a workbook or CSV; raise UsageError/DataError with the file named.

    The facility table and the code legend are found on whichever sheets hold them,
    with their header rows wherever they are in the first rows.
    """
    check_input(path)
    facility: Table | None = None
    reference: dict[str, code_tables.ReferenceEntry] | None = None
    found: list[str] = []
    for name, rows in read_sheets(path):
        table = find_table(name, rows, _REQUIRED_KEYS) if facility is None else None
        if table is not None:
            facility = table
            continue
        legend = find_table(name, rows, _REFERENCE_KEYS) if reference is None else None
        if legend is not None:
            reference = _reference(legend)
            continue
        found.append(f"sheet {name!r}: {first_row_shown(rows)}")
    if facility is None:
        raise _layout_error(path, found)
    created = _created_date(path) if path.suffix.lower() in WORKBOOK_SUFFIXES else None
    return SourceFile(path, facility, reference, created)


_REQUIRED_KEYS = tuple(column_key(c) for c in REQUIRED_COLUMNS)
_REFERENCE_KEYS = tuple(column_key(c) for c in REFERENCE_COLUMNS)


def _layout_error(path: Path, found: list[str]) -> DataError:
    if any("latitude" in what.lower() and "type_facility" in what.lower() for what in found):
        return DataError(
            [
                Problem(
                    str(path),
                    "is a FindTreatment.gov download, not a National Directory workbook.",
                    hint=f"Import it with the source findtreatment: iopguide directory "
                    f"import findtreatment {shlex.quote(path.name)} --output FILE",
                )
            ],
            summary=f"{path.name} is not in the National Directory layout.",
        )
    expected = ", ".join(REQUIRED_COLUMNS)
    problems = [
        Problem(
            str(path),
            f"no sheet has the National Directory facility columns. Expected: {expected} "
            f"(and optionally {', '.join(OPTIONAL_COLUMNS)}), in any case, in a header row "
            f"within the first {HEADER_SEARCH_ROWS} rows.",
            hint="Use the workbook as downloaded from SAMHSA, or a CSV export of its "
            "facility sheet with the header row kept.",
        )
    ]
    problems.extend(Problem(str(path), f"found {what}") for what in found)
    return DataError(problems, summary=f"{path.name} is not in the National Directory layout.")


def _reference(legend: Table) -> dict[str, code_tables.ReferenceEntry]:
    col = {name: legend.index(column_key(name)) for name in REFERENCE_COLUMNS}
    table: dict[str, code_tables.ReferenceEntry] = {}
    for row in legend.rows:
        code = at(row, col["service_code"])
        if not code:
            continue
        table[code] = code_tables.ReferenceEntry(
            category=at(row, col["category_code"]),
            category_name=" ".join(at(row, col["category_name"]).split()),
            name=" ".join(at(row, col["service_name"]).split()),
        )
    return table


_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})")


def _created_date(path: Path) -> str | None:
    """The date the workbook was produced, from its own docProps/core.xml (read with a
    byte limit: a part that is huge, encrypted or oddly compressed means "no date")."""
    core = read_small_entry(path, "docProps/core.xml")
    match = _CREATED.search(core) if core else None
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1).decode()).isoformat()
    except ValueError:
        return None


# --- rows ----------------------------------------------------------------------------


def _code_table(source: SourceFile) -> tuple[dict[str, code_tables.Code], list[str]]:
    if source.reference is None:
        return dict(code_tables.CODES), []
    table, warnings = code_tables.check_reference(source.reference)
    reworded = _reworded(source.reference, table)
    if reworded:
        shown = "; ".join(reworded[:5]) + (
            f"; and {len(reworded) - 5} more" if len(reworded) > 5 else ""
        )
        many = len(reworded) > 1
        warnings.append(
            f"{len(reworded)} {'codes are' if many else 'code is'} worded differently in "
            f"this file's legend than iopguide knows {'them' if many else 'it'}, and read "
            f"with the meaning iopguide knows - check: {shown}"
        )
    return table, warnings


def _reworded(
    reference: dict[str, code_tables.ReferenceEntry], table: dict[str, code_tables.Code]
) -> list[str]:
    """Codes applied with iopguide's meaning whose legend wording differs (none in 2022)."""
    found = []
    for code, entry in reference.items():
        known = code_tables.CODES.get(code)
        if known is None or table.get(code) is not known:
            continue
        wordings = {code_tables.normalise_words(w) for w in (known.name, *known.words)}
        if code_tables.normalise_words(entry.name) not in wordings:
            found.append(
                f"{code} is {_short(entry.name)!r} here, {_short(known.name)!r} to iopguide"
            )
    return found


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_rows(
    source: SourceFile,
    table: dict[str, code_tables.Code],
    title: str,
    edition: str,
    last_verified: str | None,
    collector: Collector,
    stats: ImportStats,
    on_progress: ProgressCallback | None,
) -> None:
    columns = [
        (name, source.table.index(column_key(name)))
        for name in (*FACILITY_COLUMNS, "service_code_info")
    ]
    label = shown_name(source.path)
    reference = source.reference or {}
    codes = CodeSet(table)
    for row in data_rows(source.table, _REQUIRED_KEYS, stats, label, on_progress):
        value = texts(row, columns)
        facility = facility_from(
            value.__getitem__, stats, source=title, edition=edition, last_verified=last_verified
        )
        if facility is None:
            continue
        for code in codes.apply(facility, value["service_code_info"].split()):
            entry = reference.get(code)
            described = f"{code} ({entry.name if entry else 'not in the reference sheet'})"
            stats.unknown_codes[described] += 1
        collector.add(facility, label)


def _edition_and_year(source: SourceFile) -> tuple[str | None, str | None]:
    stem = source.path.stem
    edition: str | None = None
    # National_Directory_SA_..._2022, national-directory-su-facilities-2023, ... SU 2024_Final
    match = re.search(r"(?:^|[^A-Za-z])(SA|SU|MH)(?:[^A-Za-z]|$)", stem, re.IGNORECASE)
    if match:
        edition = "MH" if match.group(1).upper() == "MH" else "SA"
    elif source.reference is not None:
        if "OIT" in source.reference or "DT" in source.reference:
            edition = "SA"
        elif "PHDT" in source.reference or "MH" in source.reference:
            edition = "MH"
    else:
        edition = _edition_from_rows(source)
    year_match = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", stem)
    year = year_match.group(1) if year_match else (source.created or "")[:4] or None
    return edition, year


def _edition_from_rows(source: SourceFile) -> str | None:
    index = source.table.index("servicecodeinfo")
    seen_sa = False
    for row in source.table.rows[:2000]:
        codes = set(at(row, index).split())
        if "MH" in codes or "PHDT" in codes:
            return "MH"
        seen_sa = seen_sa or bool(codes & {"OIT", "ODT", "DT", "HH"})
    return "SA" if seen_sa else None


def _directory_info(editions: list[tuple[str | None, str | None, str]]) -> DirectoryInfo:
    years = sorted({y for _, y, _ in editions if y})
    span = years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}" if years else ""
    name = f"SAMHSA National Directory {span} (imported)".replace("  ", " ")
    parts = []
    for edition, year, file_name in editions:
        title = EDITION_TITLES[edition] + (f", {year}" if year else "")
        parts.append(f"{title} ({file_name})")
    source = "; ".join(parts) + ". Coordinates are ZIP-code centres."
    return DirectoryInfo(name=name, source=source, sample=False, updated=date.today().isoformat())
