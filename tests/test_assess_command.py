"""iopguide assess through the real command line: files, stdin, flags, JSON, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from iopguide import crisis
from iopguide.assessment import QUESTION_IDS
from iopguide.cli import run

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "answers.yaml"

FULL = """\
danger_now: no
withdrawal: no
round_the_clock: no
current_care: none
outpatient_enough: yes
daily_impact: some
home: yes
time: yes
concerns: anxiety
"""

FIELDS = [
    "level",
    "title",
    "summary",
    "reasons",
    "caveats",
    "next_steps",
    "what_it_looks_like",
    "crisis_lines",
    "helpline",
    "disclaimer",
    "concerns",
    "answers",
    "checkins",
    "lang",  # the language of the human text (issue 14); keys and ids stay English
]


@pytest.fixture(autouse=True)
def _calm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOPGUIDE_PLAIN", raising=False)
    monkeypatch.delenv("IOPGUIDE_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def answers_file(tmp_path: Path):
    def write(text: str, name: str = "answers.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_answers_file_shows_the_result(answers_file, capsys) -> None:
    assert run(["assess", "--answers", answers_file(FULL)]) == 0
    out, err = capsys.readouterr()
    assert "Outpatient therapy may be enough for now" in out
    assert "Why" in out and "Keep in mind" in out and "Next steps" in out
    assert "What it looks like" in out
    assert "This is a guide, not a diagnosis." in out
    assert out.rstrip().endswith("call 911.")  # the crisis footer ends the page
    assert "\x1b[" not in out  # not a terminal: no escape codes
    assert err == ""


def test_example_file_from_the_docs(capsys) -> None:
    assert run(["assess", "--answers", str(EXAMPLE), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["level"] == "iop"
    assert result["answers"]["danger_now"] == "no"
    assert result["answers"]["home"] == "yes"


def test_answers_from_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(FULL.replace("outpatient_enough: yes", "outpatient_enough: no"))
    )
    assert run(["assess", "--answers", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "iop"


def test_json_answers_file(answers_file, capsys) -> None:
    data = {
        "danger_now": False,
        "withdrawal": "yes",
        "round_the_clock": "no",
        "current_care": "none",
        "outpatient_enough": "no",
        "daily_impact": "some",
        "home": True,
        "time": "yes",
        "concerns": ["substance_use"],
    }
    assert run(["assess", "--answers", answers_file(json.dumps(data), "a.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "detox"


def test_answer_flags_override_the_file(answers_file, capsys) -> None:
    code = run(
        [
            "assess",
            "--answers",
            answers_file(FULL),
            "--answer",
            "daily_impact=unable",
            "--answer",
            "home=no",
            "--json",
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["level"] == "residential"
    assert result["answers"]["home"] == "no"


def test_flags_alone_are_enough(capsys) -> None:
    flags = [f"--answer={line.replace(': ', '=')}" for line in FULL.splitlines()]
    assert run(["assess", *flags, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "outpatient"


def test_json_shape_and_nothing_else_on_stdout(answers_file, capsys) -> None:
    assert run(["assess", "--answers", answers_file(FULL), "--json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)  # exactly one object: anything extra would not parse
    assert list(result) == FIELDS
    assert result["level"] == "outpatient"
    assert result["concerns"] == ["anxiety"]
    assert list(result["answers"]) == list(QUESTION_IDS)
    assert all(set(r) == {"question", "answer", "text"} for r in result["reasons"])
    assert result["crisis_lines"][0]["name"] == crisis.LIFELINE_988.name
    assert {"hours", "where_you_live", "components"} <= set(result["what_it_looks_like"])
    assert err == ""


def test_danger_alone_on_stdin_is_an_emergency_with_crisis_lines_first(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("danger_now: yes\n"))
    assert run(["assess", "--answers", "-"]) == 0
    out = capsys.readouterr().out
    assert out.index(crisis.LIFELINE_988.how) < out.index("Please get help right now")
    assert out.index("Call 911") < out.index("Please get help right now")


def test_danger_yes_wins_over_other_mistakes(answers_file, capsys) -> None:
    code = run(
        ["assess", "--answers", answers_file("danger_now: yes\ntime: sometimes\n"), "--json"]
    )
    assert code == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["level"] == "emergency"
    assert "time cannot be 'sometimes'" in err


def test_missing_answers_exit_2_listing_every_id(answers_file, capsys) -> None:
    code = run(["assess", "--answers", answers_file("danger_now: no\nhome: yes\n")])
    assert code == 2
    out, err = capsys.readouterr()
    assert out == ""
    missing = [q for q in QUESTION_IDS if q not in ("danger_now", "home")]
    for qid in missing:
        assert f"  {qid}: " in err
        assert f"--answer {qid}=" in err
    assert "7 answers are missing" in err
    assert "Traceback" not in err


def test_no_terminal_and_no_answers_never_hangs(capsys) -> None:
    # pytest's stdin is not a terminal: scripted mode, every answer missing.
    assert run(["assess"]) == 2
    err = capsys.readouterr().err
    assert all(f"  {qid}: " in err for qid in QUESTION_IDS)


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["--answer", "time=often"], 2, "time cannot be 'often'. Allowed: yes, maybe, no."),
        (["--answer", "tiem=yes"], 2, "Did you mean time?"),
        (["--answer", "time"], 2, "--answer needs id=value"),
        (["--answers", "/nonexistent/answers.yaml"], 2, "No answers file"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, code, fragment, capsys) -> None:
    assert run(["assess", *args]) == code
    out, err = capsys.readouterr()
    assert fragment in err
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize(
    "text",
    ["danger_now: [no", "- just\n- a list\n", "time: yes\ntime: no\n", "\x00\x01binary"],
)
def test_unreadable_answers_file_exits_1_without_traceback(answers_file, text, capsys) -> None:
    assert run(["assess", "--answers", answers_file(text)]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("Error: ")
    assert "Traceback" not in err and out == ""


def test_markup_in_a_value_is_shown_literally(capsys) -> None:
    assert run(["assess", "--answer", "time=[bold red]x[/]\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "[bold red]x[/]" in err
    assert "\x1b[2J" not in err


# -- interactive, through the command ---------------------------------------------


def _ttys(monkeypatch, *, stdin: bool, stdout: bool, stderr: bool) -> None:
    """Make the real streams (pytest's capture objects) say whether they are terminals."""
    import sys

    monkeypatch.setattr(sys.stdin, "isatty", lambda: stdin, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: stdout)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: stderr)


@pytest.fixture
def terminal(monkeypatch):
    """stdin, stdout and stderr are a terminal (the real check runs); keys go into a pipe.

    The streams are marked when the test types, after capsys or capfd has put its own.
    """
    # Paging is tested on its own (test_paging.py); here the result prints in one go.
    from iopguide.ui.console import print_page

    monkeypatch.setattr(
        "iopguide.ui.paging.print_paged",
        lambda console, page, width, pause: print_page(console, page, width),
    )
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def send(text: str) -> None:
            _ttys(monkeypatch, stdin=True, stdout=True, stderr=True)
            pipe.send_text(text)
            pipe.close()  # never wait for more keys than the test typed

        yield send


def test_interactive_danger_path_shows_emergency_at_once(terminal, capsys) -> None:
    terminal("\x1b[B\r\x1b[B\x1b[B\r")  # "Yes" (one below "nothing chosen"), then Finish
    assert run(["assess"]) == 0
    out = capsys.readouterr().out
    assert "Question 2 of 9" not in out
    assert out.index("Get help now") < out.index("Please get help right now")


def test_interactive_ctrl_c_exits_130_calmly(terminal, capsys) -> None:
    terminal("\x1b[B\x1b[B\r\x03")
    assert run(["assess"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "Stopped. Nothing was saved."


def test_interactive_json_keeps_stdout_for_the_object(terminal, monkeypatch, capfd) -> None:
    monkeypatch.setattr("prompt_toolkit.output.create_output", lambda stdout=None: DummyOutput())
    terminal("\x1b[B\r")
    assert run(["assess", "--json"]) == 0
    out, err = capfd.readouterr()
    assert json.loads(out)["level"] == "emergency"
    assert "Question 1 of 9" in err


# -- review fixes: aliases, broken files in danger, JSON prompts -------------------------

LAUGHS = (
    "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefghi", "bcdefghij", strict=True)
    )
    + "concerns: *j\n"
)


def test_billion_laughs_file_is_refused_at_its_first_anchor(answers_file, capsys) -> None:
    path = answers_file(LAUGHS, "laughs.yaml")
    assert run(["assess", "--answers", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}:1" in err
    assert "anchors and aliases (& and *) are not allowed in an" in err


DANGER_ONLY = "danger_now: yes\n"


def _result_for(args: list[str], stdin_text: str, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    code = run(["assess", "--answers", "-", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("danger_now: yes\ntime: yes\ntime: no\n", "stdin:3: 'time' is answered twice"),
        ("danger_now: yes\ntime: [yes\n", "Cannot read the answers"),
        ("danger_now: yes\nconcerns: " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
        ('{"danger_now": "yes", "time": [}', "Cannot read the answers"),
        ("danger_now: True\nconcerns: &c [anxiety]\n", "anchors and aliases"),
    ],
)
@pytest.mark.parametrize("as_json", [False, True])
def test_danger_in_an_unparsable_file_shows_the_same_emergency_result(
    text, problem, as_json, monkeypatch, capsys
) -> None:
    args = ["--json"] if as_json else []
    expected = _result_for(args, DANGER_ONLY, monkeypatch, capsys)
    assert expected[0] == 0
    code, out, err = _result_for(args, text, monkeypatch, capsys)
    assert code == 0
    assert out == expected[1]  # exactly what a valid danger-only file gives
    assert crisis.LIFELINE_988.how in out and "Call 911" in out
    assert "could not be used" in err and problem in err
    assert "Error" not in err


def test_danger_flag_wins_over_a_broken_file(answers_file, capsys) -> None:
    path = answers_file("time: yes\ntime: no\n")
    assert run(["assess", "--answers", path, "--answer", "danger_now=yes", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["level"] == "emergency"
    assert "answered twice" in err


def test_a_commented_out_danger_line_does_not_hide_the_error(answers_file, capsys) -> None:
    path = answers_file("# danger_now: yes\ndanger_now: no\ntime: yes\ntime: no\n")
    assert run(["assess", "--answers", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "answered twice" in err


@pytest.mark.parametrize(
    ("args", "stdin_text", "code"),
    [
        (["--answers", "-"], "danger_now: no\ntime: yes\ntime: no\n", 1),
        (["--answers", "-"], "danger_now: no\ntime: [\n", 1),
        (["--answers", "-"], LAUGHS, 1),
        (["--answers", "-"], "danger_now: no\n", 2),  # answers missing
        (["--answer", "time=often"], "", 2),
        (["--answer", "danger_now"], "", 2),
        (["--answers", "/nonexistent/answers.yaml"], "", 2),
        ([], "", 2),  # no terminal, nothing answered
    ],
)
def test_every_error_ends_with_the_crisis_footer(args, stdin_text, code, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    assert run(["assess", *args]) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Error: ")
    assert err.rstrip().endswith(crisis.FOOTER)
    assert err.count(crisis.FOOTER) == 1


# -- when to prompt: the real terminal check ------------------------------------------


def test_json_redirected_to_a_file_still_asks_on_stderr(monkeypatch, capfd) -> None:
    """`iopguide assess --json > result.json` in a terminal: prompts on stderr, JSON out."""
    monkeypatch.setattr("prompt_toolkit.output.create_output", lambda stdout=None: DummyOutput())
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        _ttys(monkeypatch, stdin=True, stdout=False, stderr=True)
        pipe.send_text("\x1b[B\r")  # danger_now: Yes, one below "nothing chosen"
        pipe.close()
        assert run(["assess", "--json"]) == 0
    out, err = capfd.readouterr()
    assert json.loads(out)["level"] == "emergency"
    assert "Question 1 of 9" in err
    assert "missing" not in err


@pytest.mark.parametrize(
    ("args", "stdin", "stdout", "stderr"),
    [
        ([], False, False, False),  # a pipe or a script: nobody is there
        (["--json"], False, False, False),
        ([], True, False, True),  # text to a file: the prompts would go there too
        ([], False, True, True),  # answers piped in: questionary would pick defaults
        (["--json"], True, True, False),  # prompts on stderr, and stderr is not a terminal
        (["--json"], False, False, True),
    ],
)
def test_without_the_terminals_it_needs_missing_answers_exit_2_at_once(
    args, stdin, stdout, stderr, monkeypatch, capsys
) -> None:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        _ttys(monkeypatch, stdin=stdin, stdout=stdout, stderr=stderr)
        pipe.close()  # if it ever prompted, the prompt would end, not hang
        assert run(["assess", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "9 answers are missing, and there is no terminal to ask them" in err
    assert "Question 1 of 9" not in err


@pytest.mark.parametrize(
    ("prompts_on_stderr", "stdin", "stdout", "stderr", "expected"),
    [
        (False, True, True, False, True),
        (False, True, False, True, False),
        (True, True, False, True, True),
        (True, True, True, False, False),
        (True, False, True, True, False),
    ],
)
def test_can_prompt_checks_the_streams_the_prompts_use(
    prompts_on_stderr, stdin, stdout, stderr, expected, monkeypatch
) -> None:
    from iopguide.ui.prompts import can_prompt

    _ttys(monkeypatch, stdin=stdin, stdout=stdout, stderr=stderr)
    assert can_prompt(prompts_on_stderr=prompts_on_stderr) is expected


def test_can_prompt_is_false_for_a_closed_stream(monkeypatch) -> None:
    import sys

    from iopguide.ui.prompts import can_prompt

    stream = io.StringIO()
    stream.close()
    monkeypatch.setattr(sys, "stdin", stream)
    assert can_prompt() is False
    assert can_prompt(prompts_on_stderr=True) is False


def test_interactive_answered_by_mistake_goes_back_to_the_danger_question(terminal, capsys):
    D, E = "\x1b[B", "\r"
    terminal(
        D
        + E  # danger: Yes
        + D
        + E  # "I answered this by mistake"
        + D
        + D
        + E  # danger: No
        + D
        + E
        + D
        + E
        + E
        + D
        + E
        + D
        + D
        + E
        + E
        + E  # the rest, leading to an IOP
        + " "
        + E  # depression
        + E  # show my result
    )
    assert run(["assess"]) == 0
    out = capsys.readouterr().out
    assert out.index("Please get help right now") < out.index("Question 2 of 9")
    assert "An intensive outpatient program (IOP) looks like a good fit" in out
