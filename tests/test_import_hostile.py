"""Hostile workbooks and CSVs, built at test time, given to the real importer in a subprocess.

calamine aborts the whole process (a Rust panic, exit 134) when asked for a huge grid, so
these run ``python -m iopguide`` in a child: an abort there fails the test instead of
killing the test run. Each must end with exit 1, a message naming the file, no traceback
or panic, and no output file.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from import_fixtures import facility_row, write_directory_workbook
from iopguide.directory.importers import collect as common
from iopguide.directory.importers.findtreatment import import_findtreatment
from iopguide.directory.importers.samhsa import import_samhsa
from iopguide.errors import DataError, UsageError

SA_ROW = facility_row("Hostile Test Recovery Center", "SA * OIT * MD")


def run_import(*files: Path, out: Path, source: str = "samhsa") -> subprocess.CompletedProcess:
    env = {**os.environ, "IOPGUIDE_PLAIN": "1", "COLUMNS": "200", "RUST_BACKTRACE": "0"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "iopguide",
            "directory",
            "import",
            source,
            *map(str, files),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def assert_refused(proc: subprocess.CompletedProcess, out: Path, *words: str) -> str:
    said = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode == 1, said
    assert "Traceback" not in said and "panicked" not in said
    assert "unexpected problem" not in said.lower()
    for word in words:
        assert word in said, said
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")]
    return said


def rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing, adding or (with None) removing the named entries' bytes."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return dst


def sheet_with(extra_rows: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>name1</t></is></c></row>'
        f"{extra_rows}</sheetData></worksheet>"
    ).encode()


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    return write_directory_workbook(tmp_path / "good.xlsx", [SA_ROW])


def test_one_cell_at_the_last_address_is_refused_before_calamine(good, tmp_path):
    bad = rewrite(
        good,
        tmp_path / "xfd.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
            )
        },
    )
    assert bad.stat().st_size < 4000
    said = assert_refused(
        run_import(bad, out=tmp_path / "o.json"),
        tmp_path / "o.json",
        "xfd.xlsx",
        "1,048,576",
        "16,384",
    )
    assert "not read" in said


def test_a_far_cell_with_a_namespace_prefix_is_refused(good, tmp_path):
    """``<x:c>`` is a cell too: the quick count of plain ``<c`` tags must not miss it."""
    bad = rewrite(
        good,
        tmp_path / "prefixed.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                '<row r="1048576"><x:c xmlns:x="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main" r="XFD1048576"><x:v>1</x:v></x:c></row>'
            )
        },
    )
    assert_refused(run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "1,048,576")


def test_a_header_cell_at_column_zzzzzz_is_refused(good, tmp_path):
    bad = rewrite(
        good,
        tmp_path / "zzz.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                '<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'
            )
        },
    )
    assert_refused(
        run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "zzz.xlsx", "XFD1048576"
    )


def test_cells_without_addresses_count_too(good, tmp_path):
    wide = "".join("<c><v>1</v></c>" for _ in range(17_000))
    bad = rewrite(
        good, tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet_with(f"<row>{wide}</row>")}
    )
    assert_refused(
        run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "wide.xlsx", "16,385"
    )


def test_a_far_cell_hidden_behind_a_quoted_angle_bracket_is_found(good, tmp_path):
    bad = rewrite(
        good,
        tmp_path / "hidden.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                '<row r="9"><c x=">" r="XFD1048576"><v>1</v></c></row>'
            )
        },
    )
    assert_refused(run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "hidden.xlsx")


def test_an_unreadable_cell_address_is_refused(good, tmp_path):
    bad = rewrite(
        good,
        tmp_path / "ent.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                '<row r="2"><c r="&#88;FD1048576"><v>1</v></c></row>'
            )
        },
    )
    assert_refused(
        run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "not a cell address"
    )


def _patch_method(
    path: Path, name: str, *, method: int | None = None, encrypted: bool = False
) -> Path:
    """Set an entry's compression method and/or encryption flag in both its headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    encoded = name.encode()
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            header_name = (
                data[start + 30 : start + 30 + len(encoded)]
                if signature[2] == 3
                else data[start + 46 : start + 46 + len(encoded)]
            )
            if header_name == encoded:
                if method is not None:
                    data[start + method_at : start + method_at + 2] = struct.pack("<H", method)
                if encrypted:
                    flags = struct.unpack_from("<H", data, start + flag_at)[0] | 1
                    data[start + flag_at : start + flag_at + 2] = struct.pack("<H", flags)
            start += 4
    assert info.filename == name
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["encrypted", "method"])
def test_an_odd_core_xml_means_no_date_not_a_crash(good, tmp_path, how):
    bad = tmp_path / f"core-{how}.xlsx"
    bad.write_bytes(good.read_bytes())
    if how == "encrypted":
        _patch_method(bad, "docProps/core.xml", encrypted=True)
    else:
        _patch_method(bad, "docProps/core.xml", method=99)
    out = tmp_path / "o.json"
    proc = run_import(bad, out=out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert '"last_verified": null' in out.read_text() or "last_verified" not in out.read_text()


def test_a_core_xml_that_inflates_to_a_quarter_gigabyte_is_not_read_whole(good, tmp_path):
    bad = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(good) as old,
        zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for info in old.infolist():
            if info.filename != "docProps/core.xml":
                new.writestr(info.filename, old.read(info))
        with new.open("docProps/core.xml", "w", force_zip64=True) as handle:
            handle.write(b"<cp:coreProperties>")
            block = b" " * (1 << 20)
            for _ in range(256):
                handle.write(block)
    assert bad.stat().st_size < 4 * 1024 * 1024
    out = tmp_path / "o.json"
    proc = run_import(bad, out=out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Hostile Test Recovery Center" in out.read_text()


@pytest.mark.parametrize("how", ["encrypted", "method"])
def test_an_encrypted_or_oddly_compressed_sheet_is_refused(good, tmp_path, how):
    bad = tmp_path / f"sheet-{how}.xlsx"
    bad.write_bytes(good.read_bytes())
    if how == "encrypted":
        _patch_method(bad, "xl/worksheets/sheet1.xml", encrypted=True)
        word = "encrypted"
    else:
        _patch_method(bad, "xl/worksheets/sheet1.xml", method=99)
        word = "compression method 99"
    assert_refused(run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", word)


def test_a_sheet_that_understates_its_size_fails_its_check(good, tmp_path):
    """A part whose header claims fewer bytes than it holds stops at the CRC check."""
    bad = rewrite(
        good,
        tmp_path / "lie.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 2000))
            )
        },
    )
    data = bytearray(bad.read_bytes())
    with zipfile.ZipFile(bad) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    packed = struct.pack("<I", info.file_size)
    smaller = struct.pack("<I", 100)
    assert data.count(packed) >= 2
    bad.write_bytes(bytes(data).replace(packed, smaller))
    assert_refused(run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "lie.xlsx")


def test_old_spreadsheet_formats_are_sent_back_with_what_to_do(tmp_path):
    old = tmp_path / "directory.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    proc = run_import(old, out=tmp_path / "o.json")
    said = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode == 2 and "save it as .xlsx or CSV" in said


# --- text files: CSV records and encodings, FindTreatment pages ---------------------------


def _csv_text(*rows: list[str]) -> str:
    import csv
    import io

    out = io.StringIO(newline="")
    csv.writer(out).writerows(
        [["name1", "street1", "city", "state", "zip", "service_code_info"], *rows]
    )
    return out.getvalue()


def test_csv_records_end_only_at_line_ends_and_quoted_newlines_stay(tmp_path):
    odd = "A\u2028B\u0085C\x1cD\x1dE\x1eF"
    path = tmp_path / "odd.csv"
    path.write_text(
        _csv_text(
            [f"Odd {odd} Center", "1 Main St\nSuite 2", "Louisville", "KY", "40202", "SA * OIT"],
            ["Second Center", "2 Main St", "Louisville", "KY", "40202", "SA * OIT"],
        ),
        encoding="utf-8",
        newline="",
    )
    result = import_samhsa([path])
    assert result.stats.read == 2
    by_zip_street = sorted(p.location.street for p in result.programs)
    assert by_zip_street == ["1 Main St Suite 2", "2 Main St"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_csv_in_utf16_is_read(tmp_path, encoding):
    path = tmp_path / "wide.csv"
    path.write_bytes(
        _csv_text(["Zoë Café Center", "1 Main St", "Louisville", "KY", "40202", "SA * OIT"]).encode(
            encoding
        )
    )
    result = import_samhsa([path])
    assert [p.name for p in result.programs] == ["Zoë Café Center"]


def test_a_binary_file_named_csv_is_called_what_it_is(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\x00\x01\x00\x00" * 200)
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    assert "NUL bytes" in caught.value.problems[0].message


def _page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.json"
    path.write_text(text, encoding="utf-8")
    return path


def _row(**fields: object) -> str:
    row = {
        "name1": "Page Test Center",
        "street1": "1 Main St",
        "city": "Louisville",
        "state": "KY",
        "zip": "40202",
        "typeFacility": "SA",
        "services": [
            {"f1": "Service Setting", "f2": "SET", "f3": "Intensive outpatient treatment"}
        ],
    }
    row.update(fields)
    return json.dumps(row)


def test_a_401_digit_latitude_is_not_a_coordinate(tmp_path):
    text = (
        '{"rows": ['
        + _row().replace(
            '"typeFacility"', '"latitude": ' + "9" * 401 + ', "longitude": -85.7, "typeFacility"'
        )
        + "]}"
    )
    result = import_findtreatment([_page(tmp_path, text)])
    (program,) = result.programs
    assert result.stats.published_coordinates == 0
    assert program.location.lat is None or 24 < program.location.lat < 50  # ZIP centre


def test_a_page_nested_100000_deep_is_refused_clearly(tmp_path):
    with pytest.raises(DataError) as caught:
        import_findtreatment([_page(tmp_path, '{"rows":' + "[" * 100_000)])
    assert "nested too deeply" in caught.value.problems[0].message


def test_true_is_not_a_latitude_and_nan_is_not_a_phone(tmp_path):
    text = (
        '{"rows": ['
        + _row(latitude=True, longitude=-85.7).replace(
            '"typeFacility"', '"phone": NaN, "intake1": Infinity, "typeFacility"'
        )
        + "]}"
    )
    result = import_findtreatment([_page(tmp_path, text)])
    (program,) = result.programs
    assert program.contact.phone is None and program.contact.intake_phone is None
    assert program.location.lat != 1.0
    assert result.stats.published_coordinates == 0


def test_a_nan_phone_cell_in_a_workbook_is_empty(tmp_path):
    from import_fixtures import FACILITY_COLUMNS, write_xlsx

    row: list[object] = list(SA_ROW)
    row[FACILITY_COLUMNS.index("phone")] = float("nan")
    path = write_xlsx(tmp_path / "nan_SA.xlsx", [("Facilities", [FACILITY_COLUMNS, row])])
    (program,) = import_samhsa([path]).programs
    assert program.contact.phone is None


@pytest.mark.parametrize("lat, lon", [(51.5, -0.12), (0, 0), (38.2, 85.7), (-38.2, -85.7)])
def test_published_coordinates_outside_the_us_are_left_out(tmp_path, lat, lon):
    result = import_findtreatment(
        [_page(tmp_path, '{"rows": [' + _row(latitude=lat, longitude=lon) + "]}")]
    )
    (program,) = result.programs
    assert result.stats.published_coordinates == 0
    assert program.location.lat is None or 24 < program.location.lat < 50


@pytest.mark.parametrize(
    "lat, lon",
    [
        (61.2, -149.9),
        (21.3, -157.8),
        (18.4, -66.1),
        (13.47, 144.75),
        (-14.28, -170.7),
        (52.9, 173.2),
    ],
)
def test_coordinates_in_alaska_hawaii_and_the_territories_are_kept(tmp_path, lat, lon):
    result = import_findtreatment(
        [_page(tmp_path, '{"rows": [' + _row(latitude=lat, longitude=lon) + "]}")]
    )
    (program,) = result.programs
    assert (program.location.lat, program.location.lon) == (lat, lon)


def test_a_zip_centre_outside_the_us_is_not_written(tmp_path, monkeypatch):
    from iopguide.directory.geo import ZipCentre

    monkeypatch.setattr(common, "zip_centre", lambda zip5: ZipCentre(zip5, "KY", 51.5, -0.12))
    path = tmp_path / "one.csv"
    path.write_text(
        _csv_text(["Moved Center", "1 Main St", "Louisville", "KY", "40202", "SA * OIT"]),
        encoding="utf-8",
    )
    result = import_samhsa([path])
    (program,) = result.programs
    assert program.location.lat is None and result.stats.zip_centres == 0
    assert result.stats.caveats[common.CAVEAT_ZIP_CENTRE_OUTSIDE] == 1


def test_a_file_name_that_is_not_utf8_still_gives_a_directory_file(tmp_path):
    from iopguide.directory.importers.writer import write_directory

    path = tmp_path / os.fsdecode(b"listing-\xff.csv")
    path.write_text(
        _csv_text(["Named Center", "1 Main St", "Louisville", "KY", "40202", "SA * OIT"]),
        encoding="utf-8",
    )
    result = import_samhsa([path])
    out = tmp_path / "out.json"
    write_directory(out, result.info, result.programs, force=False)
    assert "listing-\ufffd.csv" in out.read_text(encoding="utf-8")


def test_implicit_cells_cannot_hide_behind_decoy_addresses(good, tmp_path):
    """Cells without r="..." after a far explicit one, balanced by decoy r attributes."""
    implicit = "<c><v>1</v></c>" * 16_384
    decoys = '<x r="A1"/>' * 16_384
    bad = rewrite(
        good,
        tmp_path / "decoy.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet_with(
                f'<row r="1000000"><c r="A1000000"><v>1</v></c>{implicit}</row>{decoys}'
            )
        },
    )
    assert_refused(run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "decoy.xlsx")


def test_a_far_cell_in_any_xml_part_is_found(good, tmp_path):
    """Which part is a sheet is for the relationships to say; every XML part is scanned."""
    with zipfile.ZipFile(good) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    bad = tmp_path / "elsewhere.xlsx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
        new.writestr(
            "xl/other/part.xml", sheet_with('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
        )
    assert_refused(
        run_import(bad, out=tmp_path / "o.json"), tmp_path / "o.json", "xl/other/part.xml"
    )


def test_a_password_protected_workbook_is_named_as_such(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    proc = run_import(path, out=tmp_path / "o.json")
    assert_refused(proc, tmp_path / "o.json", "password")


def test_a_csv_of_only_commas_is_refused_before_it_fills_memory(tmp_path, monkeypatch):
    from iopguide.directory.importers import tables

    monkeypatch.setattr(tables, "MAX_CELLS", 1000)  # the same check, at a test's size
    path = tmp_path / "commas.csv"
    path.write_bytes(b"name1,street1,city,state,zip,service_code_info\r\n" + b",,,,,\r\n" * 5000)
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    assert "more than 1,000 cells" in caught.value.problems[0].message


def test_a_csv_of_more_rows_than_a_spreadsheet_holds_is_refused(tmp_path, monkeypatch):
    from iopguide.directory.importers import tables

    monkeypatch.setattr(tables, "EXCEL_ROWS", 100)
    path = tmp_path / "blank-lines.csv"
    path.write_bytes(b"name1,street1,city,state,zip,service_code_info\n" + b"\n" * 500)
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    assert "100 rows" in caught.value.problems[0].message


def test_a_page_of_millions_of_empty_objects_is_refused_before_parsing(tmp_path, monkeypatch):
    from iopguide.directory.importers import findtreatment

    monkeypatch.setattr(findtreatment, "MAX_CONTAINERS", 1000)
    path = _page(tmp_path, '{"rows": [' + ",".join(["{}"] * 5000) + "]}")
    with pytest.raises(DataError) as caught:
        import_findtreatment([path])
    assert "more than 1,000 objects and lists" in caught.value.problems[0].message


def test_a_shared_string_table_of_millions_of_empty_strings_is_refused(good, tmp_path, monkeypatch):
    from iopguide.directory.importers import workbook_check

    monkeypatch.setattr(workbook_check, "MAX_STRINGS", 1000)
    table = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main">' + "<si/>" * 5000 + "</sst>"
    ).encode()
    bad = rewrite(good, tmp_path / "strings.xlsx", {"xl/sharedStrings.xml": table})
    with pytest.raises(DataError) as caught:
        import_samhsa([bad])
    assert "more than 1,000 shared strings" in caught.value.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("samhsa", "x.csv"),
        ("samhsa", "x.xlsx"),
        ("findtreatment", "x.json"),
        ("findtreatment", "x.csv"),
    ],
)
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, source: str, name: str) -> None:
    """A FIFO given as the input file would block the first read for ever."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    importer = import_samhsa if source == "samhsa" else import_findtreatment
    with pytest.raises(UsageError, match="not a regular file"):
        importer([fifo])


def test_a_page_of_many_keys_is_described_by_a_few(tmp_path: Path) -> None:
    page = tmp_path / "page.json"
    page.write_text(json.dumps({f"key{i}": 1 for i in range(50_000)}), encoding="utf-8")
    with pytest.raises(DataError) as err:
        import_findtreatment([page])
    message = " ".join(p.message for p in err.value.problems)
    assert "key0, key1" in message and "and 49990 more" in message
    assert len(message) < 2_000
