"""The result's headline stays on screen: a screenful at a time, in a real terminal."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from iopguide.assessment import Answers, assess
from iopguide.ui.assessment_view import build_page
from iopguide.ui.console import make_console
from iopguide.ui.paging import print_paged

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|[\x08]")

LONG = Answers(
    {
        "danger_now": "no",
        "withdrawal": "unsure",
        "round_the_clock": "no",
        "current_care": "php",
        "outpatient_enough": "yes",
        "daily_impact": "a_lot",
        "home": "no",
        "time": "no",
        "concerns": ("self_harm", "eating_disorder", "psychosis"),
    }
)


@pytest.mark.parametrize(("width", "height"), [(80, 24), (40, 24)])
def test_each_screenful_fits_and_the_title_comes_first(width: int, height: int) -> None:
    out = io.StringIO()
    console = make_console(
        file=out, width=width, height=height, force_terminal=True, color_system=None
    )
    pauses: list[str] = []

    def pause(message: str) -> None:
        pauses.append(message)
        out.write("<PAUSE>\n")

    result = assess(LONG)
    print_paged(console, build_page(result, width=width), width, pause)
    screens = out.getvalue().split("<PAUSE>\n")
    assert len(screens) == len(pauses) + 1 >= 2
    assert all(len(screen.splitlines()) <= height - 2 for screen in screens)
    first = screens[0]
    assert result.title.split()[0] in first
    assert "Why" in first or width == 40  # at 40 columns the summary alone fills more
    assert pauses[0].endswith(f"(part 2 of {len(screens)})")


def test_a_short_page_never_pauses() -> None:
    out = io.StringIO()
    console = make_console(file=out, width=80, height=200, force_terminal=True)
    called: list[str] = []
    print_paged(console, build_page(assess(LONG)), 80, called.append)
    assert called == []


# -- the guided flow in a real pseudo-terminal --------------------------------------------

pexpect = pytest.importorskip("pexpect")
IOPGUIDE = Path(sys.executable).with_name("iopguide")
DOWN, ENTER = "\x1b[B", "\r"
CHOOSE = r"then Enter\)"


@pytest.mark.e2e
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("columns", [80, 40])
def test_guided_flow_headline_is_on_screen_at_24_rows(tmp_path: Path, columns: int) -> None:
    if not IOPGUIDE.exists():
        pytest.skip("the iopguide console script is not installed beside this Python")
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm",
        "IOPGUIDE_PLAIN": "",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = pexpect.spawn(
        str(IOPGUIDE),
        [],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(24, columns),
        cwd=str(tmp_path),
    )
    child.expect(CHOOSE)
    child.send(ENTER)  # start
    # No; No; No; leaving hospital; No (need more); A lot; Yes (home); Maybe (time)
    for keys in [DOWN * 2, DOWN, DOWN, DOWN * 2, DOWN, DOWN * 2, "", DOWN]:
        child.expect(CHOOSE)
        child.send(keys + ENTER)
    child.expect("Question 9 of 9")
    child.expect("Something else")
    child.send(" " + ENTER)  # depression
    child.expect("Is everything right")
    child.send(ENTER)
    child.expect("No thanks, show my result")
    child.send(ENTER)  # no check-in
    child.expect(r"Press Enter to read on \(part 2 of")
    shown = ANSI.sub("", child.before).replace("\r", "")
    lines = shown.splitlines()
    title = max(i for i, line in enumerate(lines) if line.startswith("An intensive outpatient"))
    assert "may fit you" in " ".join(lines[title : title + 2])
    # Everything from the title to the pause fits in 24 rows, so the title is still visible.
    assert len(lines) - title <= 23, "\n".join(lines[title:])
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("width", [80, 40])
def test_a_topic_in_the_guided_flow_is_paged_title_first(width: int) -> None:
    from iopguide.content.topics import list_topics
    from iopguide.ui.learn_view import render_topic

    out = io.StringIO()
    console = make_console(file=out, width=width, height=24, force_terminal=True, color_system=None)
    topic = next(t for t in list_topics() if t.id == "what-is-iop")
    pauses: list[str] = []
    render_topic(topic, console, pause=lambda m: (pauses.append(m), out.write("<PAUSE>\n")))
    screens = out.getvalue().split("<PAUSE>\n")
    assert pauses and len(screens) == len(pauses) + 1
    assert all(len(s.splitlines()) <= 22 for s in screens)
    assert topic.title in screens[0]


def test_a_part_without_blank_lines_ends_before_a_list_item_not_inside_one() -> None:
    from iopguide.ui.paging import _screenfuls

    lines = []
    for n in range(12):  # bullets of three lines each, no blank line anywhere
        lines += [f"- item {n} starts", "  and goes on", "  and ends."]
    parts = _screenfuls(lines, 10)
    assert [line for part in parts for line in part] == lines  # nothing lost or repeated
    assert all(len(part) <= 10 for part in parts)
    assert all(part[0].startswith("- ") for part in parts)


def test_a_blank_line_is_still_the_first_choice_for_a_break() -> None:
    from iopguide.ui.paging import _screenfuls

    lines = ["- a", "  b", "- c", "  d", "", "- e", "  f", "- g", "  h", "- i", "  j", "- k"]
    assert _screenfuls(lines, 8)[0] == lines[:5]  # not lines[:7], before the later "- g"
