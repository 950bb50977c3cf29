"""Running the real ``iopguide`` in a pseudo-terminal, shared by the end-to-end tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

IOPGUIDE = Path(sys.executable).with_name("iopguide")
DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"
READ_ON = r"Press Enter to read on \(part (\d+) of"


def spawn_iopguide(args: list[str], columns: int = 80, cwd: Path | None = None) -> pexpect.spawn:
    """``iopguide ARGS`` in a 40-line pseudo-terminal *columns* wide, as a person runs it."""
    if not IOPGUIDE.exists():
        pytest.skip("the iopguide console script is not installed beside this Python")
    # pexpect does not answer cursor-position requests; without this each prompt waits for one.
    # COLUMNS and LINES go: the size must come from the pseudo-terminal, as for a person.
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm",
        "IOPGUIDE_PLAIN": "",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return pexpect.spawn(
        str(IOPGUIDE),
        args,
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(40, columns),
        cwd=None if cwd is None else str(cwd),
    )


def read_on(child: pexpect.spawn, until: object, pause: str = READ_ON) -> None:
    """Page through a long result (Enter once at each pause) until *until* appears.

    prompt_toolkit draws a prompt again when it is answered, so each part's
    pause is answered only the first time it is seen. *pause* matches the pause line
    (with one group, the part number), for another language.
    """
    answered: set[str] = set()
    while child.expect([until, pause]) == 1:
        part = child.match.group(1)
        if part not in answered:
            answered.add(part)
            child.send(ENTER)
