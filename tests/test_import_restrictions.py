"""What the importer makes of ages, restrictions and facility types (importers/codes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_fixtures import facility_row, write_directory_workbook
from iopguide.directory.importers import codes
from iopguide.directory.importers.samhsa import import_samhsa


def program(tmp_path: Path, code_info: str, *, edition: str, name: str = "Sample Harbor Clinic"):
    path = write_directory_workbook(
        tmp_path / f"{edition}_2022.xlsx", [facility_row(name, code_info)], None
    )
    (result,) = import_samhsa([path]).programs
    return result


@pytest.mark.parametrize(
    ("ages", "restriction"),
    [
        ("CHLD", "Children and adolescents only (under 18)"),
        ("CHLD YAD", "Children, adolescents and young adults only"),
        ("YAD", "Young adults only (18-25)"),
        ("SNR", "Older adults only (65+)"),
    ],
)
def test_mental_health_ages_without_adults_are_a_restriction(tmp_path, ages, restriction):
    found = program(tmp_path, f"MH * OP * {ages}", edition="MH")
    assert found.serves_only == (restriction,)
    assert found.ages


def test_mental_health_ages_with_adults_restrict_nothing(tmp_path):
    found = program(tmp_path, "MH * OP * ADLT CHLD SNR YAD", edition="MH")
    assert found.serves_only == ()
    assert found.ages == ("children", "adolescents", "young_adults", "adults", "older_adults")


def test_substance_use_age_codes_are_not_trusted(tmp_path):
    """The 2022 substance-use edition marks adult services CHLD-only: ages stay unknown."""
    found = program(tmp_path, "SA * OIT * CHLD * AD WN MN", edition="SA")
    assert found.ages == ()
    assert found.serves_only == ()
    assert "adolescents_only" in found.special_groups  # AD: a programme offered, still read


def test_for_edition_leaves_every_other_code_alone():
    table = codes.for_edition(dict(codes.CODES), "SA")
    changed = {k for k in table if table[k] is not codes.CODES[k]}
    assert changed == {"ADLT", "CHLD", "SNR", "YAD", "AD", "TAY"}
    assert all(table[k].ignored == codes.UNTRUSTED_AGES for k in ("ADLT", "CHLD", "SNR", "YAD"))
    assert table["AD"].adds == (("special_groups", "adolescents_only"),)
    assert codes.for_edition(dict(codes.CODES), "MH") == codes.CODES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anchor Centers - DUI School of Chicago", codes.NAME_DUI),
        ("Kentucky River Community Care Inc - Drug Court Services", codes.NAME_COURT),
        ("Time Out Community Counseling and Correctional Services", codes.NAME_COURT),
        ("Sample Harbor Clinic", None),
        ("CODAC at Cobblestone Court", None),  # a street-like name, not a court programme
    ],
)
def test_a_name_that_announces_a_single_group_is_flagged_as_ask(tmp_path, name, expected):
    found = program(tmp_path, "SA * OIT * DU", edition="SA", name=name)
    assert found.serves_only == ((expected,) if expected else ())
    assert "justice_involved" in found.special_groups


def test_a_dui_only_code_is_not_flagged_twice_by_name(tmp_path):
    found = program(tmp_path, "SA * OIT * DUO", edition="SA", name="Sample DUI Services")
    assert found.serves_only == ("DUI/DWI clients only",)


def test_facility_types_are_read_from_the_mental_health_edition(tmp_path):
    found = program(tmp_path, "MH * OP PHDT * CMHC IPSY", edition="MH")
    assert found.facility_types == ("cmhc", "general_hospital_psych_unit")
    assert found.levels == ("outpatient", "php")
