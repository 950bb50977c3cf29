"""The guided flow (``iopguide`` with no command), driven through prompt_toolkit's pipe input.

Keys are typed ahead into a pipe that is then closed, so a prompt that wants
more input than the test gave meets end-of-input (exit 130) instead of hanging.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from iopguide import crisis
from iopguide.assessment import QUESTION_IDS, Answers, assess, get_question
from iopguide.assessment.screening import for_concerns
from iopguide.cli import run
from iopguide.commands import guide, guide_find, guide_save, guide_search
from iopguide.directory.load import load_directory
from iopguide.directory.search import parse_filters, search
from iopguide.ui.prompts import Asker
from iopguide.ui.summary_markdown import ProgramSearch, ShownProgram, build_summary, md_escape
from iopguide.vocabulary import PAYMENT

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "
CTRL_C, CTRL_D, CTRL_U = "\x03", "\x04", "\x15"
TODAY = dt.date(2026, 5, 4)
SUMMARY_NAME = "iopguide-summary-2026-05-04.md"

IOP_ANSWERS = {
    "danger_now": "no",
    "withdrawal": "no",
    "round_the_clock": "no",
    "current_care": "none",
    "outpatient_enough": "no",
    "daily_impact": "a_lot",
    "home": "yes",
    "time": "yes",
}

# The guide's own choices, as keys from the top of each list.
START = ENTER
SKIP_CHECKINS = ENTER  # "No thanks, show my result"
SKIP_LEARN = ENTER  # "No thanks, carry on"
SKIP_FIND = DOWN + ENTER  # "No thanks"
NO_SAVE = ENTER  # "No thanks"
YES_SAVE = DOWN * 2 + ENTER  # "Yes, as Markdown text"
YES_SAVE_HTML = DOWN + ENTER  # "Yes, a page to print or keep (HTML)"
FINISH = ENTER
START_AGAIN = DOWN + ENTER
# The guided search: who the care is for, then browsing the results.
ADULT = DOWN * 3 + ENTER  # "An adult"
WHO_SKIP = UP + ENTER  # the last choice: "Rather not say, or skip this"
DONE_BROWSING = UP + ENTER  # the last choice: "Done looking at programs"


def pick(question_id: str, value: str) -> str:
    placeholder = 1 if question_id == "danger_now" else 0  # it starts on "nothing chosen"
    return DOWN * (get_question(question_id).values.index(value) + placeholder) + ENTER


def tick(*values: str) -> str:
    order = get_question("concerns").values
    out, at = "", 0
    for value in sorted(values, key=order.index):
        out += DOWN * (order.index(value) - at) + SPACE
        at = order.index(value)
    return out + ENTER


def questions(answers: dict[str, str], concerns: tuple[str, ...]) -> str:
    """Every question answered, "Yes, show my result", and no check-in (when one is offered)."""
    skip = SKIP_CHECKINS if for_concerns(concerns) else ""
    return "".join(pick(q, answers[q]) for q in QUESTION_IDS[:-1]) + tick(*concerns) + ENTER + skip


def insurance(payment_id: str) -> str:
    return DOWN * (PAYMENT.ids.index(payment_id) + 1) + ENTER  # "Not sure" comes first


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator:
    """A terminal that types *text*; the run happens in an empty folder on a fixed date."""
    monkeypatch.delenv("IOPGUIDE_PLAIN", raising=False)
    monkeypatch.setattr("iopguide.ui.prompts.can_prompt", lambda: True)
    monkeypatch.setattr(guide, "_today", lambda: TODAY)
    monkeypatch.chdir(tmp_path)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def send(text: str) -> None:
            pipe.send_text(text)
            pipe.close()

        yield send


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every prompt's message and choice titles, in order (prompts draw on DummyOutput)."""
    seen: list[str] = []
    select, text = Asker.select, Asker.text

    def recording_select(self, message, choices, **kwargs):
        seen.append(" | ".join([message, *(title for title, _ in choices)]))
        return select(self, message, choices, **kwargs)

    def recording_text(self, message, **kwargs):
        seen.append(message)
        return text(self, message, **kwargs)

    monkeypatch.setattr(Asker, "select", recording_select)
    monkeypatch.setattr(Asker, "text", recording_text)
    return seen


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------------
# Whole paths


def test_full_path_reads_a_topic_finds_programs_and_saves(keys, capsys, asked, tmp_path) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression", "anxiety"))
        + DOWN
        + ENTER  # read "What is an IOP?"
        + ENTER  # done reading
        + ENTER  # yes, look for programs
        + ADULT
        + "4020"
        + ENTER  # a typo: asked again, kindly
        + "40202"
        + ENTER
        + insurance("medicaid")
        + ENTER  # see the first programme in full
        + DONE_BROWSING
        + YES_SAVE
        + ENTER  # the suggested file name
        + FINISH
    )
    assert run(["--sample"]) == 0
    captured = capsys.readouterr()
    out = captured.out

    # In order: welcome, questions, result, the topic, the search, the save, the close.
    markers = [
        "Welcome to iopguide",
        "Question 9 of 9",
        "An intensive outpatient program (IOP) looks like a good fit",
        "Who an IOP is for",
        "doesn't look like a ZIP code",
        "Looking for programs",
        f"Saved your summary to {SUMMARY_NAME}",
        "Thank you for taking the time.",
    ]
    positions = [out.index(m) for m in markers]
    assert positions == sorted(positions)
    assert "Nothing is saved unless you ask" in out
    assert crisis.FOOTER in out
    assert any(p.startswith("Would you like to look for intensive outpatient (IOP)") for p in asked)
    assert sum("ZIP code" in p for p in asked) == 2
    assert any(p.startswith("Who is the care for? | A child (under 13)") for p in asked)
    # No command-line syntax anywhere a person reads.
    for syntax in ("--limit", "iopguide show", "YOUR_ZIP", "iopguide find", "--telehealth"):
        assert syntax not in out and not any(syntax in p for p in asked)

    # The programs shown are the search for the result's level and concerns, near 40202.
    directory = load_directory(Path("sample"))
    expected = search(
        directory,
        parse_filters(
            conditions=["depression", "anxiety"],
            insurance=["medicaid"],
            zip_code="40202",
            levels=["iop"],
            age_groups=["adults"],
        ),
    ).matches[: guide_search.SHOWN]
    assert expected, "the sample directory should have Medicaid IOPs near 40202"
    shown_at = [out.index(m.program.name) for m in expected]
    assert shown_at == sorted(shown_at)
    not_matching = [
        p
        for p in directory.programs
        if "iop" in p.levels and "medicaid" not in p.payment and p.location.state == "KY"
    ]
    for program in not_matching:
        assert program.name not in out
    assert "SAMPLE programs" in captured.err  # the existing sample notice
    browse = next(p for p in asked if p.startswith("What would you like to do? | See 1."))
    assert f"See 1. {expected[0].program.name} in full" in browse
    assert out.count(expected[0].program.name) >= 2  # its card, then in full

    # The summary: private, complete, and only because it was asked for.
    saved = tmp_path / SUMMARY_NAME
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = saved.read_text(encoding="utf-8")
    assert "Level of care: **Intensive outpatient (IOP)**" in text
    assert "- **Effect on daily life:** A lot: it's hard to get through the day" in text
    assert "- **What you want help with:** Depression or low mood, Anxiety, panic or worry" in text
    for match in expected:
        assert f"`{match.program.id}`" in text
        assert match.program.contact.phone in text
    assert "accepting Medicaid" in text
    assert "Call or text 988" in text and "Call 911" in text and "1-800-662-4357" in text
    assert "This is a guide, not a diagnosis." in text
    assert "2026-05-04" in text
    assert files_in(tmp_path) == [SUMMARY_NAME]  # no temporary file left behind


def test_the_summary_saved_as_a_page_to_print(keys, capsys, asked, tmp_path) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER  # yes, look for programs
        + ADULT
        + "40202"
        + ENTER
        + ENTER  # not sure how to pay
        + DONE_BROWSING
        + YES_SAVE_HTML
        + ENTER  # the suggested file name
        + FINISH
    )
    assert run(["--sample"]) == 0
    name = "iopguide-summary-2026-05-04.html"
    assert f"Saved your summary to {name}" in capsys.readouterr().out
    assert [p for p in asked if "save a summary" in p] == [
        "Would you like to save a summary of this in a file? | No thanks "
        "| Yes, a page to print or keep (HTML) | Yes, as Markdown text"
    ]
    saved = tmp_path / name
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert files_in(tmp_path) == [name]
    page = saved.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert page.index("988") < page.index("<h1>")  # the crisis lines first
    assert "Intensive outpatient (IOP)" in page
    assert "How soon can I start?" in page  # the questions to ask, from the learn topic
    assert "Call log" in page and "SAMPLE programs" in page
    directory = load_directory(Path("sample"))
    filters = parse_filters(
        conditions=["depression"], zip_code="40202", levels=["iop"], age_groups=["adults"]
    )
    shown = search(directory, filters).matches[: guide_search.SHOWN]
    assert shown
    for match in shown:  # no shortlist: the programmes shown
        assert match.program.contact.phone in page
    assert "<script" not in page.lower()


def test_nothing_is_written_unless_asked(keys, capsys, tmp_path) -> None:
    keys(START + questions(IOP_ANSWERS, ("other",)) + SKIP_LEARN + SKIP_FIND + NO_SAVE + FINISH)
    assert run([]) == 0
    assert files_in(tmp_path) == []
    out = capsys.readouterr().out
    assert "Nothing from today was kept." in out
    assert "Looking for programs" not in out


def test_not_now_at_the_welcome(keys, capsys) -> None:
    keys(DOWN + ENTER)
    assert run([]) == 0
    out = capsys.readouterr().out
    assert "Question 1 of 9" not in out
    assert "come back whenever you like" in out


def test_change_an_answer_before_the_result(keys, capsys) -> None:
    review_home = DOWN * (QUESTION_IDS.index("home") + 1) + ENTER
    keys(
        START
        + "".join(pick(q, IOP_ANSWERS[q]) for q in QUESTION_IDS[:-1])
        + tick("depression")
        + review_home
        + DOWN * 2
        + ENTER  # home: from Yes to No
        + ENTER  # show my result
        + SKIP_CHECKINS
        + SKIP_LEARN
        + SKIP_FIND
        + NO_SAVE
        + FINISH
    )
    assert run([]) == 0
    out = capsys.readouterr().out
    assert "Residential treatment may fit you best right now" in out
    assert "looks like a good fit" not in out


def test_other_concern_adds_no_condition_and_widening_once(keys, capsys, asked) -> None:
    """Nothing within 25 miles of 45202 in the sample: widen to 100 miles, once."""
    keys(
        START
        + questions(IOP_ANSWERS, ("other",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + "45202"
        + ENTER
        + ENTER  # yes; who; ZIP; not sure about payment
        + ENTER  # yes, look further
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample"]) == 0
    out = capsys.readouterr().out
    directory = load_directory(Path("sample"))
    near = search(directory, parse_filters(zip_code="45202", levels=["iop"]))
    wider = search(directory, parse_filters(zip_code="45202", radius=100, levels=["iop"]))
    assert near.total == 0 and wider.total > 0
    assert "No programs matched all of your filters." in out
    assert sum("look further" in prompt for prompt in asked) == 1
    assert "within 100 miles of ZIP 45202" in out
    searches = out[out.index("Looking for programs") :]
    assert "that treat" not in searches  # "other" narrows nothing
    for match in wider.matches[: guide_search.SHOWN]:
        assert match.program.name in out


def test_skipping_the_zip_asks_for_a_state_and_searches_it(keys, capsys, asked) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + ENTER  # yes; who; no ZIP
        + "Kentuky"
        + ENTER  # a typo: a suggestion, asked again
        + "kentucky"
        + ENTER
        + ENTER  # the state; not sure about payment
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Did you mean Kentucky?" in out
    assert "IOP programs in KY that treat depression" in out
    assert sum(p.startswith("Which state should we look in?") for p in asked) == 2


def test_skipping_the_zip_and_the_state_searches_nothing_and_says_who_can_help(
    keys, capsys
) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + ENTER
        + ENTER  # yes; who; no ZIP; no state
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Looking for programs" not in out
    assert "Without a ZIP code or a state" in out and "1-800-662-4357" in out


def test_show_more_lists_the_next_programs_numbered_on(keys, capsys, asked) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + "10001"
        + ENTER
        + ENTER  # yes; who; ZIP; not sure about payment
        + DOWN * 5
        + ENTER  # "Show 5 more"
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run([]) == 0  # the national directory: plenty near 10001
    out = capsys.readouterr().out
    assert "\n6. " in out and "\n10. " in out
    browsing = [p for p in asked if p.startswith("What would you like to do? | See 1.")]
    assert len(browsing) == 2 and "See 10." in browsing[1]
    assert "Listed in SAMHSA's National Directory, 2022 edition" in " ".join(out.split())


def test_a_directory_that_cannot_be_read_does_not_end_the_guide(keys, capsys, tmp_path) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + "40202"
        + ENTER
        + ENTER  # yes; who; ZIP; not sure about payment
        + NO_SAVE
        + FINISH
    )
    assert run(["--directory", str(tmp_path / "missing.yaml")]) == 0
    captured = capsys.readouterr()
    assert "missing.yaml" in captured.err
    assert "Your result above still stands." in " ".join(captured.out.split())
    assert captured.out.rstrip().endswith("Take care.")


def test_detox_result_searches_detox_programs(keys, asked, capsys) -> None:
    keys(
        START
        + questions({**IOP_ANSWERS, "withdrawal": "yes"}, ("substance_use",))
        + SKIP_LEARN
        + ENTER
        + ADULT
        + "40202"
        + ENTER
        + ENTER
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run([]) == 0
    assert any(
        p.startswith("Would you like to look for detox (withdrawal management) programs")
        for p in asked
    )
    assert "Detox programs within 25 miles of ZIP 40202 for adults" in capsys.readouterr().out


# ---------------------------------------------------------------------------
# Danger


def test_danger_stops_at_emergency_and_offers_only_crisis_help(
    keys, capsys, asked, monkeypatch, tmp_path
) -> None:
    def no_search(*args, **kwargs):  # pragma: no cover - failing is the point
        raise AssertionError("the emergency path must not search for programs")

    monkeypatch.setattr("iopguide.directory.load.load_directory", no_search)
    keys(START + pick("danger_now", "yes") + ENTER + DOWN * 2 + ENTER)  # lines again; finish
    assert run([]) == 0
    out = capsys.readouterr().out
    assert out.index("Get help now") < out.index("Please get help right now")
    assert out.count("Get help now") == 2  # the panel, then again on request
    assert "Question 2 of 9" not in out
    after_result = asked[2:]  # the welcome, question 1, then only crisis help
    assert (
        after_result
        == [
            "What would you like to do now? | Show the crisis lines again "
            "| I answered this by mistake | Finish"
        ]
        * 2
    )
    assert "Looking for programs" not in out
    assert "You don't have to go through this alone." in out
    assert files_in(tmp_path) == []


# ---------------------------------------------------------------------------
# Saving without overwriting


def _to_save_prompt() -> str:
    return START + questions(IOP_ANSWERS, ("anxiety",)) + SKIP_LEARN + SKIP_FIND + YES_SAVE


def test_existing_file_is_kept_and_another_name_offered(keys, asked, tmp_path) -> None:
    existing = tmp_path / SUMMARY_NAME
    existing.write_text("someone else's notes\n", encoding="utf-8")
    keys(_to_save_prompt() + ENTER + ENTER + ENTER + FINISH)  # default; another name; its -2
    assert run([]) == 0
    assert existing.read_text(encoding="utf-8") == "someone else's notes\n"
    second = tmp_path / "iopguide-summary-2026-05-04-2.md"
    assert "An intensive outpatient program" in second.read_text(encoding="utf-8")
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
    assert sum("There is already a file called" in prompt for prompt in asked) == 1


def test_existing_file_replaced_only_with_consent(keys, tmp_path) -> None:
    existing = tmp_path / SUMMARY_NAME
    existing.write_text("old\n", encoding="utf-8")
    existing.chmod(0o644)
    keys(_to_save_prompt() + ENTER + DOWN + ENTER + FINISH)  # default; "Replace it"
    assert run([]) == 0
    assert "My iopguide summary" in existing.read_text(encoding="utf-8")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    assert files_in(tmp_path) == [SUMMARY_NAME]


def test_dont_save_leaves_the_existing_file(keys, capsys, tmp_path) -> None:
    existing = tmp_path / SUMMARY_NAME
    existing.write_text("old\n", encoding="utf-8")
    keys(_to_save_prompt() + ENTER + DOWN * 2 + ENTER + FINISH)  # default; "Don't save"
    assert run([]) == 0
    assert existing.read_text(encoding="utf-8") == "old\n"
    assert files_in(tmp_path) == [SUMMARY_NAME]
    assert "Nothing was saved." in capsys.readouterr().out


def test_a_folder_that_does_not_exist_is_explained(keys, capsys, tmp_path) -> None:
    keys(
        _to_save_prompt()
        + CTRL_U
        + "no-such-folder/summary.md"
        + ENTER
        + ENTER  # try another name
        + CTRL_U
        + "mine.md"
        + ENTER
        + FINISH
    )
    assert run([]) == 0
    assert "There is no folder called no-such-folder." in capsys.readouterr().out
    assert files_in(tmp_path) == ["mine.md"]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("s" * 300 + ".md", "That name cannot be used: File name too long."),
        ("~nosuchuser-iopguide/x.md", "There is no home folder for ~nosuchuser-iopguide."),
    ],
)
def test_a_name_that_cannot_be_used_is_asked_again_not_the_end(
    keys, capsys, tmp_path, name, said
) -> None:
    keys(
        _to_save_prompt()
        + CTRL_U
        + name
        + ENTER
        + ENTER  # try another name
        + CTRL_U
        + "mine.md"
        + ENTER
        + FINISH
    )
    assert run([]) == 0
    assert said in capsys.readouterr().out
    assert files_in(tmp_path) == ["mine.md"]


def test_a_pasted_nul_is_a_name_that_cannot_be_used() -> None:
    _path, problem, exists = guide_save.save_target("bad\x00name.md")
    assert problem is not None and "cannot be used" in problem
    assert not exists


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read and write any folder")
def test_a_folder_that_may_not_be_read_is_asked_again(keys, capsys, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        keys(
            _to_save_prompt()
            + CTRL_U
            + "locked/summary.md"
            + ENTER
            + ENTER  # try another name
            + CTRL_U
            + "mine.md"
            + ENTER
            + FINISH
        )
        assert run([]) == 0
        assert "Permission denied" in capsys.readouterr().out
    finally:
        locked.chmod(0o700)
    assert files_in(tmp_path) == ["locked", "mine.md"]


# ---------------------------------------------------------------------------
# Stopping, no terminal, starting again


def test_ctrl_c_half_way_exits_130_and_writes_nothing(keys, capsys, tmp_path) -> None:
    keys(START + pick("danger_now", "no") + pick("withdrawal", "no") + CTRL_C)
    assert run([]) == 130
    captured = capsys.readouterr()
    assert captured.err.strip() == "Stopped. Nothing was saved."
    assert "Question 3 of 9" in captured.out
    assert files_in(tmp_path) == []


def test_ctrl_d_at_the_file_name_writes_nothing(keys, capsys, tmp_path) -> None:
    keys(_to_save_prompt() + CTRL_D)
    assert run([]) == 130
    assert capsys.readouterr().err.strip() == "Stopped. Nothing was saved."
    assert files_in(tmp_path) == []


def test_ctrl_c_after_saving_says_where_the_summary_is(keys, capsys, tmp_path) -> None:
    keys(_to_save_prompt() + ENTER + CTRL_C)
    assert run([]) == 130
    err = " ".join(capsys.readouterr().err.split())
    assert err == f"Stopped. Your summary is saved in {SUMMARY_NAME}; nothing else was saved."
    assert files_in(tmp_path) == [SUMMARY_NAME]


def test_start_again_begins_afresh(keys, capsys, tmp_path) -> None:
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + SKIP_FIND
        + NO_SAVE
        + START_AGAIN
        + START
        + CTRL_C  # the next person is asked question 1 again, nothing pre-filled
    )
    assert run([]) == 130
    out = capsys.readouterr().out
    assert out.count("Welcome to iopguide") == 2
    assert out.count("Question 1 of 9") == 2
    second_run = out[out.rindex("Welcome to iopguide") :]
    assert "\nYour answers\n" not in second_run
    assert "looks like a good fit" not in second_run


def test_no_terminal_prints_usage_and_exits_2(capsys, monkeypatch) -> None:
    monkeypatch.setattr("iopguide.ui.prompts.can_prompt", lambda: False)
    assert run([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "iopguide assess --answers FILE" in captured.err
    assert "iopguide find" in captured.err
    assert "iopguide --help" in captured.err
    assert crisis.FOOTER in captured.err


def test_no_terminal_under_pytest_by_default(capsys) -> None:
    """stdin is not a terminal here: the real check must refuse, not hang."""
    assert run([]) == 2
    assert "needs a terminal" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# The pieces


def test_concerns_map_to_conditions() -> None:
    assert guide_find.concern_conditions(("depression", "substance_use", "other")) == [
        "depression",
        "substance_use",
    ]
    assert guide_find.concern_conditions(("other",)) == []
    every = get_question("concerns").values
    assert guide_find.concern_conditions(every) == [v for v in every if v != "other"]


def test_find_command_repeats_the_search() -> None:
    filters = parse_filters(
        conditions=["trauma"],
        insurance=["medicare"],
        zip_code="40202",
        radius=100,
        levels=["php"],
    )
    assert guide_find.find_command(filters, None) == (
        "iopguide find --level php --condition trauma --zip 40202 --radius 100 "
        "--insurance medicare --limit 0"
    )


def _assessment(level_answers: dict[str, str], concerns: tuple[str, ...] = ("anxiety",)):
    return assess(Answers({**level_answers, "concerns": concerns}))


def test_summary_has_the_result_answers_programs_and_help() -> None:
    result = _assessment(IOP_ANSWERS, ("depression", "other"))
    search_ = ProgramSearch(
        description="IOP programs within 25 miles of ZIP 40202",
        programs=(ShownProgram("a-b", "Alpha Clinic", "502-555-0100", "Louisville, KY", 1.5),),
        sample=True,
        command="iopguide find --level iop --zip 40202 --limit 0",
    )
    text = build_summary(result, searches=[search_], today=TODAY)
    assert text.startswith("# My iopguide summary\n")
    assert "Made on 2026-05-04" in text
    assert "## Result: An intensive outpatient program (IOP) looks like a good fit" in text
    for reason in result.reasons:
        assert f"- {reason.text}" in text
    for number, step in enumerate(result.next_steps, start=1):
        assert f"{number}. {step}" in text
    assert "- **Is weekly therapy enough?** No, I need more support than that" in text
    assert "- **What you want help with:** Depression or low mood, Something else" in text
    shown = "1. **Alpha Clinic** · phone 502-555-0100 · Louisville, KY · 1.5 miles · id `a-b`"
    assert shown in text
    limited = ShownProgram(
        "c-d",
        "Beta Clinic",
        serves_only=("Women only",),
        may_run_iop=True,
        listed="Listed in SAMHSA's National Directory, 2022 edition",
    )
    national = ProgramSearch(
        "IOP programs",
        (limited,),
        listed_in="Listings from SAMHSA's National Directory, 2022 edition (public domain).",
        confirm=crisis.STALE_LISTINGS_LINE,
    )
    text2 = build_summary(result, searches=[national], today=TODAY)
    assert "**Beta Clinic** · may run an IOP: ask · **only:** Women only · id `c-d`" in text2
    assert "2022 edition" in text2 and crisis.STALE_LISTINGS_LINE in text2
    assert "SAMPLE programs" in text and "Do not call them" in text
    for line in crisis.ALL_LINES:
        assert line.how in text
    assert result.disclaimer in text


def test_summary_without_programs_or_with_none_found() -> None:
    result = _assessment({**IOP_ANSWERS, "outpatient_enough": "yes", "daily_impact": "some"})
    assert result.level == "outpatient"
    text = build_summary(result, today=TODAY)
    assert "Programs I was shown" not in text
    empty = build_summary(result, searches=[ProgramSearch("Outpatient programs")], today=TODAY)
    assert "No programs matched." in empty


def test_summary_keeps_untrusted_program_text_as_text() -> None:
    hostile = ShownProgram(
        id="x`y",
        name="[Call me](http://evil.example) <img src=x> **now**\x1b[31m",
        phone="555\n# heading",
    )
    text = build_summary(
        _assessment(IOP_ANSWERS), searches=[ProgramSearch("IOP", (hostile,))], today=TODAY
    )
    line = next(line for line in text.splitlines() if line.startswith("1. **"))
    assert "[Call me](" not in line
    assert "\\[Call me\\]" in line
    assert re.search(r"(?<!\\)<img", line) is None and "\\<img" in line  # literal, not HTML
    assert "\x1b" not in text
    assert "\n# heading" not in text
    assert "id `xy`" in line
    assert md_escape("a_b*c") == "a\\_b\\*c"


# ---------------------------------------------------------------------------
# Writing the file


def test_free_name_skips_taken_names(tmp_path) -> None:
    (tmp_path / "a.md").write_text("", encoding="utf-8")
    (tmp_path / "a-2.md").write_text("", encoding="utf-8")
    assert guide_save.free_name(tmp_path / "a.md") == tmp_path / "a-3.md"


# ---------------------------------------------------------------------------
# Issue 11: check-ins after the nine questions; "I answered this by mistake"

PHQ9_17 = [3, 3, 3, 3, 2, 1, 1, 1, 0]  # 17, moderately severe, item 9 "Not at all"


def _answer_items(points: list[int]) -> str:
    return "".join(DOWN * p + ENTER for p in points)


def _nine(concerns: tuple[str, ...], answers: dict[str, str] = IOP_ANSWERS) -> str:
    """The nine questions and "show my result", stopping at the check-in offer."""
    return "".join(pick(q, answers[q]) for q in QUESTION_IDS[:-1]) + tick(*concerns) + ENTER


def test_a_check_in_score_goes_into_the_reasons_and_the_summary(keys, capsys, asked, tmp_path):
    weekly_enough = {**IOP_ANSWERS, "outpatient_enough": "yes"}
    keys(
        START
        + _nine(("depression",), weekly_enough)
        + DOWN
        + ENTER  # PHQ-9
        + _answer_items(PHQ9_17)
        + SKIP_LEARN
        + SKIP_FIND
        + YES_SAVE
        + ENTER
        + FINISH
    )
    assert run([]) == 0
    out = " ".join(capsys.readouterr().out.split())
    offer = next(p for p in asked if p.startswith("Before your result"))
    assert offer.endswith("No thanks, show my result | PHQ-9: low mood, 9 questions")
    headline = "PHQ-9 17, moderately severe — bring this to your clinician."
    assert out.index("PHQ-9: 17 of 27, moderately severe.") < out.index(headline)
    assert "said weekly therapy would be enough. Talk with a clinician" in out
    assert assess(Answers({**weekly_enough, "concerns": ("depression",)})).level == "iop"
    saved = (tmp_path / SUMMARY_NAME).read_text(encoding="utf-8")
    assert headline in saved


def test_no_check_in_is_offered_when_no_concern_fits(keys, asked) -> None:
    keys(START + _nine(("other",)) + SKIP_LEARN + SKIP_FIND + NO_SAVE + FINISH)
    assert run([]) == 0
    assert not any(p.startswith("Before your result") for p in asked)


def test_a_flagged_item_9_then_danger_shows_the_emergency(keys, capsys) -> None:
    keys(
        START
        + _nine(("depression",))
        + DOWN
        + ENTER
        + _answer_items([0] * 8 + [1])  # PHQ-9, item 9 "Several days"
        + pick("danger_now", "yes")
        + DOWN * 2
        + ENTER  # finish
    )
    assert run([]) == 0
    out = capsys.readouterr().out
    assert out.index("Please talk to someone today") < out.index("Please get help right now")
    assert "Looking for programs" not in out


def test_answered_by_mistake_goes_back_to_the_danger_question(keys, capsys, asked) -> None:
    keys(
        START
        + pick("danger_now", "yes")
        + DOWN
        + ENTER  # "I answered this by mistake"
        + pick("danger_now", "no")
        + "".join(pick(q, IOP_ANSWERS[q]) for q in QUESTION_IDS[1:-1])
        + tick("other")
        + ENTER
        + SKIP_LEARN
        + SKIP_FIND
        + NO_SAVE
        + FINISH
    )
    assert run([]) == 0
    out = capsys.readouterr().out
    assert out.index("Please get help right now") < out.index("looks like a good fit")
    assert out.count("Question 1 of 9") == 2


def test_enter_enter_at_the_danger_question_never_answers_it(keys, capsys) -> None:
    keys(START + ENTER + ENTER + CTRL_C)  # Enter on "nothing chosen", twice
    assert run([]) == 130
    out = capsys.readouterr().out
    assert "Please choose Yes or No." in out
    assert "Please get help right now" not in out


def test_the_first_screen_offers_spanish_and_says_it_all_again_in_spanish(keys, capsys) -> None:
    keys(DOWN * 2 + ENTER + DOWN + ENTER)  # Español; then "Ahora no"
    assert run([]) == 0
    out = capsys.readouterr().out
    assert "Le damos la bienvenida a iopguide" in out
    assert "oprima 2 para español" in out
    assert out.index("Welcome to iopguide") < out.index("Le damos la bienvenida")


def test_a_spanish_guide_offers_english_the_same_way(keys, capsys) -> None:
    keys(DOWN * 2 + ENTER + DOWN + ENTER)  # English; then "Not now"
    assert run(["--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert out.index("Le damos la bienvenida") < out.index("Welcome to iopguide")
    assert "come back whenever you like" in out


def test_the_guide_applies_your_notes(keys, capsys, tmp_path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        "notes:\n"
        "  lamplight-sample-iop: {learned_on: 2026-10-01, closed: true}\n"
        "  brightwater-sample-php: {learned_on: 2026-11-20, runs_iop: yes, wait: 2 weeks}\n"
    )
    keys(
        START
        + questions(IOP_ANSWERS, ("depression",))
        + SKIP_LEARN
        + ENTER
        + WHO_SKIP
        + "40202"
        + ENTER
        + ENTER  # yes; who; ZIP; not sure about payment
        + DONE_BROWSING
        + NO_SAVE
        + FINISH
    )
    assert run(["--sample", "--notes", str(notes)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Lamplight" not in out
    assert "1 more program matched but your notes mark it closed" in out
    assert "iopguide show" not in out  # no commands in the guide
    assert "Runs an IOP (your note, 2026-11-20)" in out and "Wait: 2 weeks" in out
