"""Every layout the importers accept, each built here from the same 2022-style rows.

SAMHSA has changed its files since 2022 (file names, capitalised headers, title rows
above the header, the legend on another sheet, new codes); FindTreatment.gov offers a
"download results" file and a JSON API whose keys vary. Each layout gets a test that
imports it and checks the same facilities come out, and unknown codes are reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from import_fixtures import (
    FACILITY_COLUMNS,
    REFERENCE_COLUMNS,
    SA_REFERENCE,
    facility_row,
    write_csv,
    write_xlsx,
)
from iopguide.directory.importers.findtreatment import import_findtreatment
from iopguide.directory.importers.samhsa import import_samhsa
from iopguide.errors import DataError

# Rows as the 2022 substance-use workbook writes them (invented names, real ZIPs).
ROWS = [
    facility_row(
        "Riverside Recovery Services", "SA SUMH * OP OIT ORT * MD PI SF * ADLT", zip_code="40202"
    ),
    facility_row(
        "Hilltop Counseling Center",
        "SA * OP ORT * MD * ADLT SNR",
        street1="12 Hill Road",
        zip_code="40203",
    ),
    facility_row(
        "Lakeview Intensive Program",
        "SA * OIT * PI NEWX * ADLT",
        street1="9 Lake Avenue",
        zip_code="40204",
    ),
]
TITLE_ROWS = [
    ["National Directory of Substance Use Treatment Facilities 2024"],
    ["Source: SAMHSA, N-SUMHSS"],
    [],
]


def capitalised(names: list[str]) -> list[str]:
    return [name[:1].upper() + name[1:] for name in names]  # Name1, Service_code_info


def names(result) -> list[str]:
    return sorted(p.name for p in result.programs)


def test_2023_file_name_capitalised_headers(tmp_path):
    path = write_xlsx(
        tmp_path / "national-directory-su-facilities-2023.xlsx",
        [
            ("Facilities", [capitalised(FACILITY_COLUMNS), *ROWS]),
            ("Service Code Reference", [capitalised(REFERENCE_COLUMNS), *SA_REFERENCE]),
        ],
    )
    result = import_samhsa([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    assert "Substance Use" in result.stats.files[0][1] and "2023" in result.stats.files[0][1]
    by_name = {p.name: p for p in result.programs}
    assert "iop" in by_name["Riverside Recovery Services"].levels


def test_2024_final_headers_below_title_rows_and_a_new_code(tmp_path):
    path = write_xlsx(
        tmp_path / "National Directory SU 2024_Final.xlsx",
        [
            ("Facilities", [*TITLE_ROWS, [c.upper() for c in FACILITY_COLUMNS], *ROWS]),
            (
                "Codes",
                [
                    ["Service code legend"],
                    [c.replace("_", " ").title() for c in REFERENCE_COLUMNS],
                    *SA_REFERENCE,
                    ["PAY", "Payment/Insurance/Funding Accepted", "NEWX", "A new plan", ""],
                ],
            ),
        ],
    )
    result = import_samhsa([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    assert "2024" in result.stats.files[0][1]
    unknown = result.stats.unknown_codes
    assert unknown == {"NEWX (A new plan)": 1}  # counted and named, from the file's legend


def test_2025_codes_on_the_second_sheet_and_a_changed_legend(tmp_path):
    legend = [row[:] for row in SA_REFERENCE]
    for row in legend:
        if row[2] == "PI":  # the legend now files PI under another category
            row[0], row[1] = "SG", "Special Programs/Groups Offered"
    path = write_xlsx(
        tmp_path / "National_Directory_SU_2025.xlsx",
        [
            ("Facilities", [*TITLE_ROWS, FACILITY_COLUMNS, *ROWS]),
            ("Service Codes", [REFERENCE_COLUMNS, *legend]),
        ],
    )
    result = import_samhsa([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    assert any("code PI" in w and "left out" in w for w in result.stats.warnings)
    assert all("private_insurance" not in p.payment for p in result.programs)


def test_a_reworded_legend_entry_is_read_as_known_and_reported(tmp_path):
    legend = [row[:] for row in SA_REFERENCE]
    for row in legend:
        if row[2] == "OIT":
            row[3] = "Intensive outpatient services (9 or more hours a week)"
    path = write_xlsx(
        tmp_path / "National_Directory_SU_2025.xlsx",
        [
            ("Facilities", [FACILITY_COLUMNS, *ROWS]),
            ("Codes", [REFERENCE_COLUMNS, *legend]),
        ],
    )
    result = import_samhsa([path])
    (warning,) = [w for w in result.stats.warnings if "worded differently" in w]
    assert "OIT is 'Intensive outpatient services (9 or more hours a week)' here" in warning
    assert any("iop" in p.levels for p in result.programs)


def test_legend_first_facilities_second(tmp_path):
    path = write_xlsx(
        tmp_path / "directory_SA.xlsx",
        [
            ("Legend", [REFERENCE_COLUMNS, *SA_REFERENCE]),
            ("Facilities", [FACILITY_COLUMNS, *ROWS]),
        ],
    )
    assert names(import_samhsa([path])) == sorted(r[0] for r in ROWS)


def test_csv_with_title_rows_and_capitalised_header(tmp_path):
    path = tmp_path / "national-directory-su-facilities-2023.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        handle.write("National Directory 2023\r\n\r\n")
    text = path.read_text()
    write_csv(tmp_path / "body.csv", ROWS, header=capitalised(FACILITY_COLUMNS))
    path.write_text(text + (tmp_path / "body.csv").read_text(), encoding="utf-8")
    result = import_samhsa([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    assert result.stats.unknown_codes == {"NEWX (not in the reference sheet)": 1}


def test_a_layout_with_no_facility_header_says_what_it_found(tmp_path):
    path = write_xlsx(tmp_path / "other.xlsx", [("Sheet1", [["Provider", "Town"], ["A", "B"]])])
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    text = " ".join(p.message for p in caught.value.problems)
    assert "Provider, Town" in text and "first 30 rows" in text


# --- FindTreatment.gov "download results" -------------------------------------------------

DOWNLOAD_TEXT = [
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "phone",
    "intake1",
    "website",
    "latitude",
    "longitude",
    "type_facility",
]
DOWNLOAD_CODES = ["SA", "SUMH", "OP", "OIT", "ORT", "MD", "PI", "SF", "ADLT", "SNR", "NEWX"]


def download_rows() -> list[list[object]]:
    rows: list[list[object]] = [
        ["FindTreatment.gov Facility Listing"],
        ["Downloaded 2025-03-04 10:11:12"],
        [],
        [*DOWNLOAD_TEXT, *DOWNLOAD_CODES],
    ]
    coordinates = {
        "40202": (38.2527, -85.7585),
        "40203": (38.2469, -85.7664),
        "40204": (38.2379, -85.7228),
    }
    for row in ROWS:
        codes = set(row[-1].split())
        lat, lon = coordinates[row[6]]
        rows.append(
            [
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                "",
                "www.example.org",
                lat,
                lon,
                "SA",
                *(1 if code in codes else "" for code in DOWNLOAD_CODES),
            ]
        )
    return rows


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_findtreatment_download(tmp_path, suffix):
    path = tmp_path / f"FindTreament_Facility_listing_2025_03_04_101112{suffix}"
    if suffix == ".csv":
        write_csv(path, download_rows()[1:], header=download_rows()[0])
    else:
        write_xlsx(path, [("Sheet1", download_rows())])
    result = import_findtreatment([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    by_name = {p.name: p for p in result.programs}
    riverside = by_name["Riverside Recovery Services"]
    assert "iop" in riverside.levels and "medicaid" in riverside.payment
    assert (riverside.location.lat, riverside.location.lon) == (38.2527, -85.7585)
    assert result.stats.published_coordinates == 3
    assert result.stats.unknown_codes == {
        "NEWX (a column of the download iopguide does not know)": 1
    }
    assert "2025-03-04" in result.stats.files[0][1]


# --- FindTreatment.gov JSON API v2 --------------------------------------------------------


def api_row(name: str, **fields: object) -> dict:
    row: dict[str, object] = {
        "name1": name,
        "street1": "200 Example Avenue",
        "city": "Louisville",
        "state": "KY",
        "zip": "40202",
        "phone": "502-555-0101",
        "latitude": 38.25,
        "longitude": -85.76,
        "services": [
            {"f1": "Type of Care", "f2": "TC", "f3": "Substance use treatment"},
            {"f1": "Service Setting", "f2": "SET", "f3": "Intensive outpatient treatment"},
        ],
    }
    row.update(fields)
    return row


def test_api_v2_type_spellings_null_services_and_otp(tmp_path):
    rows = [
        api_row("Camel Case Center", typeFacility="SA"),
        api_row("Snake Case Center", type_facility="MH", street1="1 Other St"),
        api_row(
            "Opioid Treatment Program", type_facility="OTP", services=None, street1="2 Third St"
        ),
    ]
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"page": 1, "totalPages": 1, "recordCount": 3, "rows": rows}))
    result = import_findtreatment([path])
    assert names(result) == ["Camel Case Center", "Snake Case Center"]
    skipped = result.stats.skipped
    assert sum(v for k, v in skipped.items() if "opioid treatment programme" in k) == 1


def test_a_download_given_as_samhsa_says_which_source_to_use(tmp_path):
    path = write_xlsx(
        tmp_path / "FindTreament_Facility_listing_2025_03_04_101112.xlsx",
        [("Sheet1", download_rows())],
    )
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    said = " ".join(f"{p.message} {p.hint or ''}" for p in caught.value.problems)
    assert "is a FindTreatment.gov download" in said and "import findtreatment" in said


# --- the same real rows, in every layout ---------------------------------------------------

SHARED_SA = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "samhsa-2022"
    / "National_Directory_SA_Facilities_2022.xlsx"
)
REAL_ROWS = 150


@pytest.fixture(scope="module")
def real_2022():
    """The first rows of the published 2022 substance-use workbook, and its legend."""
    if not SHARED_SA.exists():
        pytest.skip("the published 2022 workbooks are not in ../shared/data")
    from iopguide.directory.importers.tables import cell, read_sheets

    (_, facilities), (_, legend) = read_sheets(SHARED_SA)
    rows = [[cell(v) for v in row] for row in facilities[1 : REAL_ROWS + 1]]
    return rows, [[cell(v) for v in row] for row in legend[1:]]


def _what_matters(result) -> list[tuple]:
    """Everything a person would see, except where the listing says it came from."""
    return sorted(
        (
            p.id,
            p.name,
            p.organization,
            p.levels,
            p.conditions,
            p.payment,
            p.ages,
            p.languages,
            p.special_groups,
            p.serves_only,
            p.services,
            p.telehealth,
            p.location.street,
            p.location.city,
            p.location.state,
            p.location.zip,
            p.contact.phone,
        )
        for p in result.programs
    )


def test_real_2022_rows_give_the_same_programmes_in_every_samhsa_layout(tmp_path, real_2022):
    rows, legend = real_2022
    header = list(FACILITY_COLUMNS)
    layouts = {
        "National_Directory_SA_Facilities_2022.xlsx": [
            ("Facilities", [header, *rows]),
            ("Service Code Reference", [REFERENCE_COLUMNS, *legend]),
        ],
        "national-directory-su-facilities-2023.xlsx": [
            ("Facilities", [capitalised(header), *rows]),
            ("Service Code Reference", [capitalised(REFERENCE_COLUMNS), *legend]),
        ],
        "National Directory SU 2024_Final.xlsx": [
            ("Facilities", [*TITLE_ROWS, [c.upper() for c in header], *rows]),
            (
                "Codes",
                [["Legend"], [c.replace("_", " ").title() for c in REFERENCE_COLUMNS], *legend],
            ),
        ],
        "National_Directory_SU_2025.xlsx": [
            ("Legend", [REFERENCE_COLUMNS, *legend]),
            ("Facilities", [header, *rows]),
        ],
    }
    results = {
        name: import_samhsa([write_xlsx(tmp_path / name, sheets)])
        for name, sheets in layouts.items()
    }
    csv_path = write_csv(
        tmp_path / "national-directory-su-facilities-2023.csv", rows, header=capitalised(header)
    )
    results["csv"] = import_samhsa([csv_path])
    baseline = _what_matters(results.pop("National_Directory_SA_Facilities_2022.xlsx"))
    assert len(baseline) > REAL_ROWS // 2
    for name, result in results.items():
        assert _what_matters(result) == baseline, name
        assert not result.stats.warnings and not result.stats.unknown_codes, name


def test_real_2022_rows_as_a_findtreatment_download_give_the_same_programmes(tmp_path, real_2022):
    from iopguide.directory.geo import zip_centre

    rows, _ = real_2022
    codes = sorted({c for row in rows for c in row[-1].split() if c != "*"})
    table: list[list[object]] = [["FindTreatment.gov"], [], [*DOWNLOAD_TEXT, *codes]]
    for row in rows:
        present = set(row[-1].split())
        centre = zip_centre(row[6][:5])
        lat, lon = (centre.lat, centre.lon) if centre else ("", "")
        table.append(
            [
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                "",
                lat,
                lon,
                "SA",
                *(1 if c in present else "" for c in codes),
            ]
        )
    path = write_csv(
        tmp_path / "FindTreament_Facility_listing_2025_03_04_101112.csv", table[1:], header=table[0]
    )
    download = import_findtreatment([path])
    original = import_samhsa(
        [
            write_xlsx(
                tmp_path / "National_Directory_SA_2022.xlsx",
                [("Facilities", [FACILITY_COLUMNS, *rows])],
            )
        ]
    )
    assert _what_matters(download) == _what_matters(original)


def test_a_header_repeated_inside_the_table_is_not_a_facility(tmp_path):
    header = capitalised(FACILITY_COLUMNS)
    path = write_csv(tmp_path / "joined_SA.csv", [ROWS[0], header, *ROWS[1:]], header=header)
    result = import_samhsa([path])
    assert names(result) == sorted(r[0] for r in ROWS)
    assert sum(v for k, v in result.stats.skipped.items() if "header row again" in k) == 1
