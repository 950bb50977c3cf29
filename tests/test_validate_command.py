"""`iopguide directory validate`: exit codes, every problem, JSON shape, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.cli import run

VALID = (
    "directory:\n  name: My directory\n  sample: false\nprograms:\n"
    "  - id: a-iop\n    name: A\n    levels: iop\n    conditions: anxiety\n"
    "  - id: b-iop\n    name: B\n    levels: php\n    conditions: depression\n"
)
INVALID = (
    "directory:\n  name: My directory\nprograms:\n"
    "  - id: a-iop\n    name: A\n    levels: iop\n    conditions: anxiety\n"
    "    payment: medicad\n    location: {zip: 01234}\n    colour: blue\n"
)


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    file = tmp_path / "valid.yaml"
    file.write_text(VALID)
    return file


@pytest.fixture
def invalid_file(tmp_path: Path) -> Path:
    file = tmp_path / "invalid.yaml"
    file.write_text(INVALID)
    return file


def test_valid_file_exits_0_with_a_confirmation(valid_file: Path, capsys):
    assert run(["directory", "validate", str(valid_file)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "My directory" in out and "2 programs" in out
    assert "sample" not in out


def test_builtin_directories_are_valid_and_the_sample_says_so(capsys):
    assert run(["directory", "validate"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "valid" in out and "SAMHSA National Directory, 2022 edition" in out
    assert "(sample data)" not in out
    assert run(["directory", "validate", "--sample"]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "(sample data)" in out


def test_invalid_file_exits_1_listing_every_problem(invalid_file: Path, capsys):
    assert run(["directory", "validate", str(invalid_file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = " ".join(captured.err.split())  # rich wraps long lines
    assert "3 problems" in err
    assert "Did you mean 'medicaid'" in err
    assert "668" in err
    assert "colour" in err
    assert "invalid.yaml:8, program 'a-iop', field 'payment'" in err
    assert "Traceback" not in err


def test_json_valid(valid_file: Path, capsys):
    assert run(["directory", "validate", str(valid_file), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["valid"] is True
    assert payload["file"] == str(valid_file)
    assert payload["programs"] == 2
    assert payload["problems"] == []


def test_json_invalid_still_exits_1_with_problems(invalid_file: Path, capsys):
    assert run(["directory", "validate", str(invalid_file), "--json"]) == 1
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert payload["valid"] is False and payload["programs"] == 1
    assert len(payload["problems"]) == 3
    first = payload["problems"][0]
    assert set(first) == {"file", "line", "program_id", "field", "message", "hint"}
    assert (first["line"], first["program_id"], first["field"]) == (8, "a-iop", "payment")


def test_json_for_an_unreadable_file_is_still_one_object(tmp_path: Path, capsys):
    file = tmp_path / "x.yaml"
    file.write_bytes(b"\xff\xfe\x00")
    assert run(["directory", "validate", str(file), "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["valid"] is False and payload["programs"] == 0
    assert "UTF" in payload["problems"][0]["message"]


def test_missing_file_exits_2(tmp_path: Path, capsys):
    assert run(["directory", "validate", str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml" in capsys.readouterr().err


def test_directory_option_and_environment_variable(valid_file: Path, capsys, monkeypatch):
    assert run(["directory", "validate", "--directory", str(valid_file)]) == 0
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", str(valid_file))
    assert run(["directory", "validate"]) == 0
    assert capsys.readouterr().out.count("My directory") == 2


def test_data_in_messages_is_not_rich_markup(tmp_path: Path, capsys):
    file = tmp_path / "markup.yaml"
    file.write_text(
        VALID.replace("conditions: anxiety", "conditions: '[/b][link=file:///etc]x'", 1)
    )
    assert run(["directory", "validate", str(file)]) == 1
    assert "[/b][link=file:///etc]x" in "".join(capsys.readouterr().err.split())


def _run_main(path: Path, *args: str) -> subprocess.CompletedProcess:
    code = "import sys; from iopguide.entry import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "directory", "validate", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deep_nesting_does_not_crash_the_interpreter(tmp_path: Path):
    file = tmp_path / "deep.yaml"
    file.write_bytes(b"[" * 60_000 + b"]" * 60_000)
    result = _run_main(file)
    assert result.returncode == 1, result.stderr  # a segfault would be -11
    assert "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


def test_deep_json_nesting_through_main(tmp_path: Path):
    file = tmp_path / "deep.json"
    file.write_bytes(b'{"a":' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    result = _run_main(file, "--json")
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert "nested too deeply" in payload["problems"][0]["message"]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"- a\n",
        b"just text",
        b"a: 1\n---\nb: 2\n",
        b"\xff\xfe",
        b"a:\n\tb: 1\n",
        b"a: [",
        b"!!python/object/apply:os.system ['true']",
        b"a: &x 1\nb: *x\n",
        b"\x00\x01",
    ],
)
def test_hostile_files_give_exit_1_and_a_message_never_a_traceback(tmp_path: Path, content: bytes):
    file = tmp_path / "hostile.yaml"
    file.write_bytes(content)
    result = _run_main(file)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.stderr and "unexpected problem" not in result.stderr


def test_json_report_never_carries_raw_control_or_bidi_characters(tmp_path, capsys) -> None:
    from iopguide.cli import run

    evil = tmp_path / "evil.json"
    evil.write_text(
        '{"directory": {"name": "Evil \\u202e\\u009b31m name"}, "programs": ['
        '{"id": "a", "name": "A \\u001b[2J", "levels": ["iopp"], "conditions": ["depression"]}]}',
        encoding="utf-8",
    )
    code = run(["directory", "validate", str(evil), "--json"])
    out = capsys.readouterr().out
    assert code == 1
    assert not any(ch in out for ch in "\u202e\u009b\u001b")
    assert json.loads(out)["valid"] is False
