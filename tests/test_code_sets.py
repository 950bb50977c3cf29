"""CodeSet.apply: one row's codes onto a facility, as the importers read them."""

from __future__ import annotations

from iopguide.directory.importers.code_sets import CodeSet, by_field, edition_codes
from iopguide.directory.importers.codes import CODES
from iopguide.directory.importers.common import Facility


def facility() -> Facility:
    return Facility(
        name="Sample Harbor Clinic",
        organization=None,
        street=None,
        city=None,
        state=None,
        zip5=None,
        match_street=None,
        source="test",
        edition="MH",
        last_verified=None,
    )


def test_restrictions_and_notes_keep_the_rows_order_and_unknown_codes_come_back() -> None:
    place = facility()
    row = ["ZZ1", "MH", "*", "DDF", "PA", "OP", "OIT", "VAMC", "ZZ1", "VAHC", "TELE", "*", "FEM"]
    assert CodeSet(CODES).apply(place, row) == ["ZZ1", "ZZ1"]  # never "*": it is no code
    assert place.serves_only == [
        "Military members and their families (Department of Defense facility)",
        "Veterans only (VA facility)",  # once, though two codes say it
        "Women only",  # from a code absent (MALE): after the codes present
    ]
    assert place.notes == ["Payment assistance available (check with the facility)."]
    assert place.telehealth is True
    fields = by_field(place.terms)
    assert fields["levels"] == ("iop",)  # OP gives way to the specific setting
    assert fields["conditions"] == ("mental_health",)
    assert fields["special_groups"] == ("veterans", "active_military")  # vocabulary order
    assert fields["facility_types"] == ("va",)
    assert fields["payment"] == ()


def test_an_umbrella_alone_counts_and_a_table_without_it_reports_it() -> None:
    alone = facility()
    assert CodeSet(CODES).apply(alone, ["SA", "OP"]) == []
    assert by_field(alone.terms)["levels"] == ("outpatient",)
    without = facility()
    table = {raw: code for raw, code in CODES.items() if raw != "OP"}
    assert CodeSet(table).apply(without, ["SA", "OP", "OIT"]) == ["OP"]
    assert by_field(without.terms)["levels"] == ("iop",)


def test_the_substance_use_editions_ages_are_not_read() -> None:
    place = facility()
    edition_codes("SA").apply(place, ["SA", "OIT", "CHLD"])
    assert by_field(place.terms)["ages"] == () and place.serves_only == []
    other = facility()
    edition_codes("MH").apply(other, ["MH", "OIT", "CHLD"])
    assert other.serves_only == ["Children and adolescents only (under 18)"]
    assert edition_codes("anything else") is edition_codes("MH")
