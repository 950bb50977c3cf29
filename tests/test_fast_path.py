"""The fast path around typer (iopguide.entry) prints exactly what the full command line does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iopguide import entry
from iopguide.entry import find_options, show_options

#: Relative paths in the command lines below are in the repository.
REPO = Path(__file__).resolve().parents[1]
FAST = "import sys; from iopguide.entry import main; sys.exit(main(sys.argv[1:]))"
FULL = "import sys; from iopguide.cli import run; sys.exit(run(sys.argv[1:]))"

#: Command lines the fast path takes: successes, no results, bad values, both outputs.
TAKEN = [
    ["find", "--sample", "--json"],
    ["find", "--sample"],
    ["find", "--sample", "--zip", "40202", "--json"],
    ["find", "--sample", "-z", "40202", "-r", "100", "-n", "3"],
    ["find", "--sample", "--zip", "40202", "--radius", "0.5", "--json"],
    ["find", "--sample", "--condition", "depression", "--condition", "anxiety", "--json"],
    ["find", "--sample", "-c", "depression,ptsd", "-i", "medicaid", "--json"],
    ["find", "--sample", "--insurance", "aetna", "--schedule", "evening", "--json"],
    ["find", "--sample", "--state", "KY", "--city", "Louisville", "--json"],
    ["find", "--sample", "--state", "Kentucky", "--telehealth", "--json"],
    ["find", "--sample", "--level", "any", "--limit", "0", "--json"],
    ["find", "--sample", "-l", "php", "-a", "adolescents", "--language", "spanish"],
    ["find", "--sample", "-c", "depresión", "-i", "seguro privado", "--schedule", "noche"],
    ["find", "--sample", "--state", "WY", "--json"],  # no results
    ["find", "--sample", "--state", "WY"],
    ["find", "--sample", "--condition", "nonsense"],  # unknown value: exit 2
    ["find", "--sample", "--condition", "nonsense", "--json"],
    ["find", "--sample", "--zip", "00000", "--json"],  # unknown ZIP
    ["find", "--sample", "--zip", "abc"],
    ["find", "--sample", "--level", "detox", "--no-cache", "--json"],
    ["find", "--zip", "40202", "--json"],  # the national directory
    ["find", "--zip", "40202", "--condition", "alcohol", "-n", "5"],
    ["find", "--state", "VT", "--telehealth", "--json"],
    ["find", "--directory", "sample", "--zip", "40202", "--json"],
    ["find", "-d", "data/programs.yaml", "--zip", "40202"],
    ["find", "--directory", "data/programs.yaml", "--sample", "--json"],  # --sample wins
    ["find", "--directory", "nowhere.json", "--zip", "40202"],  # no such file: exit 2
    ["find", "--directory", "data", "--json"],  # a folder
    ["find", "-d", "a.json", "-d", "data/programs.yaml", "--json"],  # the last one counts
]

#: ``show`` lines the fast path takes.
SHOWN = [
    ["show", "lamplight-sample-iop", "--sample"],
    ["show", "lamplight-sample-iop", "--sample", "--json"],
    ["show", "lamplight-sample-io", "--sample"],  # did you mean: exit 2
    ["show", "nothing-like-it", "--sample", "--json"],
    ["show", "uofl-health-peace-hospital-40205-58865e"],  # the national directory
    ["show", "uofl-health-peace-hospital-40205-58865e", "--json", "--no-cache"],
]

#: Command lines left to the full command line.
LEFT = [
    [],
    ["find", "--help"],
    ["find", "--zip=40202"],
    ["find", "--zip"],
    ["find", "--zip", "--json"],
    ["find", "--radius", "-5"],
    ["find", "--radius", "1e3"],
    ["find", "--radius", "nan"],
    ["find", "--limit", "+3"],
    ["find", "--directory", ""],
    ["find", "--sample", "--notes", "notes.yaml"],
    ["find", "--notes", "notes.yaml", "--json"],
    ["find", "extra"],
    ["find", "--", "--json"],
    ["find", "--state", "K\x1bY"],
    ["--sample", "find"],
]

#: ``show`` lines left to the full command line.
SHOW_LEFT = [
    ["show"],
    ["show", "--help"],
    ["show", "x", "--format", "html"],
    ["show", "x", "--notes", "n.yaml"],
    ["show", "x", "--lang", "es"],
    ["show", "x", "extra"],
    ["show", "-x"],
]


def _run(code: str, args: list[str]) -> tuple[bytes, bytes, int]:
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, env=env, cwd=REPO
    )
    return proc.stdout, proc.stderr, proc.returncode


@pytest.mark.parametrize("args", TAKEN, ids=" ".join)
def test_the_fast_path_prints_the_same_bytes_as_the_full_command_line(args) -> None:
    assert find_options(args) is not None
    assert _run(FAST, args) == _run(FULL, args)


@pytest.mark.parametrize("args", LEFT, ids=repr)
def test_anything_else_goes_to_the_full_command_line(args) -> None:
    assert find_options(args) is None


def test_a_directory_in_the_environment_goes_to_the_full_command_line(monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")
    assert find_options(["find", "--json"]) is None


def test_a_notes_file_in_the_environment_goes_to_the_full_command_line(monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_NOTES", "notes.yaml")
    assert find_options(["find", "--sample", "--json"]) is None


def test_notes_in_the_environment_apply_to_a_plain_find(tmp_path, monkeypatch) -> None:
    """The fast path steps aside, so a note hides a closed programme as the full CLI does."""
    import json

    notes = tmp_path / "notes.yaml"
    notes.write_text("notes:\n  lamplight-sample-iop: {learned_on: 2026-11-01, closed: true}\n")
    monkeypatch.setenv("IOPGUIDE_NOTES", str(notes))
    args = ["find", "--sample", "--state", "KY", "--json"]
    fast, full = _run(FAST, args), _run(FULL, args)
    assert fast == full and fast[2] == 0
    found = json.loads(fast[0])
    assert found["hidden_by_notes"] == 1
    assert "lamplight-sample-iop" not in [r["id"] for r in found["results"]]


def test_a_plain_find_never_imports_typer() -> None:
    code = (
        "import sys; from iopguide.entry import main; main(['find', '--sample', '--json']);"
        "print('typer' in sys.modules, file=sys.stderr)"
    )
    _out, err, code_ = _run(code, [])
    assert code_ == 0 and err.strip().endswith(b"False")


@pytest.mark.parametrize("args", SHOWN, ids=" ".join)
def test_show_by_the_fast_path_prints_the_same_bytes(args) -> None:
    assert show_options(args) is not None
    assert _run(FAST, args) == _run(FULL, args)


@pytest.mark.parametrize("args", SHOW_LEFT, ids=repr)
def test_other_show_lines_go_to_the_full_command_line(args) -> None:
    assert show_options(args) is None


@given(st.text(alphabet="/.ab", max_size=12))
def test_path_text_spells_a_path_as_pathlib_does(text: str) -> None:
    # the fast path shows --directory as the full command line's Path would
    from pathlib import PurePosixPath

    assert entry.path_text(text) == str(PurePosixPath(text))
