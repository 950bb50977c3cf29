"""The national directory iopguide ships by default: real, reproducible, and searched honestly.

The rebuild and the workbook counts use SAMHSA's 2022 workbooks in
../shared/data/samhsa-2022 and skip cleanly when they are absent.
"""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

from iopguide.cli import run
from iopguide.directory import national
from iopguide.directory.geo import haversine_miles, zip_centre
from iopguide.directory.load import builtin_directory_path, load_directory
from iopguide.directory.search import parse_filters, search

REPO = Path(__file__).resolve().parents[1]
WORKBOOKS = [REPO.parent / "shared" / "data" / "samhsa-2022" / n for n in national.WORKBOOKS_2022]
#: ZIP -> radius: the places the issue names, city and rural.
PLACES = {"40202": 25, "10001": 10, "94103": 5, "60601": 25, "99501": 25, "59001": 50}


def needs_workbooks() -> None:
    if not all(w.is_file() for w in WORKBOOKS):
        pytest.skip("SAMHSA's 2022 workbooks are not in ../shared/data/samhsa-2022")


def _workbook_rows() -> list[dict[str, str]]:
    """Every facility row of the 2022 workbooks, read directly (not by iopguide's importer)."""
    from python_calamine import CalamineWorkbook

    found = []
    for path in WORKBOOKS:
        book = CalamineWorkbook.from_path(str(path))
        rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
        header = [str(h).strip().lower() for h in rows[0]]
        assert "service_code_info" in header, path
        for row in rows[1:]:
            texts = ["" if v is None else str(v).strip() for v in row]
            found.append(dict(zip(header, texts, strict=False)))
    return found


@pytest.fixture(scope="module")
def directory():
    return load_directory()


def test_the_shipped_file_is_small_compressed_and_real() -> None:
    path = Path(builtin_directory_path())
    assert path.name == national.FILE_NAME and path.stat().st_size < 5 * 1024 * 1024
    header = json.loads(lzma.decompress(path.read_bytes()).split(b"\n", 1)[0][14:-1])
    assert header["sample"] is False
    assert header["name"] == "SAMHSA National Directory, 2022 edition"
    assert "public domain" in header["source"]


@pytest.mark.integration
def test_the_shipped_file_is_what_the_importer_makes_from_the_workbooks() -> None:
    needs_workbooks()
    built, count = national.build(WORKBOOKS)
    shipped = Path(builtin_directory_path()).read_bytes()
    assert count > 18_000
    # Compare the JSON, not the compressed bytes: a different xz build may pack differently.
    assert lzma.decompress(built) == lzma.decompress(shipped), (
        "data/national-directory.json.xz is out of date: run python scripts/build_national.py"
    )


def test_find_without_a_directory_returns_real_listings(capsys) -> None:
    assert run(["find", "--zip", "40202", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["sample"] is False
    assert payload["directory"]["name"] == "SAMHSA National Directory, 2022 edition"
    assert payload["listed_in"] == "SAMHSA's National Directory, 2022 edition"
    assert "Helpline" in payload["confirm"]  # the 2022 edition is more than a year old
    assert payload["total"] > 10 and payload["telehealth_elsewhere"] > 0
    assert all(r["listed"].startswith("Listed in SAMHSA") for r in payload["results"])


def test_cards_credit_the_edition_and_never_show_its_date_as_a_check(capsys) -> None:
    assert run(["find", "--zip", "40202", "--limit", "3"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Listed in SAMHSA's National Directory, 2022 edition" in out
    assert "Checked" not in out and "2022-05-06" not in out
    assert "call to confirm" in out and "1-800-662-4357" in out


@pytest.mark.parametrize(("zip_code", "radius"), sorted(PLACES.items()))
def test_every_plain_result_is_in_person_and_within_the_radius(directory, zip_code, radius):
    result = search(directory, parse_filters(zip_code=zip_code, radius=radius))
    assert result.total > 0
    for match in result.matches:
        assert match.reach == "in_person"
        assert match.distance_miles is not None and match.distance_miles <= radius


@pytest.mark.integration
@pytest.mark.parametrize(("zip_code", "radius"), sorted(PLACES.items()))
def test_iop_listings_found_equal_the_workbooks_oit_facilities_within_the_radius(
    directory, zip_code, radius
):
    needs_workbooks()
    from iopguide.directory.importers.common import facility_key, facility_names
    from iopguide.directory.importers.common import spreadsheet_zip as normalise_zip

    origin = zip_centre(zip_code)
    expected: set[str] = set()
    for cell in _workbook_rows():
        if "OIT" not in cell["service_code_info"].split():
            continue
        zip5 = normalise_zip(cell["zip"])
        centre = zip_centre(zip5) if zip5 else None
        if centre is None:
            continue
        miles = round(haversine_miles(origin.lat, origin.lon, centre.lat, centre.lon), 1)
        if miles <= radius:
            name, _ = facility_names(cell["name1"], cell["name2"] or None)
            expected.add(facility_key(name, cell["street1"], zip5))
    result = search(directory, parse_filters(zip_code=zip_code, radius=radius))
    listed = [m for m in result.matches if m.level_match == "listed"]
    assert len(listed) == len(expected)


def test_a_depression_iop_search_near_40202_ranks_by_fit_and_explains_ask(directory, capsys):
    result = search(directory, parse_filters(zip_code="40202", conditions=["depression"]))
    ranks = [m.rank for m in result.matches]
    assert ranks == sorted(ranks)
    asks = [m for m in result.matches if m.level_match == "ask"]
    assert asks and all("iop" not in m.program.levels for m in asks)
    assert run(["find", "--zip", "40202", "--condition", "depression", "--limit", "0"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "may run an IOP: ask" in out
    assert "mental-health listings cannot record IOP" in out


def test_the_data_cannot_answer_plans_or_schedules_and_says_so(capsys) -> None:
    assert run(["find", "--zip", "40202", "--insurance", "aetna", "--schedule", "evening"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "does not record insurance plans" in out and "does not record schedules" in out
    assert "No programs matched" not in out


def test_restrictions_show_on_cards_tables_and_json(capsys) -> None:
    args = ["find", "--zip", "59001", "--radius", "60", "--limit", "0"]
    assert run([*args, "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    restricted = [r for r in results if r["serves_only"]]
    assert restricted, "expected a restricted programme near Absarokee within 60 miles"
    assert run(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert all(" ".join(r["serves_only"][0].split()) in out for r in restricted)


def test_results_for_younger_people_only_say_how_to_narrow_by_age(capsys) -> None:
    args = ["find", "--zip", "94103", "--condition", "eating_disorder", "--limit", "5"]
    assert run(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "only children, teenagers or young adults: add --age-group adults" in out
    assert run([*args, "--age-group", "adults", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert all(not r["ages"] or "adults" in r["ages"] for r in results)


def test_the_wide_table_names_the_edition_briefly_and_flags_restrictions(directory) -> None:
    import io

    from iopguide.ui.console import make_console
    from iopguide.ui.results_view import render_search

    result = search(directory, parse_filters(zip_code="60601", conditions=["alcohol"]))
    buffer = io.StringIO()
    render_search(result, directory.info, 3, make_console(file=buffer, width=160))
    out = buffer.getvalue()
    assert "┃ Listed" in out and "SAMHSA 2022" in out and "Checked" not in out
    assert "DUI/DWI programme" in out
