"""The guided flow's shortlist: mark a programme while browsing, review it, keep it."""

from __future__ import annotations

from pathlib import Path

from iopguide.cli import run
from iopguide.directory.load import load_directory
from iopguide.directory.search import parse_filters, search
from iopguide.ui.summary_markdown import ShownProgram, build_summary
from test_guide import (  # noqa: F401  (fixtures)
    ADULT,
    DONE_BROWSING,
    ENTER,
    FINISH,
    IOP_ANSWERS,
    NO_SAVE,
    SKIP_LEARN,
    START,
    START_AGAIN,
    TODAY,
    UP,
    _assessment,
    asked,
    insurance,
    keys,
    questions,
)

ADD = UP * 2 + ENTER  # second from the bottom: "Add a program to your shortlist"
REVIEW = UP * 2 + ENTER  # once one is added: "Review your shortlist (1 program)"


def _expected():
    directory = load_directory(Path("sample"))
    return search(
        directory,
        parse_filters(
            conditions=["depression"],
            insurance=["medicaid"],
            zip_code="40202",
            levels=["iop"],
            age_groups=["adults"],
        ),
    ).matches


def test_mark_a_program_then_review_the_shortlist(keys, capsys, asked) -> None:  # noqa: F811
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER  # yes, look for programs
        + ADULT
        + "40202"
        + ENTER
        + insurance("medicaid")
        + ADD
        + ENTER  # the first programme shown
        + REVIEW
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample"]) == 0
    out = capsys.readouterr().out
    first = _expected()[0].program
    assert any(
        p.startswith("Which program would you like to add to your shortlist? | 1. ") for p in asked
    )
    assert f"{first.name} is on your shortlist" in " ".join(out.split())
    browse = [p for p in asked if p.startswith("What would you like to do? | See 1.")]
    assert "Add a program to your shortlist" in browse[0]
    assert "Review your shortlist (1 program)" in browse[1]
    review = out[out.index("is on your shortlist") :]
    assert f"1. {first.name}" in review and first.contact.phone in review
    assert "Payment" in review and "Schedule" in review
    assert first.id not in review  # no ids to type in the guide


def test_summary_has_a_shortlist_section_with_names_phones_and_ids() -> None:
    marked = (
        ShownProgram(id="a-1", name="Alpha [Example](x)", phone="502-555-0101"),
        ShownProgram(id="b-2", name="Beta Example", phone=None, serves_only=("Veterans only",)),
    )
    text = build_summary(_assessment(IOP_ANSWERS), searches=[], today=TODAY, shortlist=marked)
    section = text[text.index("## Your shortlist") : text.index("## Help at any time")]
    assert "1. **Alpha \\[Example\\](x)** · phone 502-555-0101" in section
    assert "id `a-1`" in section and "id `b-2`" in section
    assert "**only:** Veterans only" in section
    assert "`iopguide compare a-1 b-2`" in section
    assert "## Your shortlist" not in build_summary(
        _assessment(IOP_ANSWERS), searches=[], today=TODAY
    )


def _search_and_add() -> str:
    """Questions, then a search near 40202 paying by Medicaid, adding the first programme."""
    return (
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + ADULT
        + "40202"
        + ENTER
        + insurance("medicaid")
    )


def test_start_again_begins_with_an_empty_shortlist(keys, capsys, asked) -> None:  # noqa: F811
    keys(
        _search_and_add()
        + ADD
        + ENTER
        + DONE_BROWSING
        + NO_SAVE
        + START_AGAIN
        + _search_and_add()
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample"]) == 0
    browse = [p for p in asked if p.startswith("What would you like to do? | See 1.")]
    assert "Review your shortlist (1 program)" in browse[1]  # the first person's
    assert "Review your shortlist" not in browse[-1]  # the next person starts with none
