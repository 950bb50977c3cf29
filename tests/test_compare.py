"""`iopguide compare`: programmes side by side, in columns or blocks, JSON and Markdown."""

from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path

import pytest

from iopguide import crisis
from iopguide.app.results import CompareReport
from iopguide.cli import run
from iopguide.directory.load import load_directory
from iopguide.ui.compare_view import render_compare
from iopguide.ui.console import make_console

A, B, C = "argyle-example-counseling-iop", "bayou-sample-php", "acorn-example-childrens-center"
ESCAPES = re.compile(r"\x1b|\x9b|\u202e")


@pytest.fixture(autouse=True)
def _sample_directory(monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def report(*ids: str, notes: tuple = (), zip_code: str | None = None) -> CompareReport:
    loaded = load_directory(Path("sample"))
    programs = tuple(loaded.get(i) for i in ids)
    return CompareReport(
        programs, loaded.info, (12.5,) * len(ids) if zip_code else (), notes, zip_code
    )


def shown(result: CompareReport, width: int, *, plain: bool = False) -> str:
    buffer = io.StringIO()
    render_compare(result, make_console(file=buffer, width=width), plain=plain)
    return buffer.getvalue()


def test_wide_window_shows_one_column_per_program(capsys) -> None:
    result = report(A, B, C, zip_code="60601")
    text = shown(result, 160)
    header = next(line for line in text.splitlines() if "1. " in line)
    # The three names sit side by side on one line, in the order asked.
    names = [p.name for p in result.programs]
    positions = [header.index(name[:20]) for name in names]
    assert positions == sorted(positions)
    phones = next(line for line in text.splitlines() if line.startswith("│Phone"))
    for program in result.programs:
        assert program.contact.phone in phones
    assert "│Distance from" in text and "12.5 miles" in text
    assert crisis.FOOTER in " ".join(text.split())


def test_narrow_window_stacks_blocks_and_never_cuts_a_phone() -> None:
    result = report(A, B)
    text = shown(result, 40)
    assert all(len(line) <= 40 for line in text.splitlines())
    first, second = text.index("1. " + result.programs[0].name), text.index("2. ")
    assert first < second
    block = text[first:second]
    assert f"Phone: {result.programs[0].contact.phone}" in block
    assert "Levels: IOP" in block
    assert "│" not in text  # no table at 40 columns


def test_plain_mode_is_blocks_even_when_wide() -> None:
    text = shown(report(A, B), 160, plain=True)
    assert "│" not in text and "Phone: " in text


ASKING = textwrap.dedent(
    """\
    directory: {name: "Test directory", source: tests, updated: "2026-11-01"}
    programs:
      - id: may-clinic
        name: "May Example Clinic"
        levels: [outpatient, php]
        conditions: [mental_health]
        serves_only: ["Veterans only"]
        location: {city: "Louisville", state: KY, zip: "40202"}
        contact: {phone: "502-555-0101"}
      - id: iop-clinic
        name: "Iop Example Clinic"
        levels: [iop]
        conditions: [depression]
        location: {city: "Louisville", state: KY, zip: "40202"}
        contact: {phone: "502-555-0102"}
    """
)


def test_may_run_an_iop_and_restrictions_are_said(tmp_path) -> None:
    path = tmp_path / "asking.yaml"
    path.write_text(ASKING, encoding="utf-8")
    loaded = load_directory(path)
    result = CompareReport(tuple(loaded.programs), loaded.info)
    text = " ".join(shown(result, 40).split())
    may = text[: text.index("2. Iop Example")]
    assert "may run an IOP: ask" in may and "Only: Veterans only" in may
    assert "may run an IOP: ask" not in text[len(may) :]


def test_your_note_is_labelled_and_kept_apart() -> None:
    import datetime

    from iopguide.directory.notes import Note

    note = Note(
        id=A,
        learned_on=datetime.date(2026, 11, 30),
        runs_iop=True,
        schedule=("evening",),
        wait="2 weeks",
        plans=("Medicaid",),
        note="Ask for Dana \x1b[31m",
    )
    result = report(A, B, notes=(note, None))
    text = " ".join(shown(result, 40).split())
    assert "Your note, 2026-11-30:" in text
    assert "Runs an IOP" in text and "Evenings" in text and "2 weeks" in text
    assert "Ask for Dana" in text and "\x1b" not in text
    assert text.count("Your note,") == 1  # only the programme it belongs to
    payload = json.loads(_json(result))
    assert payload["programs"][0]["your_note"]["wait"] == "2 weeks"
    assert payload["programs"][0]["your_note"]["label"] == "Your note, 2026-11-30"
    assert payload["programs"][1]["your_note"] is None


def _json(result: CompareReport) -> str:
    from iopguide.app.environment import Environment
    from iopguide.render.json_format import JsonRenderer

    buffer = io.StringIO()
    JsonRenderer().render_compare(result, Environment.for_buffer(buffer))
    return buffer.getvalue()


def test_json_lists_programs_as_show_does(capsys) -> None:
    code, out, _ = call(capsys, "compare", A, B, "--zip", "60601", "--json")
    assert code == 0
    payload = json.loads(out)
    assert [p["id"] for p in payload["programs"]] == [A, B]
    _, shown_out, _ = call(capsys, "show", A, "--json")
    single = json.loads(shown_out)["program"]
    first = payload["programs"][0]
    assert {k: first[k] for k in single} == single  # the same per-programme dict
    assert isinstance(first["distance_miles"], float)
    assert payload["origin_zip"] == "60601" and payload["sample"] is True
    assert payload["crisis_lines"][0]["how"]


def test_unknown_id_is_a_usage_error_with_did_you_mean(capsys) -> None:
    code, out, err = call(capsys, "compare", A, "bayou-sample-ph")
    assert code == 2 and out == ""
    assert "Did you mean 'bayou-sample-php'" in err
    assert "Traceback" not in err


def test_one_id_is_not_a_comparison(capsys) -> None:
    code, _, err = call(capsys, "compare", A)
    assert code == 2 and "two or more" in err


HOSTILE = textwrap.dedent(
    """\
    directory: {name: "Hostile test directory", source: tests, updated: "2026-11-01"}
    programs:
      - id: pipe-clinic
        name: "[Call me](http://evil.example) | <img src=x> **now**"
        levels: [iop]
        conditions: [depression]
        location: {city: "Louisville", state: KY, zip: "40202"}
        contact: {phone: "502-555-0100 | x"}
      - id: plain-clinic
        name: "Plain Example Clinic\\e[31m"
        levels: [iop]
        conditions: [depression]
        location: {city: "Louisville", state: KY, zip: "40202"}
    """
)


def test_markdown_keeps_hostile_names_as_text_in_one_cell(capsys, tmp_path, monkeypatch) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    code, out, err = call(
        capsys, "compare", "pipe-clinic", "plain-clinic", "--directory", str(path), "-f", "markdown"
    )
    assert code == 0, err
    header = next(line for line in out.splitlines() if line.startswith("| | "))
    assert "[Call me](" not in header and "\\[Call me\\]" in header
    assert re.search(r"(?<!\\)<img", out) is None
    assert header.count("|") - header.count("\\|") == 4  # label + two programmes, no extra cell
    phone = next(line for line in out.splitlines() if line.startswith("| **Phone**"))
    assert "502-555-0100 \\| x" in phone
    assert not ESCAPES.search(out)
    monkeypatch.setenv("IOPGUIDE_PLAIN", "1")  # blocks: the name on one line
    code, out, err = call(
        capsys, "compare", "pipe-clinic", "plain-clinic", "--directory", str(path)
    )
    assert code == 0 and "[Call me](http://evil.example)" in " ".join(out.split())
    assert not ESCAPES.search(out + err)


def test_compare_writes_to_a_file_only_when_asked(capsys, tmp_path) -> None:
    target = tmp_path / "compare.md"
    code, out, _ = call(capsys, "compare", A, B, "-f", "markdown", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# Programs side by side")
    code, _, _ = call(capsys, "compare", A, B, "-f", "markdown", "-o", str(target))
    assert code != 0  # never replaced without --force


def test_spanish_labels(capsys, spanish) -> None:
    text = shown(report(A, B), 40)
    assert "Teléfono" in text


def test_a_closed_note_comes_first_in_every_compare_view() -> None:
    import datetime

    from iopguide.directory.notes import Note
    from iopguide.render.html import HtmlRenderer

    note = Note(id=A, learned_on=datetime.date(2026, 11, 30), closed=True, note="Moved away")
    result = report(A, B, notes=(note, None))
    text = " ".join(shown(result, 40).split())  # stacked: each phrase whole
    said = "Closed, or not to refer to (your note, 2026-11-30)"
    assert said in text and text.index(said) < text.index("Levels")
    from iopguide.app.environment import Environment

    buffer = io.StringIO()
    HtmlRenderer().render(result, Environment.for_buffer(buffer))
    page = buffer.getvalue()
    assert said in page and page.index(said) < page.index("Levels")
