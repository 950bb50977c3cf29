"""From answers to a level of care: the revised rules of issue 11, first match wins.

1. danger_now = yes (a conflicting answer to it reads as yes) -> emergency
2. withdrawal = yes                                  -> detox
3. round_the_clock = yes                             -> inpatient
4. daily_impact = unable                             -> residential if home = no, else php
5. more than weekly care needed (outpatient_enough = no, current_care is
   leaving_inpatient or php, or daily_impact = a_lot)
                                                     -> residential if home = no and
                                                        daily_impact = a_lot, else iop
6. otherwise                                         -> outpatient

Residential treatment is not housing: without a stable home the advice adds
help with housing (:mod:`iopguide.assessment.caveats`) rather than moving the
person into a programme. Concerns add caveats on every level; check-in scores
(:mod:`iopguide.assessment.screening`) add reasons, never lower the level.

A guide drawn from the criteria in the IOP literature, not a diagnosis. Phone
numbers come from :mod:`iopguide.crisis`; what each level looks like from
:mod:`iopguide.content.levels`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.assessment import caveats as cv
from iopguide.assessment.answers import Answers, require_complete
from iopguide.assessment.questions import get_question

if TYPE_CHECKING:
    from iopguide.assessment.screening import ScreenResult

LEVEL_IDS: tuple[str, ...] = (
    "emergency",
    "detox",
    "inpatient",
    "residential",
    "php",
    "iop",
    "outpatient",
)

DISCLAIMER = (
    "This is a guide, not a diagnosis. Talk with a doctor, therapist or counselor about your care."
)

TITLES: dict[str, str] = {
    "emergency": "Please get help right now",
    "detox": "Start with medically supervised withdrawal (detox)",
    "inpatient": "Hospital (inpatient) care looks like the safest place to start",
    "residential": "Residential treatment may fit you best right now",
    "php": "A partial hospitalization program (PHP) may fit you best",
    "iop": "An intensive outpatient program (IOP) looks like a good fit",
    "iop_caveats": "An intensive outpatient program (IOP) may fit you",
    "outpatient": "Outpatient therapy may be enough for now",
}


@dataclass(frozen=True)
class Reason:
    """One answer that led to the result, in the person's words."""

    question: str
    answer: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"question": self.question, "answer": self.answer, "text": self.text}


@dataclass(frozen=True)
class Assessment:
    level: str
    title: str
    summary: str
    reasons: tuple[Reason, ...]
    caveats: tuple[str, ...]
    next_steps: tuple[str, ...]
    what_it_looks_like: dict = field(hash=False)
    crisis_lines: tuple[dict, ...] = field(hash=False)
    disclaimer: str = DISCLAIMER
    concerns: tuple[str, ...] = ()
    answers: dict = field(default_factory=dict, hash=False)
    #: The SAMHSA National Helpline: a referral line, so not among the crisis lines.
    helpline: dict = field(default_factory=lambda: crisis.SAMHSA_HELPLINE.to_dict(), hash=False)
    #: Standard check-ins taken in the guided flow (PHQ-9 ...), as JSON-ready dicts.
    checkins: tuple[dict, ...] = field(default=(), hash=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "title": self.title,
            "summary": self.summary,
            "reasons": [r.to_dict() for r in self.reasons],
            "caveats": list(self.caveats),
            "next_steps": list(self.next_steps),
            "what_it_looks_like": dict(self.what_it_looks_like),
            "crisis_lines": [dict(line) for line in self.crisis_lines],
            "helpline": dict(self.helpline),
            "disclaimer": self.disclaimer,
            "concerns": list(self.concerns),
            "answers": dict(self.answers),
            "checkins": [dict(c) for c in self.checkins],
        }


# ---------------------------------------------------------------------------
# The decision


def choose_level(answers: Answers) -> str:
    """The level alone (rules 1-6, first match wins), from complete answers or danger."""
    a = answers.get
    if a("danger_now") == "yes":
        return "emergency"
    if a("withdrawal") == "yes":
        return "detox"
    if a("round_the_clock") == "yes":
        return "inpatient"
    if a("daily_impact") == "unable":
        return "residential" if a("home") == "no" else "php"
    if _more_than_weekly_triggers(answers):
        if a("home") == "no" and a("daily_impact") == "a_lot":
            return "residential"
        return "iop"
    return "outpatient"


def _more_than_weekly_triggers(answers: Answers) -> list[str]:
    """The questions whose answers say weekly care is not enough (rule 5)."""
    triggers = []
    if answers.get("outpatient_enough") == "no":
        triggers.append("outpatient_enough")
    if answers.get("current_care") in ("leaving_inpatient", "php"):
        triggers.append("current_care")
    if answers.get("daily_impact") == "a_lot":
        triggers.append("daily_impact")
    return triggers


def assess(answers: Answers, checkins: Sequence[ScreenResult] = ()) -> Assessment:
    """The level of care for *answers*, with reasons, caveats and next steps.

    *checkins* (standard questionnaires the person chose to answer) add reasons
    and caveats; they never change the level. Raises UsageError listing what is
    missing when the answers are incomplete (unless danger_now is yes, which
    needs nothing else).
    """
    require_complete(answers)
    level = choose_level(answers)
    summary, reason_ids, found, next_steps = _BUILDERS[level](answers)
    from iopguide.content.levels import describe

    reasons = [_reason(answers, qid) for qid in reason_ids]
    if level != "emergency":
        # A flagged check-in ("talk to someone today") leads the safety caveats.
        found = [*_checkin_caveats(answers, checkins), *found, *cv.for_concerns(answers)]
        reasons += [Reason(c.instrument, str(c.score), c.headline) for c in checkins]
    caveats = cv.in_order(found)
    title = TITLES["iop_caveats" if level == "iop" and caveats else level]
    concerns = answers.get("concerns")
    return Assessment(
        level=level,
        title=title,
        summary=summary,
        reasons=tuple(reasons),
        caveats=caveats,
        next_steps=tuple(next_steps),
        what_it_looks_like=describe(level).to_dict(),
        crisis_lines=tuple(line.to_dict() for line in crisis.CRISIS_LINES),
        disclaimer=DISCLAIMER,
        concerns=concerns if isinstance(concerns, tuple) else (),
        answers=answers.to_dict(),
        checkins=tuple(c.to_dict() for c in checkins),
    )


def _checkin_caveats(answers: Answers, checkins: Sequence[ScreenResult]) -> list[cv.Caveat]:
    out: list[cv.Caveat] = []
    for result in checkins:
        if result.safety_flagged:
            out.append(("safety", result.safety_message))
        if result.high and answers.get("outpatient_enough") == "yes":
            out.append(
                (
                    "medical",
                    f"Your {result.name} score ({result.score}, {result.band}) is high, and you "
                    "said weekly therapy would be enough. Talk with a clinician about whether you "
                    "need more support.",
                )
            )
    return out


def _reason(answers: Answers, question_id: str) -> Reason:
    value = answers.get(question_id)
    assert isinstance(value, str), question_id
    return Reason(question_id, value, get_question(question_id).choice(value).said)


# ---------------------------------------------------------------------------
# What each result says. Each builder returns (summary, reason ids, caveats, next steps).

_Built = tuple[str, list[str], list[cv.Caveat], list[str]]

_LIFELINE = crisis.LIFELINE_988
_911 = crisis.EMERGENCY_911


def _find_step(level: str, answers: Answers) -> str:
    conditions = [c for c in answers.get("concerns") or () if c != "other"]
    condition = f" --condition {','.join(conditions)}" if conditions else ""
    return f"Search: iopguide find --level {level}{condition} --zip YOUR_ZIP"


_ASK_SOON = (
    "Call programs and ask how soon you can start. If the wait is long, get on the waiting "
    "list and keep looking, and tell your doctor if you feel worse while you wait."
)


def _paying(level: str) -> str:
    from iopguide.content.levels import PAYING

    return PAYING[level]


def _emergency(answers: Answers) -> _Built:
    summary = (
        f"{_LIFELINE.how}, right now: the {_LIFELINE.name} is free and there day and night. "
        f"If you or someone else is in immediate danger, {_911.how.lower()}. "
        "You don't have to go through this alone."
    )
    steps = [
        f"{_LIFELINE.how}, now. It is free, confidential and open day and night.",
        f"{_911.how} or go to the nearest emergency room if you or someone else is in "
        "immediate danger.",
        "Stay with someone you trust, or ask someone to stay with you, and keep away from "
        "anything you could use to hurt yourself or someone else.",
        "When you are safe, talk with a doctor or counselor about what comes next. "
        "You can come back to this guide any time.",
    ]
    return summary, ["danger_now"], [], steps


def _detox(answers: Answers) -> _Built:
    summary = (
        "Because stopping could make you sick with withdrawal, the safest first step is "
        "medically supervised withdrawal management (detox). Once your body is through "
        "withdrawal, an IOP or another program can follow."
    )
    steps = [
        "Talk with a doctor before you cut down or stop. Stopping suddenly can be dangerous "
        "without medical care.",
        _find_step("detox", answers),
        f"If withdrawal becomes severe (seizures, confusion, seeing or hearing things): "
        f"{_911.how.lower()}.",
        "After detox, ask about an IOP or other continuing care.",
        _paying("detox"),
    ]
    return summary, ["withdrawal"], [], steps


def _inpatient(answers: Answers) -> _Built:
    summary = (
        "Because you need care around the clock to stay safe or manage everyday needs, "
        "hospital (inpatient) care is the safest place to start. An IOP can be a step down "
        "later."
    )
    steps = [
        "Talk with a doctor today, or go to a hospital emergency department: they can arrange "
        "a hospital stay.",
        f"If you feel unsafe at any point: {_LIFELINE.how.lower()}, or {_911.how.lower()}.",
        "Ask the hospital team about the next step after you leave, such as a PHP or an IOP.",
        _paying("inpatient"),
    ]
    return summary, ["round_the_clock"], cv.withdrawal_unsure(answers), steps


def _residential(answers: Answers) -> _Built:
    """Rule 4 (can't manage most days) or rule 5 (a lot), both without a stable home."""
    if answers.get("daily_impact") == "unable":
        reasons = ["daily_impact", "home"]
        summary = (
            "You are finding most days very hard, and you don't have a stable, supportive home "
            "to go back to each day. Residential treatment gives you a safe place to live with "
            "support around the clock while you get through this."
        )
    else:
        reasons = [*_more_than_weekly_triggers(answers), "home"]
        summary = (
            "Your symptoms get in the way of daily life a lot, and you don't have a stable, "
            "supportive home to go back to each day. Residential treatment gives you support "
            "day and night, and a safe place to stay while you get it."
        )
    found: list[cv.Caveat] = [
        ("home", cv.RESIDENTIAL_LIVING),
        ("home", cv.HOUSING),
        *cv.withdrawal_unsure(answers),
        *cv.residential_time(answers),
        *cv.weekly_said_enough(answers),
    ]
    steps = [
        "Ask your doctor or therapist for a referral to residential treatment.",
        _find_step("residential", answers),
        _paying("residential"),
    ]
    return summary, reasons, found, steps


def _php(answers: Answers) -> _Built:
    summary = (
        "You are finding most days very hard. A partial hospitalization program (PHP) gives "
        "you full days of treatment and structure on weekdays while you keep living at home. "
        "An IOP is often the next step after it."
    )
    found = [
        *cv.withdrawal_unsure(answers),
        *cv.home(answers),
        *cv.php_time(answers),
        *cv.weekly_said_enough(answers),
    ]
    steps = [
        "Ask your doctor or therapist for a referral to a PHP.",
        _find_step("php", answers),
        _ASK_SOON,
        _paying("php"),
    ]
    return summary, ["daily_impact", "home"], found, steps


def _iop_summary(answers: Answers) -> str:
    """Says why more than weekly care, in the person's terms (never "you need more than
    weekly" to someone who said weekly would be enough)."""
    stepping = answers.get("current_care") in ("leaving_inpatient", "php")
    if answers.get("outpatient_enough") == "no":
        opening = "You need more support than weekly therapy, but not care around the clock."
    elif answers.get("daily_impact") == "a_lot":
        opening = (
            "Your symptoms get in the way of daily life a lot, so more support than a weekly "
            "session may help, but you don't need care around the clock."
        )
    else:  # only the step down (rule 5, current_care) brought the person here
        opening = (
            "You are stepping down from more intensive care, and an IOP is a common next step: "
            "it keeps strong support around you while you settle back into daily life."
        )
        stepping = False  # said already
    if stepping:
        opening += " You are also stepping down from more intensive care."
    where = (
        "while you keep living at home and keep up work, school or caring"
        if answers.get("home") != "no"
        else "and you can keep up work, school or caring"
    )
    return (
        f"{opening} An intensive outpatient program (IOP) gives you about 3 hours of "
        f"treatment a day, 3 to 5 days a week, {where}."
    )


def _iop(answers: Answers) -> _Built:
    found = [*cv.withdrawal_unsure(answers), *cv.home(answers), *cv.iop_time(answers)]
    if answers.get("current_care") == "php" and answers.get("daily_impact") == "a_lot":
        found.append(("medical", cv.ASK_PHP_TEAM))
    if answers.get("outpatient_enough") == "yes" and answers.get("daily_impact") == "a_lot":
        found.append(("other", cv.WEEKLY_ENOUGH))
    steps = [
        "Ask your doctor or therapist for a referral to an IOP.",
        _find_step("iop", answers),
        _ASK_SOON,
        _paying("iop"),
        "Read more about what happens in an IOP: iopguide learn",
    ]
    return _iop_summary(answers), [*_more_than_weekly_triggers(answers), "home"], found, steps


IOP_SIGNS = (
    "Signs that an IOP may be the next step: weekly sessions stop being enough; your symptoms "
    "get in the way of work, school, relationships or looking after yourself a lot; you are "
    "leaving a hospital, residential or day program; or your drinking or drug use is growing. "
    "If any of these happen, talk with your therapist or doctor about an IOP."
)
OUTPATIENT_UNSURE = (
    "You weren't sure weekly therapy would be enough. Talk it through with a therapist "
    "or doctor: if it isn't, an IOP is the next step up."
)


def _outpatient(answers: Answers) -> _Built:
    summary = (
        "From your answers, regular outpatient therapy (about once a week) may give you "
        "enough support for now, while you keep up your usual life."
    )
    found: list[cv.Caveat] = [
        *cv.withdrawal_unsure(answers),
        *cv.home(answers),
        ("other", IOP_SIGNS),
    ]
    if answers.get("outpatient_enough") == "unsure":
        found.append(("other", OUTPATIENT_UNSURE))
    steps = [
        "If you have a therapist or counselor, keep going and tell them how you are doing.",
        "If you don't, ask your doctor for a referral to a therapist or counselor.",
        _find_step("outpatient", answers),
        _paying("outpatient"),
        "Come back to this guide if things change.",
    ]
    return summary, ["outpatient_enough", "daily_impact", "current_care"], found, steps


_BUILDERS = {
    "emergency": _emergency,
    "detox": _detox,
    "inpatient": _inpatient,
    "residential": _residential,
    "php": _php,
    "iop": _iop,
    "outpatient": _outpatient,
}
