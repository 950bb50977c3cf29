"""The interactive assessment, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from iopguide.assessment import QUESTION_IDS, Answers, assess, get_question
from iopguide.errors import Interrupted
from iopguide.ui.assessment_prompts import ask_assessment
from iopguide.ui.prompts import Asker

DOWN, ENTER, SPACE, CTRL_C, CTRL_D = "\x1b[B", "\r", " ", "\x03", "\x04"


@pytest.fixture
def keys() -> Iterator:
    """Type keys ahead into a pipe; every prompt reads from it in turn.

    The pipe is closed after the keys, so a prompt that wants more input meets
    end-of-input (Interrupted) instead of waiting for ever.
    """
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def send(text: str) -> None:
            pipe.send_text(text)
            pipe.close()

        yield send


@pytest.fixture(autouse=True)
def _not_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOPGUIDE_PLAIN", raising=False)


def pick(question_id: str, value: str) -> str:
    """The keys that choose *value* in a single-choice question (from the top)."""
    placeholder = 1 if question_id == "danger_now" else 0  # it starts on "nothing chosen"
    return DOWN * (get_question(question_id).values.index(value) + placeholder) + ENTER


def tick(*values: str) -> str:
    """The keys that tick *values* in the concerns checkboxes, then Enter."""
    order = get_question("concerns").values
    out, at = "", 0
    for value in sorted(values, key=order.index):
        target = order.index(value)
        out += DOWN * (target - at) + SPACE
        at = target
    return out + ENTER


CALM = {
    "danger_now": "no",
    "withdrawal": "unsure",
    "round_the_clock": "no",
    "current_care": "outpatient",
    "outpatient_enough": "no",
    "daily_impact": "a_lot",
    "home": "yes",
    "time": "maybe",
}


def all_keys(answers: dict[str, str], concerns: tuple[str, ...]) -> str:
    return "".join(pick(q, answers[q]) for q in QUESTION_IDS[:-1]) + tick(*concerns)


def test_running_out_of_input_never_hangs(keys) -> None:
    keys(pick("danger_now", "no"))
    with pytest.raises(Interrupted):
        ask_assessment(asker=Asker(plain=False))


def test_full_path_asks_in_order_then_review(keys, capsys) -> None:
    keys(all_keys(CALM, ("anxiety", "trauma")) + ENTER)  # last Enter: "Yes, show my result"
    got = ask_assessment(asker=Asker(plain=False))
    assert got.to_dict() == {**CALM, "concerns": ["anxiety", "trauma"]}
    out = capsys.readouterr().out
    positions = [out.index(f"Question {n} of 9") for n in range(1, 10)]
    assert positions == sorted(positions)
    assert "Why we ask: Your safety comes first" in out
    assert "Your answers" in out
    assert any(
        "Effect on daily life" in line and "A lot: it's hard to get through the day" in line
        for line in out.splitlines()
    )
    assert assess(got).level == "iop"


def test_danger_stops_at_once(keys, capsys) -> None:
    keys(pick("danger_now", "yes"))
    got = ask_assessment(asker=Asker(plain=False))
    assert got.to_dict() == {"danger_now": "yes"}
    out = capsys.readouterr().out
    assert "Question 1 of 9" in out
    assert "Question 2 of 9" not in out
    assert "Your answers" not in out
    assert assess(got).level == "emergency"


def test_checkbox_needs_at_least_one(keys) -> None:
    # Enter with nothing ticked is refused; the prompt stays until one is chosen.
    keys(
        "".join(pick(q, CALM[q]) for q in QUESTION_IDS[:-1])
        + ENTER
        + DOWN * 8
        + SPACE
        + ENTER  # "Something else"
        + ENTER
    )
    got = ask_assessment(asker=Asker(plain=False))
    assert got.get("concerns") == ("other",)


def test_change_an_answer_in_the_review(keys, capsys) -> None:
    review_home = DOWN * (QUESTION_IDS.index("home") + 1) + ENTER
    keys(
        all_keys(CALM, ("depression",))
        + review_home
        + DOWN * 2
        + ENTER  # re-asked with "yes" pre-selected: down to "no"
        + ENTER
    )
    got = ask_assessment(asker=Asker(plain=False))
    assert got.get("home") == "no"
    assert assess(got).level == "residential"
    out = capsys.readouterr().out
    assert out.count("Your answers") == 2
    assert out.count("Question 7 of 9") == 2


def test_changing_an_answer_keeps_the_current_one_selected(keys) -> None:
    review_time = DOWN * (QUESTION_IDS.index("time") + 1) + ENTER
    # Re-asked with "maybe" pre-selected: Enter alone keeps it.
    keys(all_keys(CALM, ("depression",)) + review_time + ENTER + ENTER)
    assert ask_assessment(asker=Asker(plain=False)).get("time") == "maybe"


def test_changing_concerns_keeps_ticks(keys) -> None:
    review_concerns = DOWN * (QUESTION_IDS.index("concerns") + 1) + ENTER
    keys(all_keys(CALM, ("depression",)) + review_concerns + DOWN + SPACE + ENTER + ENTER)
    got = ask_assessment(asker=Asker(plain=False))
    assert got.get("concerns") == ("depression", "anxiety")


def test_changing_to_danger_in_the_review_stops_at_once(keys, capsys) -> None:
    UP = "\x1b[A"
    # Re-asked with "no" pre-selected: up to "Yes".
    keys(all_keys(CALM, ("depression",)) + DOWN + ENTER + UP + ENTER)
    got = ask_assessment(asker=Asker(plain=False))
    assert got.in_danger
    assert assess(got).level == "emergency"
    assert capsys.readouterr().out.count("Your answers") == 1


def test_given_answers_are_not_asked_again(keys, capsys) -> None:
    given = Answers({"danger_now": "no", "withdrawal": "no", "concerns": ("bipolar",)})
    keys("".join(pick(q, CALM[q]) for q in QUESTION_IDS[2:-1]) + ENTER)
    got = ask_assessment(given, asker=Asker(plain=False))
    assert got.get("withdrawal") == "no"
    assert got.get("concerns") == ("bipolar",)
    out = capsys.readouterr().out
    assert "Question 1 of 9" not in out and "Question 2 of 9" not in out
    assert "Question 3 of 9" in out and "Question 9 of 9" not in out


def test_given_danger_asks_nothing(capsys) -> None:
    # No pipe input at all: any prompt would fail, so none must run.
    got = ask_assessment(Answers({"danger_now": "yes"}), asker=Asker(plain=False))
    assert got.in_danger
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_ctrl_c_or_ctrl_d_half_way_is_interrupted(keys, key: str) -> None:
    # Keys for a complete path follow: if the key were ignored, the flow would finish.
    rest = "".join(pick(q, CALM[q]) for q in QUESTION_IDS[2:-1]) + tick("anxiety") + ENTER
    keys(pick("danger_now", "no") + pick("withdrawal", "no") + key + rest)
    with pytest.raises(Interrupted) as err:
        ask_assessment(asker=Asker(plain=False))
    assert err.value.exit_code == 130
    assert err.value.message == "Stopped. Nothing was saved."


def test_ctrl_c_in_the_checkbox_and_review(keys) -> None:
    answered = "".join(pick(q, CALM[q]) for q in QUESTION_IDS[:-1])
    keys(answered + SPACE + CTRL_C + ENTER + ENTER)
    with pytest.raises(Interrupted):
        ask_assessment(asker=Asker(plain=False))


def test_ctrl_c_in_the_review(keys) -> None:
    keys(all_keys(CALM, ("anxiety",)) + CTRL_C + ENTER)
    with pytest.raises(Interrupted):
        ask_assessment(asker=Asker(plain=False))


@pytest.mark.parametrize(("name", "value"), [("IOPGUIDE_PLAIN", "1"), ("TERM", "dumb")])
def test_plain_mode_asks_a_numbered_line_at_a_time(monkeypatch, capsys, name, value) -> None:
    import io

    monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", io.StringIO("7\nmaybe\n2\n"))
    asker = Asker()
    assert asker.plain
    assert asker.ask(get_question("danger_now"), position=1, total=9) == "no"
    out = capsys.readouterr().out
    assert "1. " in out and "2. " in out
    assert out.count("Please type a number") == 2  # 7 and "maybe" were asked again
    assert "\x1b" not in out  # no cursor movement, no bracketed paste, no colour


def test_a_line_that_cannot_be_read_as_text_is_asked_again(monkeypatch, capsys) -> None:
    """Bytes that are not UTF-8 typed at a plain prompt: asked again, never the default."""
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9.md\nmine.md\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    asker = Asker(plain=True)
    assert asker.text("Where should it go?", default="default.md") == "mine.md"
    assert "could not be read as text" in capsys.readouterr().out


def test_plain_danger_question_never_takes_a_stray_enter(monkeypatch, capsys) -> None:
    """A line at a time: Enter alone asks again; Yes is 1 and No is 2."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("\n1\n"))
    asker = Asker(plain=True)
    assert asker.ask(get_question("danger_now"), position=1, total=9) == "yes"
    out = capsys.readouterr().out
    assert "1. Yes" in out and "2. No" in out
    assert "Nothing chosen" not in out
    assert "Please type a number" in out
