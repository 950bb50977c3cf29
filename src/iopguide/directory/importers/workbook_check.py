"""Checks an .xlsx file before calamine is asked to build a grid from it.

calamine allocates a sheet's whole rectangle at once: one value at ``XFD1048576`` in a
1.5 KB file asks for 17 billion cells (512 GB) and the process aborts with a Rust
backtrace that no ``except`` can catch. So the zip is read here first, with
:mod:`zipfile`, as a stream and within byte limits:

* every part calamine may open (all but ``docProps/`` and ``customXml/`` parts that
  nothing under ``xl/`` points to) must be stored or deflated, not encrypted, within
  :data:`MAX_ENTRY_BYTES` (:data:`MAX_TOTAL_BYTES` together), and is read through once,
  so a part that unpacks to more than its header says fails its CRC check here;
* every XML part is scanned for cells (which part is a sheet is the relationships' to
  say, and a hostile file can say it in ways a quick reading would miss): the furthest
  cell and any ``<dimension>`` must be a real address (at most ``XFD1048576``), the
  rectangle at most :data:`MAX_CELLS` cells, the shared strings at most
  :data:`MAX_STRINGS`.

The importer reads the one side part it wants, ``docProps/core.xml`` (the creation date),
itself with a byte limit (:func:`read_small_entry`); an odd one means "no date".
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
#: Shared strings (distinct texts) in one part; the 2022 substance-use workbook has 61,846.
MAX_STRINGS = 5_000_000
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
            referenced = _xl_targets(archive)
            sheets = _xml_parts(archive, referenced)
            _check_entries(path, archive, referenced, sheets)
            for entry in sheets:
                _check_sheet(path, archive, entry)
    except zipfile.BadZipFile as err:
        if _starts_with(path, b"\xd0\xcf\x11\xe0"):  # an OLE file: .xls, or a password
            raise _error(
                path,
                "is not an .xlsx inside: it is an older .xls workbook or one saved with a "
                "password.",
                hint="Open it in a spreadsheet program and save it as .xlsx (no password) "
                "or as CSV.",
            ) from None
        raise _error(path, f"cannot be read as a workbook: {err}") from None
    except (zipfile.LargeZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as e:
        raise _error(path, f"cannot be read as a workbook: {e}") from None
    except OSError as err:
        raise _error(path, f"cannot be read: {err.strerror or err}") from None


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


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


def _check_entries(
    path: Path, archive: zipfile.ZipFile, referenced: set[str], sheets: list[str]
) -> None:
    """Every part calamine may read: readable, within limits, and as long as it says.

    Only ``docProps/`` and ``customXml/`` parts that nothing under ``xl/`` points to may be
    odd (encrypted, another compression method, huge): calamine never opens them, and the
    importer reads ``docProps/core.xml`` itself with a limit. Parts that are not sheets
    are read through here once (sheets are read by :func:`_scan`), so a part that
    unpacks to more than its header says fails its CRC check before calamine sees it.
    Parts that are not XML (.rels are XML too) are few and small in a real workbook.
    """
    total = 0
    for info in archive.infolist():
        name = info.filename
        if _side_part(name, referenced):
            continue
        if info.flag_bits & 0x1:
            raise _error(
                path,
                f"part {name} is encrypted (password-protected).",
                hint="Save the workbook again without a password.",
            )
        if info.compress_type not in _READABLE:
            raise _error(
                path,
                f"part {name} uses compression method "
                f"{info.compress_type}, which iopguide does not read.",
            )
        if info.file_size > MAX_ENTRY_BYTES:
            raise _error(
                path,
                f"part {name} unpacks to {info.file_size:,} bytes; "
                f"iopguide reads at most {MAX_ENTRY_BYTES:,} bytes per part.",
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _error(
                path,
                f"unpacks to more than {MAX_TOTAL_BYTES:,} bytes; iopguide reads workbooks "
                f"of at most {MAX_TOTAL_BYTES:,} bytes unpacked.",
            )
    for info in archive.infolist():
        name = info.filename
        if name in sheets or _side_part(name, referenced):
            continue
        with archive.open(info) as handle:  # raises BadZipFile on a CRC mismatch
            while handle.read(_CHUNK):
                pass


_TARGET = re.compile(rb"""\bTarget\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RELS_LIMIT = 16 * 1024 * 1024


def _xl_targets(archive: zipfile.ZipFile) -> set[str]:
    """Every part named by a relationship file under ``xl/`` (as a zip entry name)."""
    targets: set[str] = set()
    for info in archive.infolist():
        name = info.filename
        if not (name.startswith("xl/") and name.endswith(".rels")):
            continue
        if info.flag_bits & 0x1 or info.compress_type not in _READABLE:
            continue  # refused by _check_entries
        base = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/x.rels -> xl
        with archive.open(info) as handle:
            data = handle.read(_RELS_LIMIT)
        for match in _TARGET.finditer(data):
            value = (match.group(1) or match.group(2) or b"").decode("utf-8", "replace")
            targets.add(
                value.lstrip("/")
                if value.startswith("/")
                else posixpath.normpath(posixpath.join(base, value))
            )
    return targets


def _side_part(name: str, referenced: set[str]) -> bool:
    """A ``docProps/`` or ``customXml/`` part nothing under ``xl/`` points to."""
    return name.startswith(("docProps/", "customXml/")) and name not in referenced


def _xml_parts(archive: zipfile.ZipFile, referenced: set[str]) -> list[str]:
    """Every XML part calamine may read: each is scanned as if it were a sheet.

    Which part is a sheet is for the relationships to say, and a hostile file can say it
    in ways a quick reading would miss; scanning shared strings and styles too costs a
    few tens of milliseconds and cannot miss a sheet.
    """
    return [
        info.filename
        for info in archive.infolist()
        if info.filename.endswith(".xml") and not _side_part(info.filename, referenced)
    ]


_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(c|row|dimension)(?=[\s/>])((?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>"
)
_ATTR_R = re.compile(rb"(?:^|\s)(r|ref)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CARRY_LIMIT = 1 << 20


class _Extent:
    """Tracks the furthest cell of one sheet that holds something, tag by tag.

    Regular expressions over the raw XML, not a parser: anything that looks like a cell
    counts against the file, so a comment or CDATA that looks like a far cell is refused
    (never a real cell overlooked), and an address it cannot read is refused too.
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
                    raise _TooLarge(f"a cell named {ref[:40]!r}, which is not a cell address")
                else:
                    self.col += 1
                # <c .../> holds nothing; anything else may hold a value
                if not attrs.endswith(b"/"):
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
# The same tags without a namespace prefix: where no ":c" occurs, no tag has one, and this
# pattern (starting with the literal "<c") is about twice as fast to count with.
_PLAIN_CELL_OPEN = re.compile(rb"<c[\s/>]")
# Cells exactly as Excel writes them. Each is also a _CELL_OPEN match, so equal counts
# mean every cell tag is one of these. Both start with a literal the regex engine finds fast.
_FAST_ROWS = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_FAST_COLUMNS = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"')
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*>")


def _fast_extent(extent: _Extent, data: bytes) -> bool:
    """The common case, at regex speed: every cell tag starts as Excel writes it
    (``<c r="B7"``). Counts empty cells too (harmless: a legible sheet is never that wide).
    Returns False, having changed nothing, when some cell is written any other way."""
    prefixed = b":c" in data
    if b"dimension" not in data and (
        (not prefixed and b"<c" not in data) or _CELL_OPEN.search(data) is None
    ):
        return True  # no cells here (shared strings, styles): nothing to measure
    rows = _FAST_ROWS.findall(data)
    if len((_CELL_OPEN if prefixed else _PLAIN_CELL_OPEN).findall(data)) != len(rows):
        return False
    if rows:
        columns = set(_FAST_COLUMNS.findall(data))
        extent._reach(max(map(int, rows)), max(map(column_number, columns)))
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
    strings = 0
    with archive.open(entry) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            data = carry + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            if cut < 0:
                cut = len(data)
            # Shared strings: calamine keeps each one (24 bytes before its text), and
            # 256 MB of "<si/>" would be 50 million of them.
            strings += data.count(b"<si", 0, cut) + data.count(b":si", 0, cut)
            if strings > MAX_STRINGS:
                raise _TooLarge(f"more than {MAX_STRINGS:,} shared strings")
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
