"""Checks an .xlsx file before calamine is asked to build a grid from it.

calamine allocates a sheet's whole rectangle at once: one value at ``XFD1048576`` in a
1.5 KB file asks for 17 billion cells (512 GB) and the process aborts with a Rust
backtrace that no ``except`` can catch. So the zip entries and the sheets are read here
first, with :mod:`zipfile` and a streaming XML parser, within byte limits:

* every entry calamine may read (everything under ``xl/``) must be stored or deflated,
  not encrypted, and within :data:`MAX_ENTRY_BYTES` (:data:`MAX_TOTAL_BYTES` together);
  a size the archive understates fails its CRC check while being read here;
* each sheet's extent - the furthest row and column holding a value, and its
  ``<dimension>`` - must be a real Excel address (at most ``XFD1048576``) and its
  rectangle at most :data:`MAX_CELLS` cells.

``docProps`` and ``customXml`` entries are not calamine's business: the importer reads
the one it wants (the creation date) itself, with a byte limit (:func:`read_small_entry`).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from iopguide.errors import DataError, Problem

MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: The largest sheet rectangle read (rows x columns). calamine holds about 32 bytes a cell,
#: so this is at most ~640 MB. The 2022 National Directory sheets are 12,177 x 13; a
#: FindTreatment.gov download of every facility would be roughly 100,000 rows by 100-200
#: columns (an estimate: one column per service code).
MAX_CELLS = 20_000_000
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384  # column XFD
_CHUNK = 1 << 20
_READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_REF = re.compile(r"^\$?([A-Za-z]{1,10})\$?([0-9]{1,10})$")
_HINT = (
    "Download the file again from SAMHSA; if it is right, open it in a spreadsheet "
    "program and save only the facility table as a new .xlsx or as CSV."
)


class _TooLarge(Exception):
    pass


def column_number(letters: str | bytes) -> int:
    """'A' -> 1, 'XFD' -> 16384 (any length; the caller checks the range)."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ((char if isinstance(char, int) else ord(char)) - 64)
    return number


def check_workbook(path: Path) -> None:
    """Raise :class:`DataError` unless *path* is an .xlsx calamine can read within limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(path, archive)
            for entry in _sheet_entries(archive):
                _check_sheet(path, archive, entry)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as err:
        raise _error(path, f"cannot be read as a workbook: {err}") from None
    except OSError as err:
        raise _error(path, f"cannot be read: {err.strerror or err}") from None


def read_small_entry(path: Path, name: str, limit: int = 64 * 1024) -> bytes | None:
    """The first *limit* bytes of one zip entry, or None when it cannot be read safely."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name)
            if info.flag_bits & 0x1 or info.compress_type not in _READABLE:
                return None
            with archive.open(info) as handle:
                return handle.read(limit)
    except (
        OSError,
        KeyError,
        RuntimeError,
        NotImplementedError,
        EOFError,
        zlib.error,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
    ):
        return None


def _error(path: Path, what: str, hint: str = _HINT) -> DataError:
    return DataError(
        [Problem(str(path), what, hint=hint)],
        summary=f"{path.name} is not a workbook iopguide can read safely.",
    )


def _check_entries(path: Path, archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        if not info.filename.startswith("xl/"):
            continue  # docProps, customXml: read by us with a limit, or not at all
        if info.flag_bits & 0x1:
            raise _error(
                path,
                f"part {info.filename} is encrypted (password-protected).",
                hint="Save the workbook again without a password.",
            )
        if info.compress_type not in _READABLE:
            raise _error(
                path,
                f"part {info.filename} uses compression method "
                f"{info.compress_type}, which iopguide does not read.",
            )
        if info.file_size > MAX_ENTRY_BYTES:
            raise _error(
                path,
                f"part {info.filename} unpacks to {info.file_size:,} bytes; "
                f"iopguide reads at most {MAX_ENTRY_BYTES:,} bytes per part.",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _error(
            path,
            f"unpacks to {total:,} bytes; iopguide reads workbooks of at "
            f"most {MAX_TOTAL_BYTES:,} bytes unpacked.",
        )


def _sheet_entries(archive: zipfile.ZipFile) -> list[str]:
    """Every worksheet part: those the workbook's relationships name, and xl/worksheets/*."""
    names = set(archive.namelist())
    found = {
        n
        for n in names
        if n.startswith("xl/worksheets/") and n.endswith(".xml") and "/_rels/" not in n
    }
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        with archive.open(rels) as handle:
            text = handle.read(MAX_ENTRY_BYTES).decode("utf-8", "replace")
        for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", text):
            kind = re.search(r'\bType="([^"]*)"', tag)
            target = re.search(r'\bTarget="([^"]*)"', tag)
            if kind and target and kind.group(1).endswith("/worksheet"):
                value = target.group(1)
                resolved = (
                    value.lstrip("/")
                    if value.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", value))
                )
                if resolved in names:
                    found.add(resolved)
    return sorted(found)


_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(c|row|dimension)(?=[\s/>])((?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>"
)
_ATTR_R = re.compile(rb"(?:^|\s)(r|ref)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CARRY_LIMIT = 1 << 20


class _Extent:
    """Tracks the furthest cell of one sheet that holds something, tag by tag.

    A regular expression over the raw XML, not a parser: about ten times faster on the
    national workbooks, and anything it cannot read as a cell address counts against the
    file (a comment or CDATA that looks like a far cell is refused, never overlooked).
    """

    def __init__(self) -> None:
        self.row = 0  # current row number (rows and cells may omit r="...")
        self.col = 0  # current column number in that row
        self.max_row = 0
        self.max_col = 0

    def feed(self, data: bytes) -> None:
        for match in _TAG.finditer(data):
            kind, attrs = match.groups()
            found = _ATTR_R.search(attrs)
            ref = (found.group(2) or found.group(3) or b"").decode("latin-1") if found else ""
            if kind == b"c":
                cell = _REF.match(ref) if ref else None
                if cell:
                    self.row, self.col = int(cell.group(2)), column_number(cell.group(1))
                elif ref:
                    raise _TooLarge(f"a cell address {ref[:40]!r} that is not a cell address")
                else:
                    self.col += 1
                if not attrs.endswith(
                    b"/"
                ):  # <c .../> holds nothing; anything else may hold a value
                    self._reach(self.row, self.col)
            elif kind == b"row":
                self.row = int(ref) if ref.isdigit() and len(ref) <= 10 else self.row + 1
                self.col = 0
            else:  # dimension: its corners must be real cell addresses too
                for part in ref.split(":"):
                    corner = _REF.match(part)
                    if corner:
                        self._check(int(corner.group(2)), column_number(corner.group(1)))

    def _reach(self, row: int, col: int) -> None:
        self._check(row, col)
        if row > self.max_row or col > self.max_col:
            self.max_row = max(self.max_row, row)
            self.max_col = max(self.max_col, col)
            if self.max_row * self.max_col > MAX_CELLS:
                raise _TooLarge(
                    f"values as far as row {self.max_row:,} and column {self.max_col:,}: "
                    f"a grid of {self.max_row * self.max_col:,} cells; iopguide reads at "
                    f"most {MAX_CELLS:,} cells per sheet"
                )

    @staticmethod
    def _check(row: int, col: int) -> None:
        if row > EXCEL_ROWS or col > EXCEL_COLUMNS:
            raise _TooLarge(
                f"a cell at row {row:,}, column {col:,}: beyond the last cell a workbook "
                f"can have (XFD{EXCEL_ROWS})"
            )


_CELL_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_R_VALUE = re.compile(rb"\sr\s*=\s*[\"']([A-Za-z]{0,10})([0-9]{1,10})[\"']")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*>")


def _fast_extent(extent: _Extent, data: bytes) -> bool:
    """The common case, at regex speed: every cell names its address (r="B7").

    Counts empty cells too (harmless: a legible sheet is never that wide). Returns False,
    having changed nothing, when some cell has no readable address.
    """
    refs = _R_VALUE.findall(data)
    cells = len(_CELL_OPEN.findall(data))
    columns = {letters for letters, _ in refs if letters}
    if cells != sum(1 for letters, _ in refs if letters):
        return False
    if cells:
        extent._reach(
            max(int(digits) for letters, digits in refs if letters),
            max(column_number(letters) for letters in columns),
        )
    for tag in _DIMENSION.findall(data):
        extent.feed(tag)
    return True


def _check_sheet(path: Path, archive: zipfile.ZipFile, entry: str) -> None:
    try:
        if not _scan(archive, entry, fast=True):
            _scan(archive, entry, fast=False)
    except _TooLarge as err:
        raise _error(
            path,
            f"sheet part {entry} has {err}. The file is damaged or was made "
            "to exhaust memory; it was not read.",
        ) from None


def _scan(archive: zipfile.ZipFile, entry: str, *, fast: bool) -> bool:
    """Stream one sheet part through the extent checks; False if *fast* could not be used."""
    extent = _Extent()
    carry = b""
    with archive.open(entry) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            data = carry + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            if cut < 0:
                cut = len(data)
            if fast:
                if not _fast_extent(extent, data[:cut]):
                    return False
            else:
                extent.feed(data[:cut])
            carry = data[cut:]
            if len(carry) > _CARRY_LIMIT:
                raise _TooLarge(f"a tag or text longer than {_CARRY_LIMIT:,} bytes")
            if not chunk:
                return True
