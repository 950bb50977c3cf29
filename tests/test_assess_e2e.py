"""iopguide assess in a real pseudo-terminal, the way a person uses it."""

from __future__ import annotations

import sys

import pytest

pexpect = pytest.importorskip("pexpect")

from pty_session import DOWN, ENTER, read_on, spawn_iopguide  # noqa: E402

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def spawn(columns: int = 80) -> pexpect.spawn:
    child = spawn_iopguide(["assess"], columns)
    child.expect("Question 1 of 9")
    return child


def test_a_full_path_with_a_changed_answer() -> None:
    child = spawn()
    # No; No; No; None right now; No (need more); A lot; Yes (home); Yes (time)
    for keys in [DOWN * 2, DOWN, DOWN, "", DOWN, DOWN * 2, "", ""]:
        child.expect(r"\(use the arrow keys, then Enter\)")
        child.send(keys + ENTER)
    child.expect("Question 9 of 9")
    child.expect("Enter when done")
    child.send(" " + ENTER)  # Depression
    child.expect("Is everything right?")
    child.send(DOWN * 8 + ENTER)  # Change: Time for treatment
    child.expect("Question 8 of 9")
    child.expect("then Enter")
    child.send(DOWN + ENTER)  # from Yes to Maybe
    child.expect("Is everything right?")
    child.send(ENTER)
    child.expect("An intensive outpatient program \\(IOP\\) may fit you")
    read_on(child, "evening")  # the time caveat
    read_on(child, pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_danger_first_and_ctrl_c_half_way() -> None:
    child = spawn(columns=40)
    child.send(DOWN + ENTER)  # Yes (the pointer starts on "nothing chosen")
    child.expect("Get help now")
    child.expect("988")
    read_on(child, "I answered this by mistake")
    child.send(DOWN * 2 + ENTER)  # Finish
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn()
    child.send(DOWN * 2 + ENTER)
    child.expect("Question 2 of 9")
    child.expect("then Enter")
    child.sendcontrol("c")
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
