# ruff: noqa: E501  (OOXML boilerplate: long namespace and content-type strings)
"""Small files in the published formats, written at test time (nothing binary is committed).

Every facility here is invented: fictional names and streets, phone numbers in the
reserved 555-01xx range. ZIP codes are real ZIP codes (so centres can be found).
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

FACILITY_COLUMNS = [
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "phone",
    "intake1",
    "intake2",
    "intake1a",
    "intake2a",
    "service_code_info",
]
REFERENCE_COLUMNS = [
    "category_code",
    "category_name",
    "service_code",
    "service_name",
    "service_description",
]

# A few reference rows in each edition's words (a subset is enough for the importer).
SA_REFERENCE = [
    ["TC", "Type of Care", "SA", "Substance use treatment", ""],
    ["TC", "Type of Care", "DT", "Detoxification  ", ""],
    ["TC", "Type of Care", "SUMH", "Treatment for co-occurring substance use ...", ""],
    ["SET", "Service Setting", "OP", "Outpatient", ""],
    ["SET", "Service Setting", "OIT", "Intensive outpatient treatment", ""],
    ["SET", "Service Setting", "ORT", "Regular outpatient treatment", ""],
    ["SET", "Service Setting", "RES", "Residential/24-hour residential", ""],
    ["PAY", "Payment/Insurance/Funding Accepted", "MD", "Medicaid", ""],
    ["PAY", "Payment/Insurance/Funding Accepted", "PI", "Private health insurance", ""],
    ["EXCL", "Exclusive Services", "DUO", "Serves only DUI/DWI clients", ""],
    ["EXCL", "Exclusive Services", "VETO", "Serves Veterans only", ""],
    ["GN", "Gender Accepted", "FEM", "Female", ""],
    ["GN", "Gender Accepted", "MALE", "Male", ""],
]
MH_REFERENCE = [
    ["TC", "Type of Care", "MH", "Mental health treatment    ", ""],
    ["SET", "Service Setting", "OP", "Outpatient", ""],
    ["SET", "Service Setting", "PHDT", "Partial hospitalization/day treatment", ""],
    ["PAY", "Payment/Insurance/Funding Accepted", "MC", "Medicare", ""],
    ["SG", "Special Programs/Groups Offered", "PTSD", "Persons with PTSD", ""],
]


def facility_row(
    name1: str,
    codes: str,
    *,
    name2: str = "",
    street1: str = "100 Sample Street",
    street2: str = "",
    city: str = "Louisville",
    state: str = "KY",
    zip_code: str = "40202",
    phone: str = "502-555-0100",
    intake1: str = "",
) -> list[str]:
    return [
        name1,
        name2,
        street1,
        street2,
        city,
        state,
        zip_code,
        phone,
        intake1,
        "",
        "",
        "",
        codes,
    ]


def _col(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _sheet_xml(rows: Sequence[Sequence[object]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
    ]
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value not in (None, ""):
                out.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(str(value))}</t></is></c>"
                )
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[Sequence[object]]]],
    *,
    created: str | None = "2022-05-06T15:56:29Z",
) -> Path:
    """A minimal, valid .xlsx (inline strings), written with zipfile alone."""
    names = [name for name, _ in sheets]
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(names) + 1)
        )
        + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>"
    )
    created_xml = (
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>' if created else ""
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:creator>iopguide tests</dc:creator>{created_xml}</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("docProps/core.xml", core)
        for i, (_, rows) in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(rows))
    return path


def write_directory_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    reference: Sequence[Sequence[object]] | None = None,
    **kwargs: object,
) -> Path:
    sheets: list[tuple[str, Sequence[Sequence[object]]]] = [
        ("Facilities List", [FACILITY_COLUMNS, *rows])
    ]
    if reference is not None:
        sheets.append(("Service Code Reference", [REFERENCE_COLUMNS, *reference]))
    return write_xlsx(path, sheets, **kwargs)  # type: ignore[arg-type]


def write_csv(path: Path, rows: Sequence[Sequence[object]], header: Sequence[str] = ()) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or FACILITY_COLUMNS)
        writer.writerows(rows)
    return path


def findtreatment_row(name1: str, services: dict[tuple[str, str], str], **fields: object) -> dict:
    row: dict[str, object] = {
        "frid": f"test-{name1.lower().replace(' ', '-')}",
        "name1": name1,
        "name2": "",
        "street1": "200 Example Avenue",
        "street2": "",
        "city": "Charlottesville",
        "state": "VA",
        "zip": "22902",
        "phone": "434-555-0101",
        "intake1": "",
        "hotline1": None,
        "website": "http://example.org",
        "latitude": "38.0300000",
        "longitude": "-78.4800000",
        "miles": 0.5,
        "typeFacility": "SA",
        "services": [
            {"f1": label, "f2": code, "f3": value} for (code, label), value in services.items()
        ],
    }
    row.update(fields)
    return row


def write_findtreatment(path: Path, rows: list[object], **envelope: object) -> Path:
    data = {"page": 1, "totalPages": 1, "recordCount": len(rows), "rows": rows}
    data.update(envelope)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
