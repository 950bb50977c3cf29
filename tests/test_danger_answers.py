"""Issue 10, item 4: a "yes" to danger is never lost, however it is written or sent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.assessment.answers import gather_answers, load_answers, parse_answers_text
from iopguide.assessment.danger import danger_in_text, reads_as_yes
from iopguide.errors import DataError

REST = {
    "withdrawal": "no",
    "round_the_clock": "no",
    "current_care": "none",
    "outpatient_enough": "no",
    "daily_impact": "a_lot",
    "home": "yes",
    "time": "yes",
    "concerns": "anxiety",
}


@pytest.mark.parametrize(
    "said",
    [
        "yes",
        "YES",
        "Yes.",
        "YES!",
        "yes!!",
        "\u201cyes\u201d",
        "\u2018Yes\u2019",
        "'yes'",
        " y ",
        "Y",
        "true",
        "TRUE",
        "on",
        "1",
        True,
        1,
    ],
)
def test_anything_that_reads_as_yes_is_yes(said: object) -> None:
    assert reads_as_yes(said)
    gathered = gather_answers({**REST, "danger_now": said})
    assert gathered.answers.in_danger


@pytest.mark.parametrize("said", ["no", "No.", "\u201cno\u201d", "false", "n", "0", False, 0])
def test_no_in_any_form_is_no(said: object) -> None:
    assert not reads_as_yes(said)
    assert gather_answers({**REST, "danger_now": said}).answers.get("danger_now") == "no"


@pytest.mark.parametrize(
    "text",
    [
        '{"danger_now": "yes", "danger_now": "no"}',
        '{"danger_now": "no", "danger_now": "yes"}',
        '{\n "danger_now": "no",\n "time": "yes",\n "danger_now": true\n}',
        "danger_now: yes\ndanger_now: no\n",
        "danger_now: no\ndanger_now: sometimes\n",  # conflicting, neither a clear yes
        '{"danger_now": "no", "danger_now": "maybe"}',
    ],
)
def test_duplicate_danger_answers_in_json_or_yaml_mean_emergency(tmp_path, text: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    gathered = load_answers(str(path))
    assert gathered.answers.in_danger
    assert gathered.unreadable  # the duplicate is still reported, after the help


def test_json_duplicates_of_other_keys_are_refused_like_yaml() -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text('{"time": "yes", "time": "no"}')
    assert "answered twice" in str(err.value.problems[0].message)


@pytest.mark.parametrize(
    ("first", "second"),
    [("danger_now", "Danger Now"), ("Danger-Now", "danger_now"), ("DANGER_NOW", "danger now")],
)
def test_differently_spelled_keys_that_disagree_mean_emergency(first: str, second: str) -> None:
    for a, b in (("yes", "no"), ("no", "yes"), ("no", "YES!")):
        data = parse_answers_text(f"{first}: {a}\n{second}: {b}\n")
        gathered = gather_answers({**REST, **data})
        assert gathered.answers.in_danger, (first, a, second, b)
        if a != b:
            assert any("more than once" in p for p in gathered.set_aside)


def test_the_same_answer_twice_under_two_spellings_is_not_a_conflict() -> None:
    data = parse_answers_text("danger_now: no\nDanger Now: No.\n")
    assert gather_answers({**REST, **data}).answers.get("danger_now") == "no"


def test_a_no_flag_cannot_cancel_a_yes_in_the_file() -> None:
    gathered = gather_answers({**REST, "danger_now": "yes"}, ["danger_now=no"])
    assert gathered.answers.in_danger


@pytest.mark.parametrize(
    "text",
    [
        "danger_now: YES!\ntime: [\n",
        "danger_now: \u201cyes\u201d\ntime: [\n",
        "Danger Now: y\ntime: [\n",
        "danger_now: 1\ntime: [\n",
        '{"danger_now": "Yes.", "x": [',
    ],
)
def test_raw_text_reads_yes_in_every_form(text: str) -> None:
    assert danger_in_text(text)


def test_danger_after_64_kb_of_comments_still_gives_the_emergency(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("# a comment line, repeated to fill the file\n" * 2000 + "danger_now: yes\n")
    assert path.stat().st_size > 64 * 1024
    gathered = load_answers(str(path))
    assert gathered.answers.in_danger
    assert any("Too big" in p for p in gathered.unreadable)


def test_a_big_file_without_danger_is_still_refused(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("# comment\n" * 8000 + "danger_now: no\n")
    with pytest.raises(DataError):
        load_answers(str(path))


# -- as a real process: stdin as bytes, closed, UTF-16 ------------------------------------


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "IOPGUIDE_PLAIN": "1", "NO_COLOR": "1"}
    env.pop("IOPGUIDE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "iopguide", *args],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_on_stdin_still_gives_the_emergency(encoding: str) -> None:
    data = "danger_now: yes\n".encode(encoding)
    done = _run(["assess", "--answers", "-", "--json"], input=data)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "emergency"


def test_utf16_on_stdin_reads_a_full_file() -> None:
    text = "danger_now: no\n" + "".join(f"{k}: {v}\n" for k, v in REST.items())
    done = _run(["assess", "--answers", "-", "--json"], input=text.encode("utf-16"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "iop"


def test_closed_stdin_with_a_danger_flag_gives_the_emergency() -> None:
    done = _run(
        ["assess", "--answers", "-", "--answer", "danger_now=yes", "--json"],
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "emergency"
    assert b"Traceback" not in done.stderr


def test_closed_stdin_without_danger_is_a_clear_usage_error() -> None:
    done = _run(["assess", "--answers", "-", "--json"], preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    assert b"stdin" in done.stderr and b"Traceback" not in done.stderr


def test_danger_after_64_kb_of_comments_on_stdin() -> None:
    data = ("# comment\n" * 7000 + "danger_now: yes\n").encode()
    done = _run(["assess", "--answers", "-", "--json"], input=data)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "emergency"


def test_json_duplicate_danger_answers_in_a_real_run(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    body = {**REST, "danger_now": "no"}
    text = json.dumps(body)[:-1] + ', "danger_now": "yes"}'
    path.write_text(text)
    done = _run(["assess", "--answers", str(path), "--json"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "emergency"
