"""The revised assessment rules (issue 11): first match wins, with reasons and caveats."""

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
partial_answers = st.dictionaries(st.sampled_from(QUESTION_IDS), st.just(None)).flatmap(
    lambda keys: st.fixed_dictionaries({k: _value(k) for k in keys})
)


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
            "depression",
            "anxiety",
            "bipolar",
            "trauma",
            "substance_use",
            "eating_disorder",
            "self_harm",
            "psychosis",
            "other",
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
def test_residential_only_without_a_home_and_with_a_lot_of_impact(full: Answers) -> None:
    level = assess(full).level
    if level == "php":
        assert full.get("home") in ("yes", "somewhat")
    if level in ("php", "iop", "residential"):
        assert full.get("danger_now") == "no"
        assert full.get("withdrawal") != "yes"
        assert full.get("round_the_clock") == "no"
    if level == "residential":
        assert full.get("home") == "no"
        assert full.get("daily_impact") in ("a_lot", "unable")


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
    assert [line["name"] for line in lines] == [crisis.LIFELINE_988.name, crisis.EMERGENCY_911.name]
    helpline = assess(full).to_dict()["helpline"]
    assert helpline["name"] == crisis.SAMHSA_HELPLINE.name
    assert helpline["kind"] == "referral"


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
        ({"outpatient_enough": "no", "home": "no"}, "iop"),
        ({"current_care": "php", "home": "no"}, "iop"),
        ({"current_care": "leaving_inpatient", "home": "no"}, "iop"),
        ({"daily_impact": "a_lot", "home": "no"}, "residential"),
        ({"daily_impact": "some", "outpatient_enough": "no", "home": "no"}, "iop"),
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


@pytest.mark.parametrize("changes", [{"daily_impact": "unable"}, {"daily_impact": "a_lot"}])
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
    assert not any("48 hours" in s for s in steps)
    assert any("waiting list and keep looking" in s for s in steps)


def test_result_fields_and_disclaimer() -> None:
    data = assess(answers(concerns=("anxiety", "trauma"))).to_dict()
    assert list(data) == [
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


# -- issue 11: the revised rules, property by property ---------------------------------

from iopguide.assessment import caveats as cv  # noqa: E402

KIND_OF = {
    cv.SELF_HARM: "safety",
    cv.EATING: "medical",
    cv.SUBSTANCE_NOT_APPLICABLE: "medical",
    cv.WITHDRAWAL_UNSURE: "medical",
    cv.ASK_PHP_TEAM: "medical",
    cv.HOUSING: "home",
    cv.BUILD_SUPPORT: "home",
    cv.RESIDENTIAL_LIVING: "home",
}


def _kind(text: str) -> str:
    if text in KIND_OF:
        return KIND_OF[text]
    if text.startswith("With ") and "psychiatrist" in text:
        return "medical"
    if "score (" in text:
        return "medical"
    if text.startswith(("An IOP asks", "A PHP takes")) or "Residential treatment asks" in text:
        return "time"
    return "other"


@given(full_answers)
def test_every_result_orders_its_caveats_safety_medical_home_time(full: Answers) -> None:
    kinds = [_kind(c) for c in assess(full).caveats]
    assert kinds == sorted(kinds, key=cv.KINDS.index)
    assert len(set(assess(full).caveats)) == len(assess(full).caveats)


@given(full_answers)
def test_each_concern_adds_its_caveat_on_every_level_but_emergency(full: Answers) -> None:
    result = assess(full)
    concerns = full.get("concerns")
    if result.level == "emergency":
        return
    text = " ".join(result.caveats)
    assert (cv.SELF_HARM in result.caveats) == ("self_harm" in concerns)
    assert (cv.EATING in result.caveats) == ("eating_disorder" in concerns)
    assert ("psychiatrist" in text) == ("psychosis" in concerns or "bipolar" in concerns)
    if "substance_use" in concerns and full.get("withdrawal") in ("not_applicable", "unsure"):
        assert "medical check for withdrawal" in text
    if full.get("withdrawal") == "unsure":
        assert cv.WITHDRAWAL_UNSURE in result.caveats
    if cv.SELF_HARM in result.caveats:
        assert result.caveats[0] == cv.SELF_HARM  # safety first
        assert "988" in cv.SELF_HARM


@given(full_answers)
def test_home_no_never_ends_in_residential_unless_impact_is_heavy(full: Answers) -> None:
    result = assess(full)
    if full.get("home") == "no" and result.level in ("iop", "outpatient", "residential"):
        assert cv.HOUSING in result.caveats
    if result.level == "residential":
        assert full.get("daily_impact") in ("a_lot", "unable")
        assert cv.RESIDENTIAL_LIVING in result.caveats
    if full.get("current_care") in ("leaving_inpatient", "php") and result.level == "residential":
        assert full.get("daily_impact") in ("a_lot", "unable")  # never stepped up for a home


@given(full_answers)
def test_each_level_gets_its_time_caveat_when_time_is_not_yes(full: Answers) -> None:
    result = assess(full)
    text = " ".join(result.caveats)
    if full.get("time") == "yes":
        assert "You said taking part" not in text and "An IOP asks" not in text
        return
    if result.level == "iop":
        assert "An IOP asks" in text and "telehealth" in text
    if result.level == "php":
        assert "A PHP takes most of the day" in text and "Tell your doctor" in text
    if result.level == "residential":
        assert "day and night, often for several weeks" in text


@given(full_answers)
def test_iop_titles_and_summaries_match_what_was_said(full: Answers) -> None:
    result = assess(full)
    if result.level != "iop":
        return
    if result.caveats:
        assert result.title == "An intensive outpatient program (IOP) may fit you"
    else:
        assert "looks like a good fit" in result.title
    if full.get("outpatient_enough") != "no":
        assert "You need more support than weekly therapy" not in result.summary
    if full.get("outpatient_enough") == "yes" and full.get("daily_impact") != "a_lot":
        assert result.summary.startswith("You are stepping down")
    if full.get("current_care") == "php" and full.get("daily_impact") == "a_lot":
        assert cv.ASK_PHP_TEAM in result.caveats


@given(full_answers)
def test_php_and_residential_from_rule_4_acknowledge_weekly_enough(full: Answers) -> None:
    result = assess(full)
    if result.level in ("php", "residential") and full.get("outpatient_enough") == "yes":
        assert cv.WEEKLY_ENOUGH in result.caveats


@given(full_answers)
def test_one_insurance_line_per_level_and_medicare_never_promised_for_residential(
    full: Answers,
) -> None:
    result = assess(full)
    paying = [s for s in result.next_steps if s.startswith("Ask about cost")]
    if result.level == "emergency":
        assert paying == []
        return
    assert len(paying) == 1
    if result.level == "residential":
        assert "Medicare generally does not" in paying[0]


def test_the_danger_question_says_why_with_the_numbers() -> None:
    why = QUESTIONS["danger_now"].why
    assert "988" in why and "911" in why


def test_inpatient_keeps_the_withdrawal_unsure_caveat() -> None:
    result = assess(answers(round_the_clock="yes", withdrawal="unsure"))
    assert result.level == "inpatient"
    assert result.caveats == (cv.WITHDRAWAL_UNSURE,)


def test_every_combination_counted_home_no_rarely_residential() -> None:
    """All 6,912 combinations: home = no is residential only with a lot of impact or worse."""
    import itertools

    single = [q for q in load_questions() if not q.multiple]
    counts = {"residential": 0, "total": 0}
    for values in itertools.product(*(q.values for q in single)):
        full = Answers(
            {**dict(zip([q.id for q in single], values, strict=True)), "concerns": ("anxiety",)}
        )
        if full.get("home") != "no":
            continue
        counts["total"] += 1
        level = choose_level(full)
        if level == "residential":
            counts["residential"] += 1
            assert full.get("daily_impact") in ("a_lot", "unable")
            assert full.get("danger_now") == "no"
    assert counts["total"] == 6912 // 3
    assert counts["residential"] < counts["total"] // 4


def _checkin(instrument_id: str, points: list[int]):
    from iopguide.assessment.screening import get_instrument, score

    instrument = get_instrument(instrument_id)
    pairs = zip(instrument.items, points, strict=True)
    return score(instrument, {item.key: p for item, p in pairs})


_checkins = st.one_of(
    st.lists(st.integers(0, 3), min_size=9, max_size=9).map(lambda p: _checkin("phq9", p)),
    st.lists(st.integers(0, 3), min_size=7, max_size=7).map(lambda p: _checkin("gad7", p)),
    st.lists(st.integers(0, 4), min_size=3, max_size=3).map(lambda p: _checkin("auditc", p)),
)


@given(full_answers, st.lists(_checkins, max_size=3))
def test_a_check_in_score_never_changes_the_level(full: Answers, checkins: list) -> None:
    plain, scored = assess(full), assess(full, checkins)
    assert scored.level == plain.level
    if scored.level == "emergency":
        return
    for result in checkins:
        assert result.headline in [r.text for r in scored.reasons]
        if result.safety_flagged:
            assert scored.caveats[0] == result.safety_message
        if result.high and full.get("outpatient_enough") == "yes":
            assert any(
                "Talk with a clinician about whether you need more" in c for c in scored.caveats
            )
    assert [c["instrument"] for c in scored.to_dict()["checkins"]] == [
        r.instrument for r in checkins
    ]


def test_command_steps_are_marked_so_views_can_leave_them_out() -> None:
    from iopguide.assessment.steps import Step, steps_for_people

    result = assess(answers(outpatient_enough="no"))
    commands = [step for step in result.next_steps if getattr(step, "command", None)]
    assert [c.command.split()[:2] for c in commands] == [
        ["iopguide", "find"],
        ["iopguide", "learn"],
    ]
    assert all("iopguide " in step for step in commands)  # the text still shows the command
    people = steps_for_people(result.next_steps)
    assert people and not any("iopguide " in step for step in people)
    moved = commands[0].replace("YOUR_ZIP", "40202")
    assert isinstance(moved, Step) and moved.command.endswith("--zip 40202")
    assert result.to_dict()["next_steps"] == [str(step) for step in result.next_steps]
