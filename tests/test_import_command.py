"""`iopguide directory import`: arguments, all-or-nothing output, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from import_fixtures import (
    MH_REFERENCE,
    SA_REFERENCE,
    facility_row,
    findtreatment_row,
    write_directory_workbook,
    write_findtreatment,
)
from iopguide.cli import run
from iopguide.directory.importers import writer


@pytest.fixture
def workbooks(tmp_path: Path) -> list[Path]:
    sa = write_directory_workbook(
        tmp_path / "National_Directory_SA_Facilities_2022.xlsx",
        [
            facility_row("Sample Shared Center", "SA * OP OIT * MD", zip_code="02108"),
            facility_row("Sample Sober Path", "SA * RES * SF * MALE", zip_code="40202"),
            facility_row("", "SA * ORT"),
        ],
        SA_REFERENCE,
    )
    mh = write_directory_workbook(
        tmp_path / "National_Directory_MH_Facilities_2022.xlsx",
        [
            facility_row("Sample Shared Center", "MH * OP PHDT * MC", zip_code="02108"),
        ],
        MH_REFERENCE,
    )
    return [sa, mh]


def test_import_writes_a_directory_that_loads_and_summarises(
    tmp_path: Path, workbooks: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "national.json"
    code = run(["directory", "import", "samhsa", *map(str, workbooks), "--output", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    text = " ".join(captured.out.split())
    assert "Imported 2 programs" in text
    assert "read 4 facility rows from 2 files" in text
    assert "merged 1" in text and "flagged 1" in text
    assert "skipped 1" in text and "no facility name" in text
    assert (
        "located 2 at ZIP-code centres: distances to these are measured between ZIP centres" in text
    )
    assert "published coordinates" not in text
    assert "undated" not in text and "no date" not in text  # the workbooks have a date
    assert f"iopguide find --directory {out} --zip YOUR_ZIP" in text

    data = json.loads(out.read_text())
    assert data["directory"]["sample"] is False
    assert data["directory"]["name"] == "SAMHSA National Directory 2022 (imported)"
    shared = next(p for p in data["programs"] if p["name"] == "Sample Shared Center")
    assert shared["location"]["zip"] == "02108"
    assert shared["levels"] == ["outpatient", "iop", "php"]  # MH "OP" is plain outpatient

    load = pytest.importorskip("iopguide.directory.load")
    directory = load.load_directory(out, use_cache=False)
    assert len(directory.programs) == 2
    assert {p.id for p in directory.programs} == {p["id"] for p in data["programs"]}


def test_the_import_report_in_spanish(tmp_path: Path, workbooks: list[Path], capsys) -> None:
    out = tmp_path / "nacional.json"
    args = ["directory", "import", "samhsa", *map(str, workbooks), "-o", str(out), "--lang", "es"]
    assert run(args) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Se importaron 2 programas en" in text
    assert "leídas 4 filas de centros de 2 archivos" in text
    assert "unidas 1" in text and "omitidas 1" in text
    assert f"iopguide find --directory {out} --zip SU_ZIP" in text
    assert "Imported" not in text and "facility rows" not in text


def test_yaml_output_quotes_zips_phones_and_dates(tmp_path: Path, workbooks: list[Path]) -> None:
    out = tmp_path / "national.yaml"
    assert run(["directory", "import", "samhsa", str(workbooks[0]), "-o", str(out)]) == 0
    text = out.read_text()
    assert 'zip: "02108"' in text
    assert 'phone: "502-555-0100"' in text
    assert 'last_verified: "2022-05-06"' in text
    load = pytest.importorskip("iopguide.directory.load")
    assert {p.location.zip for p in load.load_directory(out, use_cache=False).programs} == {
        "02108",
        "40202",
    }


def test_existing_output_is_not_overwritten_without_force(
    tmp_path: Path, workbooks: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "national.json"
    out.write_text("keep me")
    args = ["directory", "import", "samhsa", str(workbooks[0]), "--output", str(out)]
    assert run(args) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert run([*args, "--force"]) == 0
    assert json.loads(out.read_text())["programs"]


def test_a_failure_mid_write_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, workbooks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = writer.compact

    def failing(program: dict) -> dict:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(program)

    monkeypatch.setattr(writer, "compact", failing)
    out = tmp_path / "national.json"
    args = ["directory", "import", "samhsa", *map(str, workbooks), "--output", str(out)]
    assert run(args) == 1
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".national")]

    out.write_text("the old directory")
    calls["n"] = 0
    assert run([*args, "--force"]) == 1
    assert out.read_text() == "the old directory"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _appearing_during_the_write(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """Create *out* after the early check, while the programmes are being written."""
    real = writer.compact

    def compact_and_meanwhile(program: dict) -> dict:
        if not out.exists():
            out.write_text("written by someone else meanwhile")
        return real(program)

    monkeypatch.setattr(writer, "compact", compact_and_meanwhile)


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("hard_links", [True, False])
def test_an_output_that_appears_during_the_import_is_not_overwritten(
    tmp_path: Path,
    workbooks: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    hard_links: bool,
) -> None:
    import os

    if not hard_links:  # a file system without hard links: the O_EXCL claim instead

        def no_links(src: object, dst: object) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "national.json"
    real_compact = writer.compact
    _appearing_during_the_write(monkeypatch, out)
    args = ["directory", "import", "samhsa", str(workbooks[0]), "--output", str(out)]
    assert run(args) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "already exists; it was left as it is" in err and "--force" in err
    assert out.read_text() == "written by someone else meanwhile"
    assert _temp_files(tmp_path) == []

    # With nothing in the way, the claim succeeds and leaves no temporary file either.
    monkeypatch.setattr(writer, "compact", real_compact)
    out.unlink()
    assert run(args) == 0
    assert json.loads(out.read_text())["programs"]
    assert _temp_files(tmp_path) == []


def test_with_force_an_output_that_appears_during_the_import_is_replaced(
    tmp_path: Path, workbooks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "national.json"
    _appearing_during_the_write(monkeypatch, out)
    args = ["directory", "import", "samhsa", str(workbooks[0]), "-o", str(out), "--force"]
    assert run(args) == 0
    assert json.loads(out.read_text())["programs"]
    assert _temp_files(tmp_path) == []


def test_interrupted_write_leaves_no_file(
    tmp_path: Path, workbooks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(program: dict) -> dict:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "compact", interrupt)
    out = tmp_path / "national.json"
    assert run(["directory", "import", "samhsa", str(workbooks[0]), "-o", str(out)]) == 130
    assert list(tmp_path.glob("*national.json*")) == []


def test_unknown_source_lists_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["directory", "import", "nsduh", str(tmp_path), "-o", str(tmp_path / "o.json")])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 2
    assert "samhsa" in err and "findtreatment" in err


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys) -> None:
    out = tmp_path / "o.json"
    code = run(["directory", "import", "samhsa", str(tmp_path / "gone.xlsx"), "-o", str(out)])
    assert code == 2
    assert "gone.xlsx" in capsys.readouterr().err
    assert not out.exists()


def test_corrupt_workbook_is_a_data_error_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "National_Directory_SA_Facilities_2022.xlsx"
    bad.write_bytes(b"not a zip at all")
    out = tmp_path / "o.json"
    assert run(["directory", "import", "samhsa", str(bad), "-o", str(out)]) == 1
    assert "National_Directory_SA_Facilities_2022.xlsx" in capsys.readouterr().err
    assert not out.exists()


def test_bad_layout_message_reaches_the_user(tmp_path: Path, capsys) -> None:
    from import_fixtures import write_xlsx

    bad = write_xlsx(tmp_path / "report.xlsx", [("Data", [["Facility", "Phone"], ["x", "y"]])])
    assert run(["directory", "import", "samhsa", str(bad), "-o", str(tmp_path / "o.json")]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "service_code_info" in err and "Facility, Phone" in err


def test_findtreatment_source(tmp_path: Path, capsys) -> None:
    page = write_findtreatment(
        tmp_path / "page.json",
        [
            findtreatment_row(
                "Sample Locator Center",
                {
                    ("SET", "Service Settings"): "Intensive outpatient treatment",
                    ("TC", "Type of Care"): "Substance use treatment",
                },
            )
        ],
    )
    out = tmp_path / "ft.json"
    assert run(["directory", "import", "findtreatment", str(page), "--output", str(out)]) == 0
    (program,) = json.loads(out.read_text())["programs"]
    assert program["levels"] == ["iop"]
    assert program["contact"]["website"] == "http://example.org"
    assert "FindTreatment.gov" in program["source"]


def test_findtreatment_summary_says_coordinates_are_published_and_dates_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write_findtreatment(
        tmp_path / "page.json",
        [
            findtreatment_row("Sample Placed One", {("SET", "Service Settings"): "Outpatient"}),
            findtreatment_row(
                "Sample Placed Two", {("SET", "Service Settings"): "Outpatient"}, zip="22903"
            ),
        ],
    )
    out = tmp_path / "ft.json"
    assert run(["directory", "import", "findtreatment", str(page), "--output", str(out)]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "located 2 with published coordinates" in text
    assert "ZIP centre" not in text  # nothing was placed at a ZIP centre
    assert "undated 2 programs with no last-verified date" in text
    assert "pages and downloads carry no date: last_verified is left empty" in text


def test_summary_counts_each_kind_of_placement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = {("SET", "Service Settings"): "Outpatient"}
    page = write_findtreatment(
        tmp_path / "page.json",
        [
            findtreatment_row("Sample Placed", settings),
            findtreatment_row("Sample Zip Only", settings, latitude="", longitude="", zip="22903"),
            findtreatment_row("Sample Nowhere", settings, latitude="", longitude="", zip=""),
        ],
    )
    out = tmp_path / "ft.json"
    assert run(["directory", "import", "findtreatment", str(page), "--output", str(out)]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "located 1 with published coordinates 1 at ZIP-code centres" in text
    assert "1 without coordinates" in text


def test_the_collector_is_as_it_was_after_an_import(tmp_path: Path, workbooks) -> None:
    import gc

    from iopguide.commands.importing import run_import

    assert gc.isenabled()
    run_import("samhsa", workbooks, output=tmp_path / "on.json", force=False)
    assert gc.isenabled()
    gc.disable()
    try:
        run_import("samhsa", workbooks, output=tmp_path / "off.json", force=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert (tmp_path / "on.json").read_bytes() == (tmp_path / "off.json").read_bytes()
