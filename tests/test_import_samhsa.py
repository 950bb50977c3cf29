"""The National Directory importer: codes, merging, restrictions, ZIP centres, bad input.

Fixture workbooks are written at test time (tests/import_fixtures.py) with
invented facilities; the integration test at the end uses the published 2022
workbooks in ../shared/data when they are present.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from import_fixtures import (
    MH_REFERENCE,
    SA_REFERENCE,
    facility_row,
    write_csv,
    write_directory_workbook,
)
from iopguide.directory.importers import codes
from iopguide.directory.importers.common import (
    CAVEAT_NO_ZIP,
    CAVEAT_UNKNOWN_ZIP,
    SKIP_BLANK,
    SKIP_NO_LEVEL,
    SKIP_NO_NAME,
)
from iopguide.directory.importers.samhsa import REQUIRED_COLUMNS, import_samhsa
from iopguide.directory.schema import BY_FIELD
from iopguide.errors import DataError, UsageError


def one(tmp_path: Path, code_info: str, reference=SA_REFERENCE, name: str = "SA_2022.xlsx", **kw):
    path = write_directory_workbook(
        tmp_path / name, [facility_row("Sample Harbor Clinic", code_info, **kw)], reference
    )
    result = import_samhsa([path])
    assert len(result.programs) == 1, result.stats
    return result.programs[0]


# --- the code mapping -------------------------------------------------------------------

LEVEL_CODES = {
    "OIT": "iop",
    "ODT": "php",
    "PHDT": "php",
    "ORT": "outpatient",
    "OMB": "outpatient",
    "RES": "residential",
    "RS": "residential",
    "RL": "residential",
    "RD": "residential",
    "HI": "inpatient",
    "HID": "inpatient",
    "HIT": "inpatient",
    "DT": "detox",
    "OD": "detox",
}
PAYMENT_CODES = {
    "MD": "medicaid",
    "MC": "medicare",
    "PI": "private_insurance",
    "MI": "military",
    "SF": "self_pay",
    "SI": "state_funded",
    "ITU": "ihs_tribal",
    "NP": "free",
    "SS": "sliding_scale",
}
CONDITION_CODES = {
    "SA": "substance_use",
    "MH": "mental_health",
    "SUMH": "co_occurring",
    "PTSD": "trauma",
    "PED": "eating_disorder",
    "SMI": "psychosis",
    "PEFP": "psychosis",
    "CO": "co_occurring",
}
OTHER_CODES = {
    "CHLD": ("ages", "adolescents"),
    "ADLT": ("ages", "adults"),
    "SNR": ("ages", "older_adults"),
    "YAD": ("ages", "young_adults"),
    "SP": ("languages", "spanish"),
    "F17": ("languages", "chinese"),
    "AH": ("languages", "asl"),
    "VET": ("special_groups", "veterans"),
    "GL": ("special_groups", "lgbtq"),
    "PW": ("special_groups", "pregnant_women"),
    "DU": ("special_groups", "justice_involved"),
    "JC": ("accreditation", "joint_commission"),
    "CARF": ("accreditation", "carf"),
    "COA": ("accreditation", "coa"),
    "NCQA": ("accreditation", "ncqa"),
    "CBT": ("approaches", "cbt"),
    "DBT": ("approaches", "dbt"),
    "BU": ("services", "mat"),
    "GCO": ("services", "group_therapy"),
}


@pytest.mark.parametrize(("code", "level"), sorted(LEVEL_CODES.items()))
def test_each_level_of_care_code_gives_its_level(tmp_path: Path, code: str, level: str) -> None:
    program = one(tmp_path, f"SA * {code}", reference=None)
    assert level in program.levels


@pytest.mark.parametrize(("code", "payment"), sorted(PAYMENT_CODES.items()))
def test_each_payment_code_gives_its_payment_type(tmp_path: Path, code: str, payment: str) -> None:
    program = one(tmp_path, f"SA * ORT * {code}", reference=None)
    assert program.payment == (payment,)


@pytest.mark.parametrize(("code", "condition"), sorted(CONDITION_CODES.items()))
def test_each_type_of_care_code_gives_its_condition(
    tmp_path: Path, code: str, condition: str
) -> None:
    program = one(tmp_path, f"{code} * OP", reference=None)
    assert condition in program.conditions


@pytest.mark.parametrize(("code", "target"), sorted(OTHER_CODES.items()))
def test_ages_languages_groups_accreditation_codes(tmp_path: Path, code: str, target) -> None:
    field, term = target
    # The mental-health edition: the substance-use edition's age codes are not trusted.
    program = one(tmp_path, f"MH * OP * {code}", reference=None, name="MH_2022.xlsx")
    assert term in getattr(program, field)


def test_telehealth_code_sets_telehealth(tmp_path: Path) -> None:
    assert one(tmp_path, "MH * OP * TELE", reference=None).telehealth is True
    assert one(tmp_path, "MH * OP * CBT", reference=None, name="b.xlsx").telehealth is False


def test_every_code_maps_to_real_vocabulary_ids_or_says_why_not() -> None:
    for code in (*codes.CODES_LIST, *codes.WORD_ONLY):
        assert code.mapped or code.ignored, code.code
        for field, term in code.adds:
            assert term in BY_FIELD[field], (code.code, field, term)


def test_iop_comes_only_from_oit() -> None:
    givers = sorted(c.code for c in codes.CODES_LIST if ("levels", "iop") in c.adds)
    assert givers == ["OIT"]


def test_mental_health_facility_without_iop_code_is_not_called_iop(tmp_path: Path) -> None:
    program = one(tmp_path, "MH * OP PHDT * MC", reference=MH_REFERENCE, name="MH_2022.xlsx")
    assert program.levels == ("outpatient", "php")
    assert program.conditions == ("mental_health",)


def test_outpatient_umbrella_does_not_add_weekly_outpatient_to_an_iop_only_programme(
    tmp_path: Path,
) -> None:
    assert one(tmp_path, "SA * OP OIT", reference=None).levels == ("iop",)
    assert one(tmp_path, "SA * OP", reference=None, name="b.xlsx").levels == ("outpatient",)


def test_other_languages_umbrella_gives_way_to_specific_languages(tmp_path: Path) -> None:
    assert one(tmp_path, "SA * ORT * SP FX * F28", reference=None).languages == (
        "spanish",
        "french",
    )
    assert one(tmp_path, "SA * ORT * FX", reference=None, name="b.xlsx").languages == ("other",)


def test_general_mental_health_programme_is_general_not_specific(tmp_path: Path) -> None:
    program = one(tmp_path, "MH * OP", reference=None)
    assert "mental_health" in program.conditions
    assert "depression" not in program.conditions


def test_reference_sheet_is_the_authority_on_what_a_code_means(tmp_path: Path) -> None:
    reference = [*SA_REFERENCE, ["SG", "Special Programs", "MD", "Medical doctors on site", ""]]
    reference = [r for r in reference if r[2] != "MD" or r[0] == "SG"]
    path = write_directory_workbook(
        tmp_path / "SA_2030.xlsx", [facility_row("Sample Clinic", "SA * ORT * MD PI")], reference
    )
    result = import_samhsa([path])
    assert result.programs[0].payment == ("private_insurance",)
    assert any("MD" in w and "left out" in w for w in result.stats.warnings)


# --- restrictions ("serves only") --------------------------------------------------------


def test_exclusive_only_codes_are_flagged(tmp_path: Path) -> None:
    program = one(tmp_path, "SA * ORT * DUO")
    assert program.serves_only == ("DUI/DWI clients only",)
    assert "justice_involved" in program.special_groups


def test_a_specially_designed_programme_is_not_a_restriction(tmp_path: Path) -> None:
    program = one(tmp_path, "SA * ORT * DU", reference=None)
    assert program.serves_only == ()
    assert "justice_involved" in program.special_groups


def test_an_exclusive_code_from_the_reference_sheet_only_is_flagged_in_its_words(
    tmp_path: Path,
) -> None:
    program = one(tmp_path, "SA * ORT * VETO")
    assert program.serves_only == ("Veterans only",)


def test_single_gender_is_a_restriction_both_is_not(tmp_path: Path) -> None:
    assert one(tmp_path, "SA * RES * FEM").serves_only == ("Women only",)
    assert one(tmp_path, "SA * RES * MALE", name="b.xlsx").serves_only == ("Men only",)
    assert one(tmp_path, "SA * RES * FEM MALE", name="c.xlsx").serves_only == ()


def test_va_facility_is_flagged_veterans_only(tmp_path: Path) -> None:
    program = one(tmp_path, "MH * OP * VAMC", reference=None)
    assert program.serves_only == ("Veterans only (VA facility)",)


def test_flagged_programmes_are_counted(tmp_path: Path) -> None:
    rows = [
        facility_row("Sample A", "SA * ORT * OUDO", zip_code="40202"),
        facility_row("Sample B", "SA * ORT", zip_code="40203"),
        facility_row("Sample C", "SA * ORT * AUDO", zip_code="40204"),
    ]
    result = import_samhsa([write_directory_workbook(tmp_path / "SA.xlsx", rows, SA_REFERENCE)])
    assert result.stats.flagged == 2


# --- merging ---------------------------------------------------------------------------


def test_same_facility_in_both_editions_becomes_one_programme(tmp_path: Path) -> None:
    sa = write_directory_workbook(
        tmp_path / "Directory_SA_2022.xlsx",
        [
            facility_row(
                "Sample Bridge Center", "SA SUMH * OP OIT * MD SF", street1="12 Oak Street"
            ),
            facility_row("Sample Other Place", "SA * ORT", zip_code="40203"),
        ],
        SA_REFERENCE,
    )
    mh = write_directory_workbook(
        tmp_path / "Directory_MH_2022.xlsx",
        [
            facility_row("SAMPLE BRIDGE CENTER", "MH * OP PHDT * MC * PTSD", street1="12 Oak St."),
        ],
        MH_REFERENCE,
    )
    result = import_samhsa([sa, mh])
    assert result.stats.read == 3
    assert result.stats.merged == 1
    assert result.stats.merged_across_files == 1
    assert result.stats.imported == 2
    bridge = next(p for p in result.programs if "Bridge" in p.name)
    assert bridge.levels == ("outpatient", "iop", "php")
    assert set(bridge.conditions) == {"substance_use", "mental_health", "co_occurring", "trauma"}
    assert set(bridge.payment) == {"medicaid", "medicare", "self_pay"}
    assert "Substance Use" in bridge.source and "Mental Health" in bridge.source


def test_different_street_or_zip_is_not_merged(tmp_path: Path) -> None:
    rows = [
        facility_row("Sample Twin", "SA * ORT", street1="1 First Street"),
        facility_row("Sample Twin", "SA * ORT", street1="2 Second Street"),
        facility_row("Sample Twin", "SA * ORT", zip_code="40203"),
    ]
    result = import_samhsa([write_directory_workbook(tmp_path / "SA.xlsx", rows, SA_REFERENCE)])
    assert result.stats.merged == 0
    assert len({p.id for p in result.programs}) == 3


def test_ids_are_stable_slugs_and_survive_reimport(tmp_path: Path) -> None:
    rows = [facility_row("Sample Hope & Recovery, Inc.", "SA * OIT")]
    first = import_samhsa([write_directory_workbook(tmp_path / "a.xlsx", rows, SA_REFERENCE)])
    again = import_samhsa([write_directory_workbook(tmp_path / "b.xlsx", rows, SA_REFERENCE)])
    (pid,) = [p.id for p in first.programs]
    assert pid == again.programs[0].id
    assert re.fullmatch(r"sample-hope-recovery-inc-40202-[0-9a-f]{6}", pid)


# --- ZIP centres, source and edition -----------------------------------------------------


def test_coordinates_come_from_the_zip_centre(tmp_path: Path) -> None:
    program = one(tmp_path, "SA * ORT", zip_code="10001")
    assert program.location.lat == pytest.approx(40.75, abs=0.05)
    assert program.location.lon == pytest.approx(-73.99, abs=0.05)


def test_unknown_zip_is_imported_without_coordinates_and_counted(tmp_path: Path) -> None:
    rows = [
        facility_row("Sample Nowhere", "SA * ORT", zip_code="00000"),
        facility_row("Sample Blank Zip", "SA * ORT", zip_code=""),
    ]
    result = import_samhsa([write_directory_workbook(tmp_path / "SA.xlsx", rows, SA_REFERENCE)])
    assert result.stats.imported == 2
    assert all(p.location.lat is None for p in result.programs)
    assert result.stats.caveats[CAVEAT_UNKNOWN_ZIP] == 1
    assert result.stats.caveats[CAVEAT_NO_ZIP] == 1


def test_zip_that_lost_its_leading_zero_in_a_spreadsheet_is_repaired(tmp_path: Path) -> None:
    path = write_directory_workbook(
        tmp_path / "SA.xlsx",
        [
            [
                *facility_row("Sample Boston", "SA * ORT")[:6],
                2108,
                *facility_row("x", "SA * ORT")[7:],
            ]
        ],
        SA_REFERENCE,
    )
    assert import_samhsa([path]).programs[0].location.zip == "02108"


def test_source_edition_and_last_verified(tmp_path: Path) -> None:
    program = one(tmp_path, "SA * ORT", name="National_Directory_SA_Facilities_2022.xlsx")
    assert program.source == (
        "SAMHSA National Directory of Substance Use Treatment Facilities, 2022"
    )
    assert program.last_verified == "2022-05-06"  # the workbook's own creation date


def test_header_names_the_edition_and_files(tmp_path: Path) -> None:
    path = write_directory_workbook(
        tmp_path / "National_Directory_MH_Facilities_2022.xlsx",
        [facility_row("Sample Mind", "MH * OP")],
        MH_REFERENCE,
    )
    info = import_samhsa([path]).info
    assert info.name == "SAMHSA National Directory 2022 (imported)"
    assert "National_Directory_MH_Facilities_2022.xlsx" in (info.source or "")
    assert info.sample is False
    assert info.updated


# --- CSV export -------------------------------------------------------------------------


def test_csv_export_of_the_facility_sheet(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "National_Directory_SA_Facilities_2021.csv",
        [
            facility_row("Sample Csv Center", "SA * OP OIT * MD", zip_code="02108"),
        ],
    )
    result = import_samhsa([path])
    (program,) = result.programs
    assert program.levels == ("iop",)
    assert program.location.zip == "02108"
    assert program.last_verified == "2021-01-01"  # no date in a CSV: start of the edition year
    assert "Substance Use" in (program.source or "")


# --- bad input --------------------------------------------------------------------------


def test_workbook_of_another_layout_names_expected_and_found_columns(tmp_path: Path) -> None:
    from import_fixtures import write_xlsx

    path = write_xlsx(
        tmp_path / "other.xlsx",
        [("Sheet1", [["Facility", "Address", "Zip"], ["Sample", "1 Road", "40202"]])],
    )
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    text = " ".join(p.message for p in caught.value.problems)
    for column in REQUIRED_COLUMNS:
        assert column in text
    assert "Facility, Address, Zip" in text
    assert "other.xlsx" in caught.value.message


def test_csv_of_another_layout_names_the_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["a", "b"]], header=["name", "address"])
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    assert "name, address" in " ".join(p.message for p in caught.value.problems)


def test_corrupt_workbook_is_a_data_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(DataError) as caught:
        import_samhsa([path])
    assert "broken.xlsx" in caught.value.message
    assert caught.value.problems[0].file.endswith("broken.xlsx")


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        import_samhsa([tmp_path / "nope.xlsx"])


def test_unusable_rows_are_counted_by_reason(tmp_path: Path) -> None:
    rows = [
        facility_row("Sample Good", "SA * ORT"),
        facility_row("", "SA * ORT", zip_code="40203"),
        ["", "", "", "", "", "", "", "", "", "", "", "", ""],
        facility_row("Sample No Setting", "SA * MD", zip_code="40204"),
        facility_row("Sample Last", "SA * OIT", zip_code="40205"),
    ]
    result = import_samhsa([write_directory_workbook(tmp_path / "SA.xlsx", rows, SA_REFERENCE)])
    stats = result.stats
    assert stats.imported == 2
    assert stats.skipped == Counter({SKIP_NO_NAME: 1, SKIP_BLANK: 1, SKIP_NO_LEVEL: 1})
    assert (
        stats.read
        == stats.imported + stats.merged + stats.skipped_total - stats.skipped[SKIP_BLANK]
    )


def test_unknown_codes_are_counted_not_dropped_silently(tmp_path: Path) -> None:
    rows = [facility_row("Sample Clinic", "SA * ORT * ZZNEW")]
    result = import_samhsa([write_directory_workbook(tmp_path / "SA.xlsx", rows, SA_REFERENCE)])
    assert result.stats.unknown_codes == Counter({"ZZNEW (not in the reference sheet)": 1})


# --- the published 2022 workbooks (integration) -----------------------------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "samhsa-2022"
SA_FILE = SHARED / "National_Directory_SA_Facilities_2022.xlsx"
MH_FILE = SHARED / "National_Directory_MH_Facilities_2022.xlsx"


@pytest.fixture(scope="module")
def national():
    if not (SA_FILE.exists() and MH_FILE.exists()):
        pytest.skip("the published 2022 workbooks are not in ../shared/data")
    return import_samhsa([SA_FILE, MH_FILE])


def _raw_rows(path: Path) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Facilities List").to_python()
    return [[str(v).strip() for v in row] for row in rows[1:]]


@pytest.mark.integration
def test_national_import_counts(national) -> None:
    stats = national.stats
    assert stats.read == 12176 + 9037
    assert stats.read == stats.imported + stats.merged + stats.skipped_total
    assert stats.merged_across_files > 1000  # thousands of facilities are in both editions
    assert not stats.unknown_codes  # every published code is known to codes.py
    assert not stats.warnings
    assert 2000 < stats.flagged < 5000
    names = [name for name, _, _ in stats.files]
    assert names == [SA_FILE.name, MH_FILE.name]


@pytest.mark.integration
def test_national_import_matches_rows_read_independently(national) -> None:
    by_name_zip: dict[tuple[str, str], list] = {}
    for program in national.programs:
        by_name_zip.setdefault((program.name, program.location.zip or ""), []).append(program)
    checked = 0
    for row in _raw_rows(SA_FILE)[::997]:  # a spread of facilities across the states
        name1, name2, street1, _, city, state, zip5, phone = row[:8]
        codes_present = set(row[12].split())
        name = f"{name1} - {name2}" if name2 else name1
        candidates = [
            p
            for p in by_name_zip.get((name, zip5), [])
            if p.location.street and p.location.street.startswith(street1)
        ]
        if not codes_present & {
            "OP",
            "RES",
            "HI",
            "OIT",
            "ODT",
            "ORT",
            "OD",
            "OMB",
            "HID",
            "HIT",
            "RD",
            "RL",
            "RS",
            "DT",
        }:
            continue  # skipped for having no level of care
        assert len(candidates) == 1, name
        program = candidates[0]
        assert program.location.city == city and program.location.state == state
        assert program.contact.phone == phone
        payments = {payment for code, payment in PAYMENT_CODES.items() if code in codes_present}
        if ";" not in (program.source or ""):  # listed once: exactly what its row says
            assert ("iop" in program.levels) == ("OIT" in codes_present), name
            assert set(program.payment) == payments, name
        else:  # merged with its mental-health listing: at least what its row says
            assert payments <= set(program.payment), name
            assert "OIT" not in codes_present or "iop" in program.levels
        if "SA" in codes_present:
            assert "substance_use" in program.conditions
        if "TELE" in codes_present:
            assert program.telehealth
        assert program.location.lat is not None
        checked += 1
    assert checked >= 10


@pytest.mark.integration
def test_no_mental_health_only_facility_is_called_iop(national) -> None:
    iop = [p for p in national.programs if "iop" in p.levels]
    assert len(iop) > 5000
    assert all("Substance Use" in (p.source or "") for p in iop)


@pytest.mark.parametrize(
    ("name1", "name2", "name", "organization"),
    [
        (
            "Bowery Example Committee Inc",
            "Fred Sample SA Service Ctr",
            "Bowery Example Committee Inc - Fred Sample SA Service Ctr",
            "Bowery Example Committee Inc",
        ),
        ("Sample Center for", "Women/AARS", "Sample Center for Women/AARS", None),
        ("Horizons Example of", "San Francisco Inc", "Horizons Example of San Francisco Inc", None),
        ("Example Recovery -", "Downtown", "Example Recovery - Downtown", None),
        ("Only One Line Sample", None, "Only One Line Sample", None),
    ],
)
def test_name_lines_join_as_organisation_and_site_unless_the_first_runs_on(
    name1, name2, name, organization
) -> None:
    from iopguide.directory.importers.common import facility_names

    assert facility_names(name1, name2) == (name, organization)


@pytest.mark.parametrize("value", ["\u0664\u0660\u0662\u0660\u0662", "\u0664\u0660\u0662"])
def test_zip_codes_are_ascii_digits_only(value) -> None:
    from iopguide.directory.importers.common import spreadsheet_zip as normalise_zip

    assert normalise_zip(value) is None
