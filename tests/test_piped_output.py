"""Messages to a pipe or file are never wrapped or padded: one logical line stays one line.

Each test runs the real program in a subprocess with stdout and stderr connected
to pipes (not a terminal), in a folder whose path is longer than 200 characters,
and checks that the path can be found whole and that no line ends in a space.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from import_fixtures import SA_REFERENCE, facility_row, write_directory_workbook

MAIN = "import sys; from iopguide.entry import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def long_folder(tmp_path: Path) -> Path:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4) / ("and-another-long-one-" * 4)
    folder.mkdir(parents=True)
    assert len(str(folder)) > 200
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80", "LINES": "24"}
    env.pop("IOPGUIDE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
    )


def _assert_unwrapped(stream: str, *whole: str) -> None:
    for text in whole:
        assert any(text in line for line in stream.splitlines()), (text, stream)
    trailing = [line for line in stream.splitlines() if line != line.rstrip()]
    assert not trailing, trailing
    assert "\x1b" not in stream


def test_an_answers_error_names_the_path_on_one_line(long_folder: Path) -> None:
    answers = long_folder / "answers.yaml"
    answers.write_text("time: yes\ntime: no\n")
    result = _run("assess", "--answers", str(answers), "--json")
    assert result.returncode == 1, result.stderr
    _assert_unwrapped(result.stderr, f"{answers}:2", "'time' is answered twice")


def test_a_validation_report_keeps_each_problem_on_its_lines(long_folder: Path) -> None:
    directory = long_folder / "broken.yaml"
    directory.write_text(
        "directory:\n  name: Mine\nprograms:\n"
        "  - id: a-iop\n    name: A\n    levels: iop\n    conditions: anxiety\n"
        "    payment: medicad\n"
    )
    result = _run("directory", "validate", str(directory))
    assert result.returncode == 1, result.stderr
    _assert_unwrapped(result.stderr, f"{directory}:8", "medicad")


def test_an_import_summary_names_the_output_whole(long_folder: Path) -> None:
    workbook = write_directory_workbook(
        long_folder / "National_Directory_SA_Facilities_2022.xlsx",
        [facility_row("Sample Shared Center", "SA * OP OIT * MD", zip_code="02108")],
        SA_REFERENCE,
    )
    out = long_folder / "national.json"
    result = _run("directory", "import", "samhsa", str(workbook), "--output", str(out))
    assert result.returncode == 0, result.stderr
    _assert_unwrapped(result.stdout, f"Imported 1 program into {out}")
    _assert_unwrapped(result.stdout, f"iopguide find --directory {out} --zip YOUR_ZIP")
