"""iopguide learn: the topics, the shared level descriptions, and how they are shown."""

from __future__ import annotations

import io
import json
import re
from importlib import resources

import pytest
from rich.console import Console

from iopguide import crisis
from iopguide.cli import run
from iopguide.content.levels import BY_INTENSITY, LEVEL_DESCRIPTIONS, describe
from iopguide.content.topics import (
    _parse,
    fill,
    get_topic,
    levels_markdown,
    list_topics,
    topics_dir,
)
from iopguide.errors import UsageError
from iopguide.ui.learn_view import render_topic, render_topic_list
from iopguide.ui.pipe_width import PAGE_WIDTH
from iopguide.vocabulary import LEVELS

REQUIRED = (
    "what-is-iop",
    "components",
    "schedule",
    "benefits-challenges",
    "levels-of-care",
    "finding-a-program",
    "paying",
    "crisis",
)
OLD_LIFELINE = "1-800-273-8255"
ANSI = re.compile(r"\x1b[\[\]()]")
PHONE_LIKE = re.compile(r"\b(988|911|\d{3}-\d{3,4}(-\d{4})?|1-800|\d{6})\b")
HELPLINE_NUMBERS = re.findall(r"\d[\d-]*\d", crisis.SAMHSA_HELPLINE.how)


def _flat(text: str) -> str:
    """Whitespace folded, Markdown emphasis dropped: what a reader sees."""
    return " ".join(text.replace("**", "").replace("*", "").split())


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["learn", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- the topic list -----------------------------------------------------------------------


def test_every_required_topic_is_listed_with_a_title_and_summary() -> None:
    topics = list_topics()
    ids = [t.id for t in topics]
    assert set(REQUIRED) <= set(ids)
    assert len(ids) == len(set(ids))
    for topic in topics:
        assert topic.title.strip() and topic.summary.strip(), topic.id
        assert "\n" not in topic.summary


def test_topics_come_in_reading_order_starting_with_what_an_iop_is() -> None:
    topics = list_topics()
    assert topics[0].id == "what-is-iop"
    assert [t.order for t in topics] == sorted(t.order for t in topics)


def test_content_files_are_found_through_importlib_resources() -> None:
    folder = resources.files("iopguide.content") / "topics"
    names = {entry.name for entry in folder.iterdir() if entry.name.endswith(".md")}
    assert {f"{topic_id}.md" for topic_id in REQUIRED} <= names
    assert {entry.name for entry in topics_dir().iterdir()} == {e.name for e in folder.iterdir()}
    assert len(list_topics()) == len(names)


# -- what each topic says -----------------------------------------------------------------

KEY_FACTS = {
    "what-is-iop": [
        "depression",
        "anxiety",
        "bipolar disorder",
        "PTSD",
        "trauma",
        "eating disorders",
        "self-harm",
        "substance use",
        "step down",
        "weekly therapy",
        "24-hour",
    ],
    "components": [
        "Individual therapy",
        "Group therapy",
        "Family therapy",
        "coping",
        "managing stress",
        "emotional regulation",
        "relapse prevention",
        "Medication management",
        "Psychoeducation",
        "vocational",
        "educational",
        "community",
        "mindfulness",
        "yoga",
        "art therapy",
        "12-step",
        "peer",
        "drug and alcohol testing",
        "CBT",
        "DBT",
        "Motivational enhancement",
    ],
    "schedule": [
        "3–5 days a week",
        "About 3 hours a day",
        "About 9–19 hours a week",
        "about 6 hours",
        "morning",
        "evening",
        "weekend",
        "telehealth",
        "several weeks to a few months",
    ],
    "benefits-challenges": [
        "Flexibility",
        "working, studying or caring",
        "Intensive care",
        "peer support",
        "Lower cost than inpatient",
        "daily life",
        "Commitment and self-discipline",
        "severe addiction",
        "not stable, safe or supportive",
        "Juggling the schedule",
    ],
    "finding-a-program": [
        "clinician",
        "FindTreatment.gov",
        "SAMHSA",
        "mental-health organizations",
        "iopguide find",
        "waiting list and keep looking",
        "insurance",
        "evening, weekend",
        "therapies",
        "families",
        "medication",
        "licensed",
        "accredited",
        "after the program",
    ],
    "paying": [
        "Most health insurance plans cover IOP",
        "Medicare has covered intensive outpatient services since 2024",
        "Medicaid",
        "Sliding-scale",
        "prior authorization",
        "in network",
        "insurer",
    ],
}


@pytest.mark.parametrize("topic_id", sorted(KEY_FACTS))
def test_each_topic_carries_its_key_facts(topic_id: str) -> None:
    text = _flat(get_topic(topic_id).markdown())
    missing = [fact for fact in KEY_FACTS[topic_id] if fact not in text]
    assert not missing, f"{topic_id} lacks {missing}"


@pytest.mark.parametrize("topic_id", REQUIRED)
def test_every_topic_ends_by_saying_it_is_general_information(topic_id: str) -> None:
    last_paragraph = get_topic(topic_id).markdown().strip().split("\n\n")[-1]
    assert "general information" in last_paragraph
    assert "not" in last_paragraph and "medical advice" in last_paragraph


def test_crisis_topic_puts_988_and_911_before_the_helpline() -> None:
    text = get_topic("crisis").markdown()
    assert "988" in text and "911" in text
    assert text.index("988") < text.index("911") < text.index(crisis.SAMHSA_HELPLINE.name)
    for number in HELPLINE_NUMBERS:
        assert number in text
    assert "not** a crisis line" in text or "not a crisis line" in text


@pytest.mark.parametrize("topic_id", REQUIRED)
def test_no_topic_ever_shows_the_old_lifeline_number(topic_id: str) -> None:
    assert OLD_LIFELINE not in get_topic(topic_id).markdown()
    assert "{{" not in get_topic(topic_id).markdown()


def test_no_phone_number_is_typed_into_a_content_file() -> None:
    """Numbers live in crisis.py; the files (English and every translation) use placeholders."""
    folders = [topics_dir()] + [entry for entry in topics_dir().iterdir() if entry.is_dir()]
    files = [
        entry for folder in folders for entry in folder.iterdir() if entry.name.endswith(".md")
    ]
    assert len(files) > len(REQUIRED)
    for entry in files:
        found = PHONE_LIKE.findall(entry.read_text(encoding="utf-8"))
        # ZIP codes in examples are five digits and do not match; anything else is a number.
        assert not found, f"{entry.name} types {found}"


def test_a_change_in_crisis_py_reaches_the_topics(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = crisis.HelpLine(name="Test line", how="Call 000", notes="n", kind="crisis")
    monkeypatch.setattr(crisis, "CRISIS_LINES", (changed,))
    assert "- **Test line** — Call 000." in fill("{{crisis_lines}}")


# -- levels of care: one description for learn and the assessment --------------------------


def test_level_descriptions_cover_every_level_and_emergency() -> None:
    assert set(LEVEL_DESCRIPTIONS) == set(LEVELS.ids) | {"emergency"}
    assert set(BY_INTENSITY) == set(LEVELS.ids)
    for level_id, level in LEVEL_DESCRIPTIONS.items():
        assert level.id == level_id
        assert level.title and level.hours and level.where_you_live and level.who_for
        assert level.components
        assert json.loads(json.dumps(level.to_dict()))["components"] == list(level.components)


def test_no_unsourced_or_inconsistent_facts_remain() -> None:
    """Issue 11: no 48-hour rule, no 9-20 hours, and 'not enough' names severe symptoms."""
    from iopguide.content.topics import list_topics

    for topic in list_topics():
        assert "48 hours" not in topic.body()
        assert "9–20" not in topic.body() and "2–4 hours" not in topic.body()
    what = next(t for t in list_topics() if t.id == "what-is-iop").body()
    assert "severe, or you need medical supervision or stabilisation" in what


def test_level_descriptions_carry_the_key_hours() -> None:
    assert "9–19 hours a week" in describe("iop").hours
    assert "3–5 days" in describe("iop").hours
    assert "6–8 hours a day" in describe("php").hours
    assert "weekdays" in describe("php").hours
    assert "At home" in describe("iop").where_you_live
    assert "night" in describe("php").where_you_live
    assert "not 24-hour care" in describe("iop").who_for


def test_emergency_description_takes_its_numbers_from_crisis_py() -> None:
    components = " ".join(describe("emergency").components)
    assert crisis.LIFELINE_988.how in components
    assert crisis.EMERGENCY_911.how in components
    assert components.index("988") < components.index("911")
    assert OLD_LIFELINE not in components


def test_describe_accepts_aliases_and_rejects_unknown_levels() -> None:
    assert describe("partial hospitalization").id == "php"
    assert describe("Intensive outpatient").id == "iop"
    assert describe("EMERGENCY").id == "emergency"
    with pytest.raises(UsageError):
        describe("spa weekend")


@pytest.mark.parametrize("layout", ["table", "list"])
def test_levels_of_care_topic_agrees_with_the_level_descriptions(layout: str) -> None:
    text = get_topic("levels-of-care").markdown(levels_layout=layout)  # type: ignore[arg-type]
    for level_id in BY_INTENSITY:
        level = LEVEL_DESCRIPTIONS[level_id]
        for value in (level.title, level.hours, level.where_you_live, level.who_for):
            assert value in text, (layout, level_id, value)
    assert "About 6–8 hours a day" in text


def test_levels_table_lists_levels_from_least_to_most_intensive() -> None:
    rows = [line for line in levels_markdown("table").splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Level of care |")
    titles = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert titles == [LEVEL_DESCRIPTIONS[i].title for i in BY_INTENSITY]


# -- finding a topic ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("schedule", "schedule"),
        ("Schedule", "schedule"),
        ("what_is_iop", "what-is-iop"),
        ("What is an IOP?", "what-is-iop"),
        ("cost", "paying"),
        ("insurance", "paying"),
        ("levels", "levels-of-care"),
        ("emergency", "crisis"),
    ],
)
def test_topics_are_found_by_id_title_or_alias(name: str, expected: str) -> None:
    assert get_topic(name).id == expected


def test_unknown_topic_suggests_a_close_match_and_lists_the_topics() -> None:
    with pytest.raises(UsageError) as caught:
        get_topic("shedule")
    assert "Did you mean schedule?" in caught.value.message
    assert all(topic_id in (caught.value.hint or "") for topic_id in REQUIRED)


def test_unknown_placeholder_and_broken_front_matter_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown placeholder"):
        fill("Call {{phone_number}} now")
    with pytest.raises(ValueError, match="unknown placeholder"):
        fill("{{level:iop:price}}")
    with pytest.raises(ValueError, match="front matter"):
        _parse("no front matter here\n")
    with pytest.raises(ValueError, match="lacks"):
        _parse("---\nid: x\ntitle: X\n---\nbody\n")
    with pytest.raises(ValueError, match="twice"):
        _parse("---\nid: x\nid: y\ntitle: X\nsummary: s\norder: 1\n---\nbody\n")


# -- the command --------------------------------------------------------------------------


def test_markdown_flag_prints_the_filled_source_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "schedule", "--markdown")
    assert code == 0
    assert out == get_topic("schedule").markdown()
    assert out.startswith("# A typical IOP schedule\n")
    assert "## A typical week" in out and "- **3–5 days a week**" in out
    assert not ANSI.search(out) and "{{" not in out
    assert err == ""


def test_markdown_of_crisis_topic_has_the_numbers_filled(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "crisis", "--markdown")
    assert code == 0
    assert crisis.LIFELINE_988.how in out and crisis.EMERGENCY_911.how in out
    assert crisis.SAMHSA_HELPLINE.how in out
    assert OLD_LIFELINE not in out


def test_levels_of_care_markdown_is_a_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "levels-of-care", "--markdown")
    assert code == 0
    assert "| Level of care | Hours | Where you live | Who it is for |" in out
    assert "|---|---|---|---|" in out


def test_topic_list_markdown_names_every_topic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--markdown")
    assert code == 0
    assert out.startswith("# ")
    for topic in list_topics():
        assert f"- `{topic.id}`: **{topic.title}** {topic.summary}" in out
    assert not ANSI.search(out)


def test_topic_list_in_a_pipe_is_plain_and_ends_with_the_crisis_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys)
    assert code == 0
    assert not ANSI.search(out)
    for topic in list_topics():
        assert topic.id in out
    assert "iopguide learn TOPIC" in out
    assert _flat(out).endswith(crisis.FOOTER)


def test_topic_in_a_pipe_is_plain_text_ending_with_the_crisis_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "paying")
    assert code == 0
    assert not ANSI.search(out)
    assert "**" not in out  # Markdown was rendered, not echoed
    assert "Paying for an IOP" in out.splitlines()[0]
    assert "Medicare has covered intensive outpatient services since 2024" in _flat(out)
    assert _flat(out).endswith(crisis.FOOTER)
    assert all(line == line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize(("name", "hint"), [("shedule", "schedule"), ("payng", "paying")])
def test_unknown_topic_exits_2_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], name: str, hint: str
) -> None:
    code, out, err = _run(capsys, name)
    assert code == 2
    assert out == ""
    assert f"Did you mean {hint}?" in err
    assert "what-is-iop" in err and "crisis" in err


def test_unknown_topic_without_a_close_match_still_lists_topics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "quantum-physics", "--markdown")
    assert code == 2
    assert "Did you mean" not in err
    assert "levels-of-care" in err


def test_hostile_topic_name_is_not_echoed_raw(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "\x1b]8;;http://x\x1b\\[bold]hi")
    assert code == 2
    assert "\x1b" not in err


# -- rendering ----------------------------------------------------------------------------


def _terminal(width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system=None)
    return console, buffer


@pytest.mark.parametrize("topic_id", REQUIRED)
def test_topics_render_at_40_columns_with_phone_numbers_whole(topic_id: str) -> None:
    console, buffer = _terminal(40)
    render_topic(get_topic(topic_id), console)
    out = buffer.getvalue()
    assert max(len(line) for line in out.splitlines()) <= 40
    assert _flat(out).endswith(crisis.FOOTER)
    # The last sentence ("In danger now? Call 911.") is never split across lines.
    assert out.rstrip().splitlines()[-1] == crisis.FOOTER.split(". ")[-1]
    if topic_id in ("crisis", "finding-a-program"):
        for number in HELPLINE_NUMBERS:
            assert number in out, number
    if topic_id == "crisis":
        assert re.search(r"\b988\b", out) and re.search(r"\b911\b", out)


def test_levels_of_care_at_40_columns_is_stacked_not_a_squeezed_table() -> None:
    console, buffer = _terminal(40)
    render_topic(get_topic("levels-of-care"), console)
    flat = _flat(buffer.getvalue())
    assert "Hours: " + describe("php").hours in flat
    assert "…" not in flat  # nothing cut short


def test_wide_screens_are_capped_to_a_readable_line_length() -> None:
    console, buffer = _terminal(200)
    render_topic(get_topic("levels-of-care"), console)
    out = buffer.getvalue()
    assert max(len(line) for line in out.splitlines()) <= PAGE_WIDTH <= 100
    assert "Who it is for" in out  # the side-by-side table, at this width
    for level_id in BY_INTENSITY:
        assert _flat(LEVEL_DESCRIPTIONS[level_id].hours)[:12] in _flat(out)


def test_topic_list_renders_at_40_columns() -> None:
    console, buffer = _terminal(40)
    render_topic_list(list_topics(), console)
    out = buffer.getvalue()
    assert max(len(line) for line in out.splitlines()) <= 40
    for topic_id in REQUIRED:
        assert topic_id in out
