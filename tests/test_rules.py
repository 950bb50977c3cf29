"""The assessment rules of issue 3: first match wins, with reasons and caveats."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iopguide import crisis
from iopguide.assessment import (
    LEVEL_IDS,
    QUESTION_IDS,
    Answers,
    assess,
    choose_level,
    load_questions,
)
from iopguide.content.levels import LEVEL_DESCRIPTIONS
from iopguide.errors import UsageError

QUESTIONS = {q.id: q for q in load_questions()}

#: A calm, complete baseline that leads to outpatient; tests change one thing at a time.
BASE = {
    "danger_now": "no",
    "withdrawal": "no",
    "round_the_clock": "no",
    "current_care": "none",
    "outpatient_enough": "yes",
    "daily_impact": "little",
    "home": "yes",
    "time": "yes",
    "concerns": ("depression",),
}


def answers(**changes: object) -> Answers:
    return Answers({**BASE, **changes})


def _value(question_id: str) -> st.SearchStrategy:
    question = QUESTIONS[question_id]
    if question.multiple:
        return st.lists(st.sampled_from(question.values), min_size=1, unique=True).map(
            lambda vs: tuple(v for v in question.values if v in vs)
        )
    return st.sampled_from(question.values)


full_answers = st.fixed_dictionaries({qid: _value(qid) for qid in QUESTION_IDS}).map(Answers)
partial_answers = st.dictionaries(
    st.sampled_from(QUESTION_IDS), st.just(None)
).flatmap(lambda keys: st.fixed_dictionaries({k: _value(k) for k in keys}))


def test_questions_file_matches_the_public_contract() -> None:
    questions = load_questions()
    assert tuple(q.id for q in questions) == QUESTION_IDS
    values = {q.id: q.values for q in questions}
    assert values == {
        "danger_now": ("yes", "no"),
        "withdrawal": ("yes", "no", "unsure", "not_applicable"),
        "round_the_clock": ("yes", "no"),
        "current_care": ("none", "outpatient", "leaving_inpatient", "php"),
        "outpatient_enough": ("yes", "no", "unsure"),
        "daily_impact": ("little", "some", "a_lot", "unable"),
        "home": ("yes", "somewhat", "no"),
        "time": ("yes", "maybe", "no"),
        "concerns": (
            "depression", "anxiety", "bipolar", "trauma", "substance_use",
            "eating_disorder", "self_harm", "psychosis", "other",
        ),
    }
    assert [q.id for q in questions if q.multiple] == ["concerns"]
    for q in questions:
        assert q.prompt and q.why and q.short
        assert all(c.label for c in q.choices)
        if not q.multiple:  # every single answer can be quoted back as a reason
            assert all(c.said.startswith("You ") for c in q.choices), q.id


@given(full_answers)
def test_danger_now_yes_is_emergency_whatever_else(full: Answers) -> None:
    result = assess(full.merged(Answers({"danger_now": "yes"})))
    assert result.level == "emergency"


@given(partial_answers)
def test_danger_now_yes_needs_nothing_else(partial: dict) -> None:
    result = assess(Answers({**partial, "danger_now": "yes"}))
    assert result.level == "emergency"
    assert result.summary.startswith(crisis.LIFELINE_988.how)
    assert "911" in result.summary


@given(full_answers)
def test_every_full_combination_gives_exactly_one_valid_level(full: Answers) -> None:
    result = assess(full)
    assert result.level in LEVEL_IDS
    assert result.level == choose_level(full)
    assert result.what_it_looks_like == LEVEL_DESCRIPTIONS[result.level].to_dict()
    assert result.reasons, "every result says why"
    for reason in result.reasons:
        assert reason.answer == full.get(reason.question)
        assert reason.text == QUESTIONS[reason.question].choice(reason.answer).said
    assert json.loads(json.dumps(result.to_dict()))["level"] == result.level


@given(full_answers)
def test_withdrawal_yes_without_danger_is_detox(full: Answers) -> None:
    full = full.merged(Answers({"danger_now": "no", "withdrawal": "yes"}))
    assert assess(full).level == "detox"


@given(full_answers)
def test_round_the_clock_without_danger_or_withdrawal_is_inpatient(full: Answers) -> None:
    full = full.merged(Answers({"danger_now": "no", "round_the_clock": "yes"}))
    if full.get("withdrawal") != "yes":
        assert assess(full).level == "inpatient"


@given(full_answers)
def test_iop_needs_a_home_and_residential_is_for_no_home(full: Answers) -> None:
    level = assess(full).level
    if level == "iop":
        assert full.get("home") in ("yes", "somewhat")
    if level in ("php", "iop", "residential"):
        assert full.get("danger_now") == "no"
        assert full.get("withdrawal") != "yes"
        assert full.get("round_the_clock") == "no"
    if level == "residential":
        assert full.get("home") == "no"


@given(full_answers)
def test_outpatient_only_when_weekly_care_may_be_enough(full: Answers) -> None:
    if assess(full).level == "outpatient":
        assert full.get("outpatient_enough") in ("yes", "unsure")
        assert full.get("current_care") in ("none", "outpatient")
        assert full.get("daily_impact") in ("little", "some")


@given(full_answers)
def test_crisis_lines_put_988_and_911_first_and_samhsa_only_as_referral(full: Answers) -> None:
    lines = assess(full).crisis_lines
    assert [line["name"] for line in lines[:2]] == [
        crisis.LIFELINE_988.name,
        crisis.EMERGENCY_911.name,
    ]
    assert all(line["kind"] == "crisis" for line in lines[:2])
    samhsa = [line for line in lines if line["name"] == crisis.SAMHSA_HELPLINE.name]
    assert all(line["kind"] == "referral" for line in samhsa)


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({}, "outpatient"),
        ({"danger_now": "yes", "withdrawal": "yes", "round_the_clock": "yes"}, "emergency"),
        ({"withdrawal": "yes", "round_the_clock": "yes", "daily_impact": "unable"}, "detox"),
        ({"round_the_clock": "yes", "daily_impact": "unable", "home": "no"}, "inpatient"),
        ({"daily_impact": "unable"}, "php"),
        ({"daily_impact": "unable", "home": "somewhat"}, "php"),
        ({"daily_impact": "unable", "home": "no"}, "residential"),
        ({"outpatient_enough": "no"}, "iop"),
        ({"current_care": "leaving_inpatient"}, "iop"),
        ({"current_care": "php"}, "iop"),
        ({"daily_impact": "a_lot"}, "iop"),
        ({"outpatient_enough": "no", "home": "no"}, "residential"),
        ({"current_care": "php", "home": "no"}, "residential"),
        ({"home": "no"}, "outpatient"),
        ({"outpatient_enough": "unsure", "daily_impact": "some"}, "outpatient"),
        ({"current_care": "outpatient", "time": "no"}, "outpatient"),
        ({"withdrawal": "unsure", "outpatient_enough": "no"}, "iop"),
        ({"withdrawal": "not_applicable", "daily_impact": "a_lot", "time": "no"}, "iop"),
    ],
)
def test_each_rule(changes: dict, level: str) -> None:
    assert assess(answers(**changes)).level == level


def test_reasons_tie_each_trigger_to_its_answer() -> None:
    result = assess(answers(outpatient_enough="no", daily_impact="a_lot", current_care="php"))
    assert [(r.question, r.answer) for r in result.reasons] == [
        ("outpatient_enough", "no"),
        ("current_care", "php"),
        ("daily_impact", "a_lot"),
        ("home", "yes"),
    ]
    assert result.reasons[0].to_dict() == {
        "question": "outpatient_enough",
        "answer": "no",
        "text": "You said weekly therapy isn't enough support right now.",
    }


def test_iop_time_caveat_points_to_evening_weekend_and_telehealth() -> None:
    for time in ("maybe", "no"):
        caveats = " ".join(assess(answers(outpatient_enough="no", time=time)).caveats)
        assert "9 hours a week" in caveats
        for word in ("evening", "weekend", "telehealth"):
            assert word in caveats
    assert assess(answers(outpatient_enough="no", time="yes")).caveats == ()


def test_iop_withdrawal_unsure_asks_for_a_medical_check() -> None:
    result = assess(answers(outpatient_enough="no", withdrawal="unsure"))
    assert any("medical check" in c for c in result.caveats)
    assert not any("medical check" in c for c in assess(answers(outpatient_enough="no")).caveats)


def test_iop_home_somewhat_builds_support() -> None:
    caveats = " ".join(assess(answers(outpatient_enough="no", home="somewhat")).caveats)
    assert "family therapy" in caveats
    assert "support groups" in caveats


@pytest.mark.parametrize("changes", [{"daily_impact": "unable"}, {"outpatient_enough": "no"}])
def test_residential_mentions_sober_living(changes: dict) -> None:
    result = assess(answers(home="no", **changes))
    assert result.level == "residential"
    assert "sober living" in " ".join(result.caveats)
    assert ("home", "no") in [(r.question, r.answer) for r in result.reasons]


def test_outpatient_says_what_signs_mean_iop_is_next() -> None:
    result = assess(answers())
    text = " ".join(result.caveats)
    assert "IOP may be the next step" in text
    assert "weekly sessions stop being enough" in text


def test_iop_next_steps_are_concrete() -> None:
    steps = assess(answers(outpatient_enough="no", concerns=("depression", "other"))).next_steps
    assert any("referral" in s for s in steps)
    assert "Search: iopguide find --level iop --condition depression --zip YOUR_ZIP" in steps
    assert any("48 hours" in s for s in steps)


def test_result_fields_and_disclaimer() -> None:
    data = assess(answers(concerns=("anxiety", "trauma"))).to_dict()
    assert list(data) == [
        "level", "title", "summary", "reasons", "caveats", "next_steps",
        "what_it_looks_like", "crisis_lines", "disclaimer", "concerns", "answers",
    ]
    assert data["disclaimer"] == (
        "This is a guide, not a diagnosis. Talk with a doctor, therapist or counselor about "
        "your care."
    )
    assert data["concerns"] == ["anxiety", "trauma"]
    assert data["answers"]["concerns"] == ["anxiety", "trauma"]
    assert list(data["answers"]) == list(QUESTION_IDS)


def test_incomplete_answers_without_danger_are_refused() -> None:
    with pytest.raises(UsageError) as err:
        assess(Answers({"danger_now": "no", "withdrawal": "no"}))
    assert "round_the_clock" in err.value.message
    assert "concerns" in err.value.message
