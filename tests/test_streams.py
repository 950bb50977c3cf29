"""Output streams that are not what a program hopes for, in real processes.

A console that cannot carry UTF-8 (ascii, latin-1, cp437), stdout closed by
the shell (``>&-``), a reader that stops after one byte (``| head -c1``) and a
full disk (``> /dev/full``): each gets the result or a clear line and a
documented exit status, never "unexpected problem".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.ui.streams import encode_safely


def iopguide(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "iopguide", *args],
        capture_output="stdout" not in kwargs,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "80", **(env or {})},
        timeout=120,
        **kwargs,
    )


COMMANDS = [
    ("assess", "--answer", "danger_now=yes"),
    ("learn",),
    ("learn", "what-is-iop"),
    ("learn", "levels-of-care"),
    ("find",),
    ("show", "argyle-example-counseling-iop", "--directory", "sample"),
    ("find", "--zip", "1234"),  # an error message, through the same stream
]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp437"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_stream_that_is_not_utf8_never_crashes(encoding, command) -> None:
    done = iopguide(*command, env={"PYTHONIOENCODING": encoding})
    assert done.returncode in (0, 2), done.stderr
    assert b"unexpected problem" not in done.stderr
    done.stdout.decode(encoding)  # what was written is what the stream can carry
    done.stderr.decode(encoding)


def test_the_emergency_page_in_ascii_still_gives_the_numbers() -> None:
    done = iopguide("assess", "--answer", "danger_now=yes", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    page = done.stdout.decode("ascii")
    assert "988" in page and "911" in page


def test_characters_fall_back_to_their_nearest_ascii() -> None:
    assert encode_safely("IOP – “care” … café ─│╭", "ascii") == b'IOP - "care" ... cafe -|+'
    assert encode_safely("\udcff", "ascii") == b"?"  # a file name that was not UTF-8
    assert encode_safely("\udcff", "utf-8") == "\ufffd".encode()


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_closed_stdout_is_a_clear_error_with_the_crisis_lines(json_flag) -> None:
    done = iopguide(
        "assess",
        "--answer",
        "danger_now=yes",
        *json_flag,
        preexec_fn=lambda: os.close(1),
        stdout=None,
        stderr=subprocess.PIPE,
    )
    assert done.returncode == 1
    assert b"could not write its output: standard output is closed" in done.stderr
    assert b"988" in done.stderr and b"911" in done.stderr
    assert b"unexpected problem" not in done.stderr


@pytest.mark.parametrize("args", [("--help",), ("find", "--help"), ("find",), ("learn",)])
def test_a_reader_that_stops_reading_is_not_an_error(args) -> None:
    """``iopguide --help | head -c1``: the pipe's reader is gone before the first write."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = iopguide(*args, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert done.stderr in (b"",) or b"SAMPLE" in done.stderr  # the sample notice only


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_said_plainly() -> None:
    with open("/dev/full", "w") as full:
        done = iopguide("find", "--json", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert b"could not write its output: No space left on device" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("value", ["0", "no", "false", "off", ""])
def test_iopguide_debug_0_means_off(value) -> None:
    with open("/dev/full", "w") as full:
        done = iopguide(
            "find", "--json", env={"IOPGUIDE_DEBUG": value}, stdout=full, stderr=subprocess.PIPE
        )
    assert b"Traceback" not in done.stderr


def test_json_stays_ascii_and_valid_under_ascii() -> None:
    done = iopguide("find", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    json.loads(done.stdout.decode("ascii"))


def test_a_dumb_terminal_is_as_wide_as_it_says(monkeypatch) -> None:
    """rich takes TERM=dumb to be 80 columns; a 40-column one then split words in two."""
    from iopguide.ui.console import make_console

    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("LINES", "20")
    console = make_console(force_terminal=True)
    assert console.is_dumb_terminal
    assert console.width == 40


def test_a_closed_stdin_is_no_crash_and_danger_still_comes_first() -> None:
    done = iopguide(
        "assess",
        "--answers",
        "-",
        "--answer",
        "danger_now=yes",
        preexec_fn=lambda: os.close(0),
        stdin=None,
    )
    assert done.returncode == 0, done.stderr
    assert b"988" in done.stdout and b"911" in done.stdout
    done = iopguide("assess", "--answers", "-", preexec_fn=lambda: os.close(0), stdin=None)
    assert done.returncode == 2
    assert b"unexpected problem" not in done.stderr


@pytest.mark.parametrize("args", [(), ("find", "--zip", "1"), ("find", "--zip", "40202")])
def test_a_closed_stderr_keeps_the_exit_status(args) -> None:
    done = iopguide(*args, preexec_fn=lambda: os.close(2), stderr=None, stdin=subprocess.DEVNULL)
    assert done.returncode == (0 if args[-1:] == ("40202",) else 2)
