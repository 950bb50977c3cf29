"""``iopguide`` with no command in a real pseudo-terminal, the way a person goes through it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from pty_session import DOWN, ENTER, UP, read_on, spawn_iopguide  # noqa: E402

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


CHOOSE = r"\(use the arrow keys, then Enter\)"


def spawn(folder: Path, columns: int = 80) -> pexpect.spawn:
    child = spawn_iopguide([], columns, cwd=folder)
    child.expect("Welcome to iopguide")
    child.expect("Nothing is saved unless you ask")
    child.expect("988")
    child.expect("Ready to begin")
    child.expect(CHOOSE)
    return child


def choose(child: pexpect.spawn, keys: str) -> None:
    child.expect(CHOOSE)
    child.send(keys + ENTER)


def test_welcome_to_programs_and_a_calm_finish(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.send(ENTER)  # Start the questions
    # No; No; No; None right now; No (need more); A lot; Yes (home); Yes (time)
    for keys in [DOWN * 2, DOWN, DOWN, "", DOWN, DOWN * 2, "", ""]:
        choose(child, keys)
    child.expect("Question 9 of 9")
    child.expect("Enter when done")
    child.send(" " + ENTER)  # Depression
    child.expect("Is everything right?")
    child.send(ENTER)
    choose(child, "")  # no check-in
    child.expect(r"An intensive outpatient program \(IOP\) looks like a good fit")
    read_on(child, "read more about IOPs")
    choose(child, "")  # No thanks, carry on
    child.expect(r"look for intensive outpatient \(IOP\) programs")
    choose(child, "")  # Yes
    child.expect("Who is the care for")
    choose(child, DOWN * 3)  # An adult
    child.expect("press Enter to skip")
    child.send("40202" + ENTER)
    child.expect("How would you pay")
    choose(child, "")  # Not sure, or skip this
    child.expect("Looking for programs")
    child.expect("within 25 miles of ZIP 40202 for adults")
    # Real listings by default, credited, and browsed without command lines.
    child.expect("Louisville")
    child.expect("Listed in SAMHSA's National Directory, 2022 edition")
    child.expect("What would you like to do")
    choose(child, UP)  # Done looking at programs
    child.expect("save a summary")
    choose(child, "")  # No thanks
    child.expect("Thank you for taking the time")
    child.expect("Nothing from today was kept")
    child.expect("Start again for someone else")
    child.send(ENTER)  # Finish
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_half_way(tmp_path: Path) -> None:
    child = spawn(tmp_path, columns=40)
    child.send(ENTER)
    choose(child, DOWN * 2)  # No (the pointer starts on "nothing chosen")
    child.expect("Question 2 of 9")
    child.expect(CHOOSE)
    child.sendcontrol("c")
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []
