"""Reading a published table - a workbook sheet or a CSV - and finding its header row.

Used by every importer of tabular files (SAMHSA's National Directory editions,
FindTreatment.gov's "download results"). What a user downloads varies from year to
year: title rows above the header, ``Name1`` or ``NAME1`` for ``name1``, the code
legend on another sheet, UTF-16 CSVs from Excel. So a header is *found* (the first
row, within :data:`HEADER_SEARCH_ROWS`, that has every wanted column), and column
names are compared without regard to case, spaces or punctuation.

Workbooks are checked by :mod:`.workbook_check` before calamine reads them.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iopguide.directory.importers.workbook_check import EXCEL_ROWS, MAX_CELLS, check_workbook
from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".ods", ".numbers")
#: How far down a sheet the header row may sit (below title and note rows).
HEADER_SEARCH_ROWS = 30
MAX_CSV_BYTES = 256 * 1024 * 1024

Rows = list[Sequence[object]]


@dataclass
class Table:
    """The part of a sheet below its header row."""

    sheet: str  # sheet name, or the file name for a CSV
    header: list[str]  # column keys (see :func:`column_key`), one per column
    shown: list[str]  # column names as written
    rows: Rows  # data rows

    def index(self, key: str) -> int | None:
        try:
            return self.header.index(key)
        except ValueError:
            return None


def column_key(name: object) -> str:
    """'Service_code_info', 'SERVICE CODE INFO', 'service-code-info' -> 'servicecodeinfo'."""
    return re.sub(r"[^a-z0-9]", "", cell(name).lower())


def cell(value: object) -> str:
    """A cell as text: whole numbers without '.0'; empty, NaN and infinities as ''."""
    if type(value) is str:  # most cells (272,000 in the 2022 workbooks): first
        return value.strip()
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).upper()
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
    return str(value).strip()


def at(row: Sequence[object], index: int | None) -> str:
    return cell(row[index]) if index is not None and index < len(row) else ""


def texts(row: Sequence[object], columns: Sequence[tuple[str, int | None]]) -> dict[str, str]:
    """The text of each (name, column) of *row*, as :func:`at` gives it, by name.

    One dict a row: its ``__getitem__`` reads a column without a Python call (and a
    text cell, most of them, is stripped as :func:`cell` would, without one).
    """
    width = len(row)
    return {
        name: (v.strip() if type(v := row[i]) is str else cell(v))
        if i is not None and i < width
        else ""
        for name, i in columns
    }


def check_input(path: Path) -> None:
    """UsageError unless *path* is a regular file: a folder, or a FIFO or device (which
    would make reading wait for ever), is named."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UsageError(
            _("{path} does not exist.").format(path=path),
            hint=_("Check the path to the downloaded file."),
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror or err)
        ) from None
    if stat.S_ISDIR(mode):
        raise UsageError(_("{path} is a folder; give the file(s) inside it.").format(path=path))
    if not stat.S_ISREG(mode):  # a named pipe would hang the reader, a device never end
        raise UsageError(
            _("{path} is not a regular file (a pipe or a device).").format(path=path),
            hint=_("Save the download to a file first, then import that file."),
        )


def read_sheets(path: Path) -> list[tuple[str, Rows]]:
    """Every sheet of a workbook, or the one table of a CSV, as rows of cell values."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [(path.name, read_csv(path))]
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path)
    if suffix in OTHER_SPREADSHEETS:
        raise UsageError(
            f"{path.name}: iopguide reads .xlsx workbooks and .csv files, not {suffix}.",
            hint="Open it in a spreadsheet program and save it as .xlsx or CSV.",
        )
    raise UsageError(f"{path.name}: expected a workbook (.xlsx) or a CSV file (.csv).")


def find_table(sheet: str, rows: Rows, wanted: Sequence[str]) -> Table | None:
    """The table whose header (within the first rows) has every column key in *wanted*."""
    need = set(wanted)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [column_key(v) for v in row]
        if need.issubset(keys):
            return Table(sheet, keys, [cell(v) for v in row], rows[index + 1 :])
    return None


def repeats_header(row: Sequence[object], table: Table, keys: Sequence[str]) -> bool:
    """Whether *row* is the header again (files joined end to end, a page break kept)."""
    for key in keys:
        text = at(row, table.index(key))
        # A column name is short: most cells fail on length, before any folding.
        if len(text) > 2 * len(key) + 4 or column_key(text) != key:
            return False
    return True


def first_row_shown(rows: Rows) -> str:
    """The likeliest header as written - the fullest of the first rows, the earliest of
    equals (a title row above it has fewer cells) - for messages that say what was found."""
    best: list[str] = []
    for row in rows[:HEADER_SEARCH_ROWS]:
        names = [cell(v) for v in row if cell(v)]
        if len(names) > len(best):
            best = names
    if not best:
        return "(nothing)"
    more = f", ... ({len(best)} columns)" if len(best) > 20 else ""
    shown = ", ".join(best[:20]) + more
    return shown if len(shown) <= 400 else shown[:399] + "…"


def short(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 160 else text[:159] + "…"


def _read_workbook(path: Path) -> list[tuple[str, Rows]]:
    check_workbook(path)  # before calamine: it aborts the process on a huge sheet
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [
            (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names
        ]
    except Exception as err:  # calamine raises its own error types for damaged files
        raise DataError(
            [
                Problem(
                    str(path),
                    f"cannot be read as a workbook: {short(err)}",
                    hint="Download the file again; it may be damaged or not an .xlsx file.",
                )
            ],
            summary=f"{path.name} is not a readable workbook.",
        ) from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _encoding(path: Path, raw: bytes) -> tuple[str, str]:
    """(codec, what to call it) from the byte-order mark or, failing that, the NUL bytes."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, name.upper().replace("-SIG", "")
    head = raw[:4096]
    if head.count(0) * 4 >= len(head) > 0:
        odd = head[1::2].count(0)
        even = head[0::2].count(0)
        if odd > even * 4:
            return "utf-16-le", "UTF-16 (little-endian, no byte-order mark)"
        if even > odd * 4:
            return "utf-16-be", "UTF-16 (big-endian, no byte-order mark)"
        raise DataError(
            [
                Problem(
                    str(path),
                    "is not a text file (it is full of NUL bytes)",
                    hint="Give the CSV export, or the .xlsx workbook itself.",
                )
            ],
            summary=f"{path.name} is not a CSV file.",
        )
    return "utf-8", "UTF-8"


def read_csv(path: Path) -> Rows:
    """A CSV file's rows, read as a stream. Records end only at CR/LF (not at U+2028,
    U+0085 or \\x1c-\\x1e); a line break inside a quoted field stays in the field."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as err:
        raise DataError([Problem(str(path), f"cannot be read: {err.strerror or err}")]) from None
    if size > MAX_CSV_BYTES:
        raise DataError(
            [
                Problem(
                    str(path),
                    f"is {size:,} bytes; iopguide reads CSV files of at most "
                    f"{MAX_CSV_BYTES:,} bytes",
                )
            ]
        )
    codec, described = _encoding(path, head)
    try:
        return _csv_rows(path, codec, "strict")
    except UnicodeDecodeError:
        if codec != "utf-8":
            raise DataError(
                [
                    Problem(
                        str(path),
                        f"starts like {described} text but is not valid {described}",
                        hint="Export the CSV again as UTF-8.",
                    )
                ],
                summary=f"{path.name} cannot be decoded.",
            ) from None
        return _csv_rows(path, "cp1252", "replace")  # older exports: Windows-1252


def _csv_rows(path: Path, encoding: str, errors: str) -> Rows:
    rows: Rows = []
    cells = 0
    try:
        with path.open(encoding=encoding, errors=errors, newline="") as handle:
            reader = csv.reader(handle)
            for row in reader:
                rows.append(row)
                cells += len(row)
                # 256 MB of commas or line ends would take gigabytes as lists of cells
                if cells > MAX_CELLS or len(rows) > EXCEL_ROWS:
                    raise DataError(
                        [
                            Problem(
                                f"{path}:{reader.line_num}",
                                f"has more than {MAX_CELLS:,} cells or {EXCEL_ROWS:,} rows; "
                                f"iopguide reads tables of at most {MAX_CELLS:,} cells in "
                                f"{EXCEL_ROWS:,} rows (a spreadsheet's limits)",
                                hint="Give only the facility table, as downloaded.",
                            )
                        ],
                        summary=f"{path.name} is too large to import.",
                    )
    except csv.Error as err:
        raise DataError(
            [
                Problem(
                    f"{path}:{reader.line_num}",
                    f"is not readable CSV: {err}",
                    hint="Export the sheet again as CSV (comma-separated, UTF-8).",
                )
            ],
            summary=f"{path.name} is not a readable CSV file.",
        ) from None
    except OSError as err:
        raise DataError([Problem(str(path), f"cannot be read: {err.strerror or err}")]) from None
    return rows
