"""Values and files chosen to make iopguide hang, crash or lie; each gets a clear answer.

A NaN or infinite radius, a named pipe where a file should be, a size limit
below one byte, a 100,000-character ZIP and a national-size file with an error
in every programme.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.cli import run
from iopguide.directory.load import sample_directory_path


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("radius", ["nan", "NaN", "inf", "-inf", "1e400"])
def test_a_radius_that_is_no_distance_is_a_usage_error(capsys, radius) -> None:
    code, out, err = call(capsys, "find", "--zip", "40202", "--radius", radius, "--json")
    assert code == 2
    assert out == ""  # never JSON with NaN in it
    assert "--radius" in err


def test_a_huge_zip_is_not_echoed_back_whole(capsys) -> None:
    code, _, err = call(capsys, "find", "--zip", "9" * 100_000)
    assert code == 2
    assert "is not a ZIP code" in err
    assert len(err) < 500


def test_a_size_limit_below_one_byte_is_a_usage_error(capsys, monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_MAX_DIRECTORY_MB", "1e-9")
    code, _, err = call(capsys, "find", "--no-cache")
    assert code == 2
    assert "IOPGUIDE_MAX_DIRECTORY_MB" in flat(err)


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("find", "--directory"), 1),
        (("find", "--no-cache", "--directory"), 1),
        (("directory", "validate"), 1),
        (("assess", "--answers"), 2),
    ],
)
def test_a_named_pipe_nobody_writes_to_does_not_hang(fifo, args, status) -> None:
    """In a child with a timeout: a plain open() of the pipe would wait for ever."""
    done = subprocess.run(
        [sys.executable, "-m", "iopguide", *args, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == status, done.stderr
    assert "unexpected problem" not in done.stderr


def test_a_pipe_with_a_writer_is_read_as_usual(capsys, tmp_path) -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(Path(sample_directory_path()).read_bytes())
    try:
        code, out, _ = call(capsys, "find", "--directory", f"/dev/fd/{read_end}", "--json")
    finally:
        os.close(read_end)
    assert code == 0
    assert json.loads(out)["total"] > 0


def _national_size_file_with_an_error_in_every_programme(tmp_path: Path) -> tuple[Path, dict]:
    import yaml

    sample = yaml.safe_load(Path(sample_directory_path()).read_text(encoding="utf-8"))
    programs = []
    while len(json.dumps(programs)) < 2_500_000:
        for program in sample["programs"]:
            programs.append({**program, "id": f"p-{len(programs)}", "levels": ["nonsense"]})
    path = tmp_path / "national.json"
    path.write_text(
        json.dumps({"directory": sample["directory"], "programs": programs}, indent=1),
        encoding="utf-8",
    )
    lines = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith('"id": "p-'):
            lines[json.loads("{" + line.strip().rstrip(",") + "}")["id"]] = number
    return path, lines


def test_every_programme_wrong_is_reported_with_each_programmes_line(capsys, tmp_path) -> None:
    path, lines = _national_size_file_with_an_error_in_every_programme(tmp_path)
    code, out, _ = call(capsys, "directory", "validate", str(path), "--json")
    assert code == 1
    problems = json.loads(out)["problems"]
    assert len(problems) >= len(lines)
    for problem in problems[:200]:
        assert problem["line"] == lines[problem["program_id"]]
    code, _, err = call(capsys, "find", "--no-cache", "--directory", str(path))
    assert code == 1
    assert f"and {len(problems) - 50} more" in flat(err)  # the rest are counted, not shown


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read and write anywhere")
def test_paths_that_may_not_be_read_or_written_are_named_not_a_crash(capsys, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    (tmp_path / "in.json").write_text('{"page": 1, "totalPages": 1, "rows": []}')
    try:
        code, _, err = call(
            capsys,
            "directory",
            "import",
            "findtreatment",
            str(locked / "in.json"),
            "--output",
            str(tmp_path / "out.json"),
        )
        assert code == 2 and "Permission denied" in err
        code, _, err = call(
            capsys,
            "directory",
            "import",
            "findtreatment",
            str(tmp_path / "in.json"),
            "--output",
            str(locked / "out.json"),
        )
        assert code == 2 and "Permission denied" in err
        code, _, err = call(capsys, "assess", "--answers", str(locked / "a.yaml"))
        assert code == 2 and "Permission denied" in err
    finally:
        locked.chmod(0o700)
    assert "unexpected problem" not in err


def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(capsys, tmp_path) -> None:
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/dir\xff.yaml")
    Path(name).write_bytes(Path(sample_directory_path()).read_bytes())
    code, out, _ = call(capsys, "find", "--directory", name, "--json")
    assert code == 0
    assert json.loads(out)["directory"]["path"] == name
    code, _, err = call(capsys, "find", "--directory", name + "-missing")
    assert code == 2
    assert "There is no directory file" in err


@pytest.mark.parametrize("value", ["1e308", "inf", "nan", "1000001"])
def test_a_size_limit_too_big_to_read_is_a_usage_error(capsys, monkeypatch, value) -> None:
    monkeypatch.setenv("IOPGUIDE_MAX_DIRECTORY_MB", value)
    code, _, err = call(capsys, "find", "--no-cache")
    assert code == 2
    assert "IOPGUIDE_MAX_DIRECTORY_MB" in flat(err)


@pytest.mark.parametrize("source", ["findtreatment", "samhsa"])
def test_a_named_pipe_to_import_is_refused_at_once(tmp_path, source) -> None:
    pipe = tmp_path / "listing.csv"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "iopguide", "directory", "import", source, str(pipe),
         "--output", str(tmp_path / "out.json")],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "not a regular file" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["listing.csv"]
