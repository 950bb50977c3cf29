"""FindTreatment.gov API pages: services in words map to the same vocabulary as the codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from import_fixtures import findtreatment_row, write_findtreatment
from iopguide.directory.importers.common import SKIP_NO_NAME, SKIP_NOT_A_RECORD
from iopguide.directory.importers.findtreatment import import_findtreatment
from iopguide.errors import DataError, UsageError

SET = ("SET", "Service Settings (e.g., Outpatient, Residential, Inpatient etc.)")
TC = ("TC", "Type of Care")
PAY = ("PAY", "Payment/Insurance/Funding Accepted")
PYAS = ("PYAS", "Payment Assistance Available")
SG = ("SG", "Special Programs/Groups Offered")
EXCL = ("EXCL", "Exclusive Services")
AGE = ("AGE", "Age Groups Accepted")
GN = ("GN", "Gender Accepted")
TAP = ("TAP", "Treatment Approaches")


def import_rows(tmp_path: Path, *rows: object):
    return import_findtreatment([write_findtreatment(tmp_path / "page.json", list(rows))])


@pytest.mark.parametrize(
    ("words", "level"),
    [
        ("Intensive outpatient treatment", "iop"),
        ("Partial hospitalization/day treatment", "php"),
        ("Outpatient day treatment or partial hospitalization", "php"),
        ("Regular outpatient treatment", "outpatient"),
        ("Residential", "residential"),
        ("Short-term residential", "residential"),
        ("Hospital inpatient", "inpatient"),
        ("Hospital inpatient detoxification", "detox"),
    ],
)
def test_setting_words_map_to_levels(tmp_path: Path, words: str, level: str) -> None:
    row = findtreatment_row("Sample Words Center", {TC: "Substance use treatment", SET: words})
    (program,) = import_rows(tmp_path, row).programs
    assert level in program.levels


def test_all_kinds_of_words_map_to_the_vocabulary(tmp_path: Path) -> None:
    row = findtreatment_row(
        "Sample Words Center",
        {
            TC: "Mental health treatment; Substance use treatment",
            SET: "Outpatient; Intensive outpatient treatment; Telemedicine/telehealth",
            PAY: "Medicaid; Medicare; Military insurance (e.g., TRICARE); Cash or self-payment; "
            "State-financed health insurance plan other than Medicaid",
            PYAS: "Sliding fee scale (fee is based on income and other factors)",
            SG: "Persons with post-traumatic stress disorder (PTSD); "
            "Persons with eating disorders; Veterans; Transitional age young adults",
            AGE: "Adults; Seniors (65 or older)",
            TAP: "Cognitive behavioral therapy; Dialectical behavior therapy",
        },
    )
    (program,) = import_rows(tmp_path, row).programs
    assert program.levels == ("iop",)  # "Outpatient" is an umbrella over the IOP given
    assert program.telehealth
    assert set(program.conditions) == {
        "mental_health",
        "substance_use",
        "trauma",
        "eating_disorder",
    }
    assert set(program.payment) == {
        "medicaid",
        "medicare",
        "military",
        "self_pay",
        "state_funded",
        "sliding_scale",
    }
    assert "veterans" in program.special_groups
    assert set(program.ages) == {"adults", "older_adults", "young_adults"}
    assert program.approaches == ("cbt", "dbt")


def test_unknown_words_are_counted(tmp_path: Path) -> None:
    row = findtreatment_row("Sample Words Center", {SET: "Outpatient; Moon-based therapy"})
    result = import_rows(tmp_path, row)
    assert result.stats.unknown_codes["Moon-based therapy (SET)"] == 1


def test_exclusive_entries_that_say_only_are_restrictions_others_are_not(tmp_path: Path) -> None:
    rows = [
        findtreatment_row(
            "Sample Only Vets", {SET: "Outpatient", EXCL: "Serves Veterans only"}, zip="22901"
        ),
        findtreatment_row(
            "Sample Region Ten", {SET: "Outpatient", EXCL: "DUI/DWI clients"}, zip="22903"
        ),
        findtreatment_row(
            "Sample Methadone",
            {SET: "Outpatient", EXCL: "Methadone and buprenorphine clients only"},
            zip="22911",
        ),
        findtreatment_row("Sample Men", {SET: "Residential", GN: "Male"}, zip="22932"),
        findtreatment_row(
            "Sample Brand New",
            {SET: "Outpatient", EXCL: "Serves only people who juggle"},
            zip="22936",
        ),
    ]
    result = import_rows(tmp_path, *rows)
    only = {p.name: p.serves_only for p in result.programs}
    assert only["Sample Only Vets"] == ("Veterans only",)
    assert only["Sample Region Ten"] == ()
    assert only["Sample Methadone"] == ("Methadone and buprenorphine clients only",)
    assert only["Sample Men"] == ("Men only",)
    assert only["Sample Brand New"] == ("People who juggle only",)
    assert result.stats.flagged == 4


def test_published_coordinates_are_kept_and_missing_ones_come_from_the_zip(tmp_path: Path) -> None:
    rows = [
        findtreatment_row("Sample Placed", {SET: "Outpatient"}),
        findtreatment_row(
            "Sample Unplaced", {SET: "Outpatient"}, latitude=None, longitude="", zip="22903"
        ),
    ]
    programs = {p.name: p for p in import_rows(tmp_path, *rows).programs}
    assert programs["Sample Placed"].location.lat == pytest.approx(38.03)
    assert programs["Sample Unplaced"].location.lat == pytest.approx(38.0, abs=0.2)


def test_placements_are_counted_published_zip_centre_or_none(tmp_path: Path) -> None:
    rows = [
        findtreatment_row("Sample Placed", {SET: "Outpatient"}),
        findtreatment_row("Sample Also Placed", {SET: "Outpatient"}, zip="22903"),
        findtreatment_row(
            "Sample Zip Only", {SET: "Outpatient"}, latitude=None, longitude="", zip="22911"
        ),
        findtreatment_row(
            "Sample Nowhere", {SET: "Outpatient"}, latitude=None, longitude=None, zip=""
        ),
    ]
    stats = import_rows(tmp_path, *rows).stats
    assert stats.imported == 4
    assert (stats.published_coordinates, stats.zip_centres, stats.no_coordinates) == (2, 1, 1)


def test_no_date_is_invented_and_the_summary_and_sources_say_where_each_came_from(
    tmp_path: Path,
) -> None:
    page = write_findtreatment(
        tmp_path / "page-3.json",
        [
            findtreatment_row("Sample Dateless", {SET: "Outpatient"}),
            findtreatment_row("Sample Dateless Too", {SET: "Residential"}, zip="22903"),
        ],
        page=3,
        totalPages=9,
    )
    result = import_findtreatment([page])
    assert {p.last_verified for p in result.programs} == {None}
    assert result.stats.undated == 2
    assert any(
        "carry no date" in note and "last_verified is left empty" in note
        for note in result.stats.notes
    )
    assert "carry no date" in result.info.source
    for program in result.programs:
        assert program.source == "FindTreatment.gov locator (SAMHSA), page 3 of 9 (page-3.json)"


def test_condition_comes_from_the_facility_type_when_no_type_of_care_is_given(
    tmp_path: Path,
) -> None:
    row = findtreatment_row("Sample Mind", {SET: "Outpatient"}, typeFacility="MH")
    assert import_rows(tmp_path, row).programs[0].conditions == ("mental_health",)


def test_same_facility_on_two_pages_is_merged(tmp_path: Path) -> None:
    row = findtreatment_row("Sample Twice", {SET: "Outpatient", PAY: "Medicaid"})
    other = findtreatment_row("Sample Twice", {SET: "Residential", PAY: "Medicare"})
    first = write_findtreatment(tmp_path / "p1.json", [row])
    second = write_findtreatment(tmp_path / "p2.json", [other], page=2)
    result = import_findtreatment([first, second])
    (program,) = result.programs
    assert program.levels == ("outpatient", "residential")
    assert program.payment == ("medicaid", "medicare")
    assert result.stats.merged == 1


def test_unusable_rows_are_counted_by_reason(tmp_path: Path) -> None:
    result = import_rows(
        tmp_path,
        findtreatment_row("Sample Fine", {SET: "Outpatient"}),
        "not a record",
        findtreatment_row("", {SET: "Outpatient"}),
    )
    assert result.stats.read == 3
    assert result.stats.skipped == {SKIP_NOT_A_RECORD: 1, SKIP_NO_NAME: 1}


def test_a_file_that_is_not_an_api_page_names_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"facilities": []}))
    with pytest.raises(DataError) as caught:
        import_findtreatment([path])
    message = caught.value.problems[0].message
    assert "rows" in message and "facilities" in message


def test_invalid_json_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(DataError):
        import_findtreatment([bad])
    with pytest.raises(UsageError):
        import_findtreatment([tmp_path / "missing.json"])


SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "findtreatment-sample-2019"
    / "locations-page1.json"
)


@pytest.mark.integration
def test_the_published_sample_page(tmp_path: Path) -> None:
    if not SAMPLE.exists():
        pytest.skip("the FindTreatment.gov sample page is not in ../shared/data")
    rows = json.loads(SAMPLE.read_text())["rows"]
    result = import_findtreatment([SAMPLE])
    assert result.stats.read == len(rows)
    assert result.stats.read == result.stats.imported + result.stats.merged
    assert not result.stats.unknown_codes  # every word on the page is known
    by_name = {p.name: p for p in result.programs}
    for row in rows:
        name = f"{row['name1']} - {row['name2']}" if row["name2"] else row["name1"]
        settings = next((s["f3"] for s in row["services"] if s["f2"] == "SET"), "")
        program = by_name[name]
        if "Intensive outpatient treatment" in settings:
            assert "iop" in program.levels
        assert program.location.lat is not None
    # The page publishes a position for every facility: none is at a ZIP centre.
    assert result.stats.published_coordinates == result.stats.imported
    assert result.stats.zip_centres == result.stats.no_coordinates == 0
    assert result.stats.undated == result.stats.imported
