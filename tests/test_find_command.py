"""`iopguide find` and `iopguide show` as a script or a person runs them."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from iopguide import crisis
from iopguide.cli import run


@pytest.fixture(autouse=True)
def _sample_directory(monkeypatch) -> None:
    """These tests read the fictional sample directory; test_national.py covers the default."""
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """Rich wraps long lines; compare words, not line breaks."""
    return " ".join(text.split())


HOSTILE = textwrap.dedent(
    """\
    directory:
      name: "Hostile [bold]test[/bold] directory"
      source: tests
      sample: false
      updated: "2026-11-01"
    programs:
      - id: markup-clinic
        name: "Dr. Smith [/b] clinic [link=file:///etc/passwd]click[/link]"
        organization: "\\e[31mRED\\e[0m Org \\u202Egnp.exe"
        levels: [iop]
        conditions: [depression]
        payment: [medicaid]
        insurance_plans: ["[red]Plan[/red]"]
        location: {city: "Louisville\\e]8;;http://evil.example\\a", state: KY, zip: "40202"}
        contact: {phone: "502-555-0100\\x9b2J"}
        notes: "line one\\nline two \\x1b[2J"
    """
)


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_json_has_the_documented_shape_and_nothing_else_on_stdout(capsys) -> None:
    code, out, err = call(capsys, "find", "--zip", "40202", "--json", "--limit", "2")
    assert code == 0
    payload = json.loads(out)  # the whole of stdout is one JSON object
    assert payload["sample"] is True
    assert payload["directory"]["sample"] is True
    assert payload["total"] >= 4 and payload["shown"] == 2
    first = payload["results"][0]
    for key in (
        "id",
        "name",
        "levels",
        "conditions",
        "payment",
        "location",
        "phone",
        "website",
        "distance_miles",
        "matched",
        "last_verified",
        "serves_only",
        "reach",
        "level_match",
        "condition_match",
        "listed",
    ):
        assert key in first
    assert first["reach"] == "in_person" and first["level_match"] == "listed"
    assert first["condition_match"] is None  # no condition was asked
    assert isinstance(payload["telehealth_elsewhere"], int)
    assert set(first["location"]) >= {"street", "city", "state", "zip", "lat", "lon"}
    assert "iop" in first["levels"]
    assert isinstance(first["distance_miles"], float)
    assert first["distance_miles"] <= payload["results"][1]["distance_miles"]
    assert any("miles from 40202" in reason for reason in first["matched"])
    assert err == ""  # the sample notice is for people; JSON says "sample": true


def test_json_total_counts_every_match_whatever_the_limit(capsys) -> None:
    _, out_all, _ = call(capsys, "find", "--level", "any", "--json", "--limit", "0")
    _, out_one, _ = call(capsys, "find", "--level", "any", "--json", "--limit", "1")
    every, one = json.loads(out_all), json.loads(out_one)
    assert every["total"] == one["total"] == len(every["results"])
    assert len(one["results"]) == 1


def test_distance_is_null_without_a_location(capsys) -> None:
    _, out, _ = call(capsys, "find", "--state", "KY", "--json")
    results = json.loads(out)["results"]
    assert results and all(r["distance_miles"] is None for r in results)
    assert all(
        r["location"]["state"] == "KY" or "Telehealth in KY" in r["matched"] for r in results
    )


def test_table_output_says_sample_on_stderr_and_ends_with_crisis_line(capsys) -> None:
    code, out, err = call(capsys, "find", "--zip", "10001")
    assert code == 0
    assert "SAMPLE" in err
    assert out.rstrip().splitlines()[-1].strip() in crisis.FOOTER or crisis.FOOTER.endswith(
        out.rstrip().splitlines()[-1].strip()
    )
    assert "988" in out and "911" in out


def test_no_results_names_the_filter_and_gives_the_helpline(capsys) -> None:
    code, out, _ = call(capsys, "find", "--zip", "40202", "--radius", "1", "--insurance", "ihs")
    assert code == 0  # an empty search is a success
    assert "No programs matched" in out
    assert "ruled out the most" in flat(out)
    assert "1-800-662-4357" in out
    assert "988" in out


def test_unknown_value_is_exit_2_with_valid_values(capsys) -> None:
    code, out, err = call(capsys, "find", "--condition", "depresssion")
    assert code == 2
    assert "Did you mean 'depression'" in flat(err)
    assert "Valid values:" in err
    assert out == ""


def test_unknown_zip_is_exit_2(capsys) -> None:
    code, _, err = call(capsys, "find", "--zip", "00000")
    assert code == 2
    assert "not a ZIP code iopguide knows" in flat(err)


def test_show_prints_the_whole_record(capsys) -> None:
    _, out, _ = call(capsys, "find", "--zip", "40202", "--json", "--limit", "1")
    pid = json.loads(out)["results"][0]["id"]
    code, out, _ = call(capsys, "show", pid)
    assert code == 0
    for label in ("Levels of care", "Treats", "Payment", "Address", "Phone", "Listed / checked"):
        assert label in out
    code, out, _ = call(capsys, "show", pid, "--json")
    assert json.loads(out)["program"]["id"] == pid


def test_show_unknown_id_suggests_the_closest(capsys) -> None:
    _, out, _ = call(capsys, "find", "--zip", "40202", "--json", "--limit", "1")
    pid = json.loads(out)["results"][0]["id"]
    code, _, err = call(capsys, "show", pid[:-2])
    assert code == 2
    assert f"Did you mean {pid!r}" in flat(err)


def test_invalid_directory_is_refused_with_a_report_not_a_traceback(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "directory: {name: x}\nprograms:\n  - id: a\n    name: A\n    levels: [iopp]\n"
        "    conditions: [depression]\n",
        encoding="utf-8",
    )
    code, out, err = call(capsys, "find", "--directory", str(bad))
    assert code == 1
    assert "Traceback" not in err
    assert "bad.yaml:5" in err and "iopp" in err
    assert out == ""


def test_missing_directory_file_is_exit_2(capsys, tmp_path) -> None:
    code, _, err = call(capsys, "find", "--directory", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in err


def test_environment_variable_chooses_the_directory(capsys, monkeypatch, hostile_file) -> None:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", str(hostile_file))
    code, out, _ = call(capsys, "find", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["sample"] is False
    assert [r["id"] for r in payload["results"]] == ["markup-clinic"]


ESCAPES = re.compile(r"[\x1b\x9b\x07\u202e]")


@pytest.mark.parametrize("width", ["40", "80", "200"])
def test_data_is_shown_as_plain_text_never_markup_or_control_codes(
    capsys, monkeypatch, hostile_file, width
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    from iopguide.ui import console

    console.stdout_console.cache_clear()
    console.stderr_console.cache_clear()
    try:
        for args in (
            ("find", "--directory", str(hostile_file), "--zip", "40202"),
            ("show", "markup-clinic", "--directory", str(hostile_file)),
        ):
            code, out, err = call(capsys, *args)
            assert code == 0, err
            assert "[/b]" in out  # shown literally, did not crash rich
            assert "[link=file:///etc/passwd]" in out
            assert not ESCAPES.search(out + err)
            assert "502-555-0100" in out  # phone never cut
    finally:
        console.stdout_console.cache_clear()
        console.stderr_console.cache_clear()


def test_error_messages_quoting_the_file_are_cleaned(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "directory: {name: x}\nprograms:\n  - id: a\n    name: A\n"
        '    levels: ["\\e[31miopp"]\n    conditions: [depression]\n',
        encoding="utf-8",
    )
    code, _, err = call(capsys, "find", "--directory", str(bad))
    assert code == 1
    assert not ESCAPES.search(err)


def test_a_closed_pipe_is_a_quiet_success(tmp_path) -> None:
    """`iopguide find | head -1`: no 'bad data' exit status, no traceback."""
    import os
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic_directory import build

    big = tmp_path / "big.json"
    big.write_text(json.dumps(build(600)), encoding="utf-8")
    env = dict(os.environ, IOPGUIDE_CACHE_DIR=str(tmp_path / "cache"))
    for args in (
        ["find", "--level", "any", "--limit", "0"],
        ["find", "--level", "any", "--limit", "0", "--json"],
    ):
        proc = subprocess.Popen(
            [sys.executable, "-m", "iopguide", *args, "--directory", str(big)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout.readline()
        proc.stdout.close()  # like `head -1` exiting
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
        assert b"Traceback" not in err


def test_directory_given_before_the_command_is_used_by_it(capsys, hostile_file) -> None:
    code, out, _ = call(capsys, "--directory", str(hostile_file), "find", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["results"]] == ["markup-clinic"]
    code, out, _ = call(capsys, "--directory", str(hostile_file), "show", "markup-clinic", "--json")
    assert code == 0 and json.loads(out)["program"]["id"] == "markup-clinic"


def test_a_typed_directory_beats_the_environment_wherever_it_stands(
    capsys, monkeypatch, hostile_file
) -> None:
    from iopguide.directory.load import sample_directory_path

    monkeypatch.setenv("IOPGUIDE_DIRECTORY", str(sample_directory_path()))
    for args in (
        ["--directory", str(hostile_file), "find", "--json"],
        ["find", "--directory", str(hostile_file), "--json"],
    ):
        code, out, _ = call(capsys, *args)
        assert code == 0
        assert [r["id"] for r in json.loads(out)["results"]] == ["markup-clinic"], args
    code, out, _ = call(capsys, "find", "--json")
    assert json.loads(out)["sample"] is True  # the variable alone still counts


@pytest.mark.parametrize("radius", ["nan", "inf"])
def test_a_radius_that_is_not_a_distance_is_a_usage_error(capsys, radius) -> None:
    code, out, err = call(capsys, "find", "--zip", "40202", "--radius", radius)
    assert code == 2 and out == ""
    assert "--radius must be a number of miles" in err


def test_show_to_a_pipe_is_plain_text_of_a_readable_width(capsys) -> None:
    _, out, _ = call(capsys, "find", "--zip", "40202", "--json", "--limit", "1")
    pid = json.loads(out)["results"][0]["id"]
    code, out, _ = call(capsys, "show", pid)
    assert code == 0 and "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 200  # a rule once filled 30,000
